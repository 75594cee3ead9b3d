using NotificationExchange.Cli.Cli;
using NotificationExchange.Clients.Tests.Support;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>
/// nxc admin (operators and keys, the reference catalogue) and nxc directory update against a real exchange: keys
/// shown once and working, a rotated key replacing the old one, a catalogue loaded from a file sent by nxc and from a
/// path on the exchange's host with its rejections reported by line, and a profile changed piece by piece.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AdminAndDirectoryCommandTests : ExchangeFixture
{
    [Test]
    public async Task An_operator_is_created_with_its_profile_and_its_key_shown_once_works_until_rotated()
    {
        var created = Ok(await Admin.RunAsync("admin", "operator", "create", "esa-admin-test", "--name", "ESA Space Debris Office", "--agency", "--country", "ESA",
            "--primary", "Space debris duty engineer", "--primary-email", "sdo@esa.example", "--ops", "ESOC operations", "--ops-phone", "+49 6151 90 0"));
        Assert.That(created.Lines[0], Is.EqualTo("agency esa-admin-test (ESA Space Debris Office) created; its API key, shown this once:"));
        var key = created.Lines[^1];

        var whoami = Ok(await As(key).RunAsync("whoami", "-o", "json")).Json();
        Assert.Multiple(() =>
        {
            Assert.That(whoami.GetProperty("kind").GetString(), Is.EqualTo("ORGANIZATION_KIND_AGENCY"));
            Assert.That(whoami.GetProperty("country").GetString(), Is.EqualTo("ESA"));
            Assert.That(whoami.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("role").GetString()),
                Is.EqualTo(new[] { "CONTACT_ROLE_PRIMARY", "CONTACT_ROLE_OPERATIONS_24_7" }));
            Assert.That(whoami.GetProperty("contacts")[1].GetProperty("hours").GetProperty("aroundTheClock").GetBoolean(), Is.True);
            Assert.That(whoami.GetProperty("administrator").GetBoolean(), Is.False);
        });

        var adminCreated = Ok(await Admin.RunAsync("admin", "operator", "create", "second-admin", "--name", "Deputy", "--admin", "-o", "json")).Json();
        Assert.That(adminCreated.GetProperty("operator").GetProperty("administrator").GetBoolean(), Is.True);
        var list = Ok(await As(adminCreated.GetProperty("apiKey").GetString()!).RunAsync("admin", "operator", "list", "-o", "json")).Json();
        Assert.That(list.EnumerateArray().Where(o => o.GetProperty("administrator").GetBoolean()).Select(o => o.GetProperty("id").GetString()), Does.Contain("second-admin"));
        Assert.That(Ok(await Admin.RunAsync("admin", "operator", "list")).Output, Does.Contain("esa-admin-test").And.Contain("ESA Space Debris Office"));

        var rotated = Ok(await Admin.RunAsync("admin", "operator", "rotate-key", "esa-admin-test"));
        Assert.That(rotated.Lines[0], Does.StartWith("new API key of esa-admin-test"));
        var old = await As(key).RunAsync("whoami");
        Assert.That((old.ExitCode, old.ErrorLines.Single()), Is.EqualTo((ExitCodes.Refused, old.ErrorLines[0])), old.ToString());
        Assert.That(old.ErrorLines[0], Does.StartWith("nxc: refused: Unauthenticated"));
        Assert.That(Ok(await As(rotated.Lines[^1]).RunAsync("whoami")).Lines[0], Does.StartWith("esa-admin-test (ESA Space Debris Office): agency"));
    }

    [Test]
    public async Task Only_anAdministrator_creates_operators_and_bad_fields_are_named_line_by_line()
    {
        var key = Ok(await Admin.RunAsync("admin", "operator", "create", "plain-ops", "--name", "Plain", "-o", "json")).Json().GetProperty("apiKey").GetString()!;

        var denied = await As(key).RunAsync("admin", "operator", "create", "sneaky-ops", "--name", "Sneaky");
        var invalid = await Admin.RunAsync("admin", "operator", "create", "Bad_Id", "--name", "x", "--primary", "Nobody", "--primary-email", "not-an-email");

        Assert.That((denied.ExitCode, denied.ErrorLines.Length), Is.EqualTo((ExitCodes.Refused, 1)), denied.ToString());
        Assert.That(denied.ErrorLines[0], Does.StartWith("nxc: refused: PermissionDenied"));
        Assert.That(invalid.ExitCode, Is.EqualTo(ExitCodes.Refused), invalid.ToString());
        var lines = invalid.Error.TrimEnd('\n').Split('\n');
        Assert.That(lines[0], Does.StartWith("nxc: refused: InvalidArgument"));
        Assert.That(lines.Skip(1).Select(l => l.Split(':')[0].Trim()), Is.SupersetOf(new[] { "operator_id" }), invalid.ToString());
        Assert.That(lines.Skip(1), Has.Some.Contains("email"), invalid.ToString());
    }

    [Test]
    public async Task A_catalogue_is_loaded_from_a_file_sent_or_read_on_the_exchange_and_its_status_follows()
    {
        var folder = Directory.CreateTempSubdirectory("nxc-catalogue-").FullName;
        try
        {
            var (a1, a2) = Tles.Iss(80001);
            var (b1, b2) = Tles.Iss(80002);
            var file = Path.Combine(folder, "catalogue.3le");
            await File.WriteAllLinesAsync(file, ["0 FIRST", a1, a2, "0 SECOND", b1, b2, "0 BROKEN", "1 80003U garbage"]);

            var loaded = Ok(await Admin.RunAsync("admin", "catalogue", "load", file, "--source", "test snapshot"));
            Assert.That(loaded.Lines[0], Does.Match(@"^load \d+ from test snapshot \(3LE\) at \S+ \S+: 3 entries, 2 added, 0 changed, 0 dropped, 0 unchanged, 1 rejected$"));
            Assert.That(loaded.Lines[1], Does.StartWith("line 8"), "the rejection, by line of the file");

            var again = Ok(await Admin.RunAsync("admin", "catalogue", "load", file, "--on-exchange", "-o", "json")).Json();
            Assert.That(again.GetProperty("unchanged").GetInt64(), Is.EqualTo(2));
            Assert.That(again.GetProperty("source").GetString(), Is.EqualTo("catalogue.3le"));
            Assert.That(again.GetProperty("rejected")[0].GetProperty("line").GetInt64(), Is.EqualTo(8));

            var status = Ok(await Admin.RunAsync("admin", "catalogue", "status", "-o", "json")).Json();
            Assert.That(status.GetProperty("objects").GetInt64(), Is.EqualTo(2));
            Assert.That(status.GetProperty("lastLoad").GetProperty("loadId").GetString(), Is.EqualTo(again.GetProperty("loadId").GetString()));
            var text = Ok(await Admin.RunAsync("admin", "catalogue", "status"));
            Assert.That(text.Lines[1], Is.EqualTo("catalogue: 2 objects; registered: 0"));

            var missing = await Admin.RunAsync("admin", "catalogue", "load", Path.Combine(folder, "missing.3le"));
            Assert.That((missing.ExitCode, missing.ErrorLines.Length), Is.EqualTo((ExitCodes.Usage, 1)), missing.ToString());
            Assert.That(missing.ErrorLines[0], Does.StartWith("nxc: FILE missing.3le: cannot be read: "));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Directory_update_changes_what_it_is_told_and_keeps_the_rest()
    {
        var key = Ok(await Admin.RunAsync("admin", "operator", "create", "profile-ops", "--name", "Profile Ops", "-o", "json")).Json().GetProperty("apiKey").GetString()!;
        var nxc = As(key);

        var first = Ok(await nxc.RunAsync("directory", "update", "--kind", "agency", "--country", "FR", "--name", "CNES Flight Dynamics",
            "--primary", "FD duty", "--primary-email", "fd@cnes.example", "--backup", "FD backup", "--backup-phone", "+33 5 61 00 00 00"));
        Assert.That(first.Lines, Is.EqualTo(new[]
        {
            "profile of profile-ops updated: CNES Flight Dynamics, agency, FR",
            "primary: FD duty, fd@cnes.example",
            "backup: FD backup, +33 5 61 00 00 00",
        }));

        var second = Ok(await nxc.RunAsync("directory", "update", "--primary-phone", "+33 5 61 11 11 11", "--remove-contact", "backup", "--ops", "CNES ops desk",
            "--ops-email", "ops@cnes.example", "-o", "json")).Json();
        Assert.Multiple(() =>
        {
            Assert.That(second.GetProperty("displayName").GetString(), Is.EqualTo("CNES Flight Dynamics"), "kept");
            Assert.That(second.GetProperty("country").GetString(), Is.EqualTo("FR"), "kept");
            Assert.That(second.GetProperty("contacts").EnumerateArray().Select(c => (c.GetProperty("role").GetString(), c.GetProperty("name").GetString(), c.GetProperty("email").GetString(), c.GetProperty("phone").GetString())),
                Is.EqualTo(new[]
                {
                    ("CONTACT_ROLE_PRIMARY", "FD duty", "fd@cnes.example", "+33 5 61 11 11 11"),
                    ("CONTACT_ROLE_OPERATIONS_24_7", "CNES ops desk", "ops@cnes.example", ""),
                }));
        });
        var listed = Ok(await nxc.RunAsync("directory", "--kind", "agency", "--country", "FR"));
        Assert.That(listed.Output, Does.Contain("profile-ops").And.Contain("24/7: CNES ops desk, ops@cnes.example"));

        var nothing = await nxc.RunAsync("directory", "update");
        Assert.That((nothing.ExitCode, nothing.ErrorLines.Length), Is.EqualTo((ExitCodes.Usage, 1)), nothing.ToString());
        var bad = await nxc.RunAsync("directory", "update", "--backup", "No reach");
        Assert.That(bad.ExitCode, Is.EqualTo(ExitCodes.Refused), bad.ToString());
        Assert.That(bad.Error.Split('\n').Skip(1).Where(l => l.Length > 0), Has.All.StartWith("  contacts"), bad.ToString());
    }

}
