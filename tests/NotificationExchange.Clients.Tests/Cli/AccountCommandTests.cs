using NotificationExchange.Cli.Cli;
using NotificationExchange.Clients.Tests.Support;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>login, whoami and directory against a real exchange, and what nxc says when it cannot go on.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AccountCommandTests : ExchangeFixture
{
    [Test]
    public async Task Login_saves_a_private_profile_that_whoami_then_uses()
    {
        var key = await Exchange.NewOperatorKeyAsync("login-ops");
        var nxc = new Nxc(Config);

        var login = await nxc.RunAsync(["login", "--server", Exchange.Address, "--profile", "ops"], key + "\n", CancellationToken.None);
        var whoami = await nxc.RunAsync("whoami");

        Assert.That(login.ExitCode, Is.EqualTo(ExitCodes.Ok), login.ToString());
        Assert.That(File.GetUnixFileMode(Path.Combine(Config, "profiles.json")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(whoami.ExitCode, Is.EqualTo(ExitCodes.Ok), whoami.ToString());
        Assert.That(whoami.Lines[0], Does.StartWith("login-ops (Operator login-ops): operator"));
    }

    [Test]
    public async Task Environment_variables_override_the_saved_profile()
    {
        var saved = await Exchange.NewOperatorKeyAsync("saved-ops");
        var other = await Exchange.NewOperatorKeyAsync("env-ops");
        var nxc = new Nxc(Config);
        Assert.That((await nxc.RunAsync(["login", "--server", Exchange.Address, "--key", saved], "", CancellationToken.None)).ExitCode, Is.EqualTo(0));

        var whoami = await nxc.With(("NX_API_KEY", other)).RunAsync("whoami", "--output", "json");

        Assert.That(whoami.Json().GetProperty("id").GetString(), Is.EqualTo("env-ops"), whoami.ToString());
    }

    [Test]
    public async Task A_wrong_key_is_a_refusal_in_one_line()
    {
        var result = await As("not-a-key").RunAsync("whoami");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.StartWith("nxc: refused: Unauthenticated"));
    }

    [Test]
    public async Task An_exchange_that_is_not_there_is_a_connection_failure()
    {
        var result = await Offline.RunAsync("whoami", "--timeout", "5");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Unreachable), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.StartWith("nxc: cannot reach the exchange at http://127.0.0.1:1"));
    }

    [TestCase("whoami", "--bogus")]
    [TestCase("directory", "--kind", "planet")]
    [TestCase("no-such-verb")]
    [TestCase("whoami", "--api-key", "clé\u2028")]
    [TestCase("whoami", "--address", "ftp://example.org")]
    [TestCase("whoami", "--timeout", "1e300")]
    [TestCase("whoami", "--output", "xml")]
    [TestCase("file", "--from", "\0")]
    [TestCase("demo", "--alert-wait", "NaN")]
    public async Task A_bad_command_line_is_a_usage_error_before_anything_is_sent(params string[] args)
    {
        var result = await Offline.RunAsync(args);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.StartWith("nxc: "));
    }

    [Test]
    public async Task Directory_lists_every_organisation_as_json_for_scripts()
    {
        await Exchange.NewOperatorKeyAsync("dir-ops");
        var result = await Admin.RunAsync("directory", "-o", "json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Ok), result.ToString());
        Assert.That(result.Json().EnumerateArray().Select(e => e.GetProperty("organizationId").GetString()), Does.Contain("dir-ops"));
    }
}
