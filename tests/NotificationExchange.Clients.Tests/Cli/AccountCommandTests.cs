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
    public async Task A_profile_s_key_is_never_sent_to_another_exchange()
    {
        var saved = await Exchange.NewOperatorKeyAsync("bound-ops");
        var nxc = new Nxc(Config);
        Assert.That((await nxc.RunAsync(["login", "--server", Exchange.Address, "--key", saved], "", CancellationToken.None)).ExitCode, Is.EqualTo(0));

        var elsewhere = await nxc.With(("NX_ADDRESS", "http://127.0.0.1:1")).RunAsync("whoami");
        var own = await nxc.With(("NX_ADDRESS", Exchange.Address + "/")).RunAsync("whoami");

        Assert.That((elsewhere.ExitCode, elsewhere.ErrorLines.Length), Is.EqualTo((ExitCodes.Usage, 1)), elsewhere.ToString());
        Assert.That(elsewhere.ErrorLines[0], Does.StartWith($"nxc: the profile's key is for {Exchange.Address}, not http://127.0.0.1:1 (NX_ADDRESS)"));
        Assert.That(own.ExitCode, Is.EqualTo(ExitCodes.Ok), own.ToString());
    }

    [Test]
    public async Task A_bare_login_saves_the_profile_named_default_and_leaves_the_others()
    {
        var first = await Exchange.NewOperatorKeyAsync("named-ops");
        var second = await Exchange.NewOperatorKeyAsync("bare-ops");
        var nxc = new Nxc(Config).With(("NX_ADDRESS", Exchange.Address));
        Assert.That((await nxc.RunAsync(["login", "--profile", "named"], first + "\n", CancellationToken.None)).ExitCode, Is.EqualTo(0));

        var bare = await nxc.RunAsync(["login"], second + "\n", CancellationToken.None);
        var named = await nxc.RunAsync("whoami", "--profile", "named", "--output", "json");

        Assert.That(bare.Output, Does.Contain("profile default saved"), bare.ToString());
        Assert.That(named.Json().GetProperty("id").GetString(), Is.EqualTo("named-ops"), "the named profile keeps its key");
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
