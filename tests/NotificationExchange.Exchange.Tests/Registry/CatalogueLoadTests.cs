using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NotificationExchange.Alerts.CatalogueLoading;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Registry;

/// <summary>
/// Loading the reference catalogue end to end, each test on a store of its own (the catalogue is the exchange's one):
/// a file's bad entries reported by line and reason, a refresh reporting exactly what changed, the 2022-07-14
/// Space-Track snapshot loaded from a path, retries, administrators only, and the start-up load.
/// </summary>
public class CatalogueLoadTests
{
    private const string Vanguard1 = "0 VANGUARD 1\n1     5U 58002B   22196.28486465  .00000351  00000-0  43722-3 0  9993\n2     5  34.2492  53.6414 1847265 162.8155 204.4542 10.84977341287669";
    private const string VanguardRb = "0 VANGUARD R/B\n1 00012U 59001B   22195.79942252  .00000132  00000-0  82469-4 0  9996\n2 00012  32.8958 220.6307 1665094  98.5104 280.6858 11.44684187366756";
    private const string ScoutDebLine1 = "1 00085U 61004C   22194.92742186  .00011946  00000-0  23070-2 0  9996";
    private const string ScoutDebLine2 = "2 00085  38.7679 110.0223 0371939 157.6407 204.1027 14.27264169 38869";
    private const string Iss = "0 ISS (ZARYA)\n" + Notices.IssLine1 + "\n" + Notices.IssLine2;

    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;

    [SetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
    }

    [TearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    private static string Id() => Guid.NewGuid().ToString("N");

    private static string ScoutDeb(string line1 = ScoutDebLine1) => "0 SCOUT X-1 DEB\n" + line1 + "\n" + ScoutDebLine2;

    [Test]
    public async Task A_files_bad_entries_are_reported_by_line_and_a_refresh_reports_exactly_what_changed()
    {
        var admin = _host.Admin();
        var badChecksum = ScoutDebLine1[..68] + "0";
        // lines 1-6: two good objects; 7-9: a bad checksum on line 8; 10-12 ISS; 13-15 ISS again; 16: no element set
        var first = string.Join("\n", Vanguard1, VanguardRb, ScoutDeb(badChecksum), Iss, Iss, "this line is no element set") + "\n";

        var report = await admin.Registry.LoadCatalogueAsync(new LoadCatalogueRequest { RequestId = Id(), Content = first, Source = "inline test" });

        Assert.That((report.LoadId, report.Source, report.Format, report.Replayed), Is.EqualTo((1UL, "inline test", "3LE", false)));
        Assert.That(report.Added, Is.EqualTo(new uint[] { 5, 12, 25544 }));
        Assert.That((report.Changed, report.Dropped, report.Unchanged), Is.EqualTo((Array.Empty<uint>(), Array.Empty<uint>(), 0U)));
        var rejected = report.Rejected.ToDictionary(r => r.Line);
        Assert.That(rejected.Keys, Is.EquivalentTo(new uint[] { 8, 11, 16 }), string.Join("; ", report.Rejected));
        Assert.That(rejected[8].Reason, Does.Contain("checksum"));
        Assert.That(rejected[11].NoradCatId, Is.EqualTo(25544U));
        Assert.That(rejected[11].Reason, Does.Contain("given more than once").And.Contain("line 14"), "the later of two equal element sets is kept");
        Assert.That(rejected[16].Reason, Does.Contain("is not followed by element lines"));
        Assert.That(report.Total, Is.EqualTo(6U));

        var changedIss = RegistryOrbits.WithChecksum(Notices.IssLine1[..20] + "197" + Notices.IssLine1[23..]);
        var second = string.Join("\n", Vanguard1, "0 ISS (ZARYA)\n" + changedIss + "\n" + Notices.IssLine2, ScoutDeb()) + "\n";
        var refresh = await admin.Registry.LoadCatalogueAsync(new LoadCatalogueRequest { RequestId = Id(), Content = second });

        Assert.That((refresh.LoadId, refresh.Source), Is.EqualTo((2UL, "uploaded content")));
        Assert.That((refresh.Added, refresh.Changed, refresh.Dropped, refresh.Unchanged, refresh.Rejected.Count),
            Is.EqualTo((new uint[] { 85 }, new uint[] { 25544 }, new uint[] { 12 }, 1U, 0)));
        var status = await admin.Registry.GetCatalogueStatusAsync(new GetCatalogueStatusRequest());
        Assert.That((status.Objects, status.LastLoad, status.Simulated), Is.EqualTo((3U, refresh, false)));
        Assert.That(status.Now.ToDateTime(), Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public async Task A_retry_is_answered_with_the_first_report_and_the_same_id_for_another_file_is_refused()
    {
        var admin = _host.Admin();
        var request = new LoadCatalogueRequest { RequestId = Id(), Content = Vanguard1 + "\n" };
        var first = await admin.Registry.LoadCatalogueAsync(request);
        await admin.Registry.LoadCatalogueAsync(new LoadCatalogueRequest { RequestId = Id(), Content = Iss + "\n" });

        var retried = await admin.Registry.LoadCatalogueAsync(request);

        Assert.That(retried.Replayed, Is.True);
        Assert.That(retried, Is.EqualTo(new CatalogueLoadReport(first) { Replayed = true }));
        Assert.That((await admin.Registry.GetCatalogueStatusAsync(new GetCatalogueStatusRequest())).LastLoad.LoadId, Is.EqualTo(2UL), "the retry loaded nothing");
        var reused = await GrpcAssert.InvalidFieldsAsync(async () => await admin.Registry.LoadCatalogueAsync(new LoadCatalogueRequest(request) { Content = Iss + "\n" }));
        Assert.That(reused["request_id"], Does.Contain("was already used for another request"));
    }

    [Test]
    public async Task Only_administrators_load_and_a_load_needs_exactly_one_of_content_and_path()
    {
        var operatorClient = await _host.NewOperatorAsync("cat-operator");
        await GrpcAssert.FailsWithAsync(StatusCode.PermissionDenied, async () => await operatorClient.Registry.LoadCatalogueAsync(
            new LoadCatalogueRequest { RequestId = Id(), Content = Vanguard1 }));
        var admin = _host.Admin();

        var neither = await GrpcAssert.InvalidFieldsAsync(async () => await admin.Registry.LoadCatalogueAsync(new LoadCatalogueRequest { RequestId = Id() }));
        var both = await GrpcAssert.InvalidFieldsAsync(async () => await admin.Registry.LoadCatalogueAsync(
            new LoadCatalogueRequest { RequestId = Id(), Content = Vanguard1, Path = "/tmp/x" }));
        var missing = await GrpcAssert.InvalidFieldsAsync(async () => await admin.Registry.LoadCatalogueAsync(
            new LoadCatalogueRequest { RequestId = Id(), Path = "/nonexistent/catalogue.txt" }));
        var nothing = await GrpcAssert.InvalidFieldsAsync(async () => await admin.Registry.LoadCatalogueAsync(
            new LoadCatalogueRequest { RequestId = Id(), Content = "nothing to read here\n" }));

        Assert.That(neither.Keys, Is.EquivalentTo(new[] { "content" }));
        Assert.That(both.Keys, Is.EquivalentTo(new[] { "path" }));
        Assert.That(missing["path"], Does.Contain("no such file"));
        Assert.That(nothing["content"], Does.Contain("no entry could be read"));
        Assert.That((await admin.Registry.GetCatalogueStatusAsync(new GetCatalogueStatusRequest())).LastLoad, Is.Null, "nothing was loaded");
    }

    [Test]
    public async Task The_space_track_snapshot_loads_from_a_path()
    {
        var path = SharedData.Require("catalog/spacetrack_3le_2022-07-14.txt");
        var admin = _host.Admin();

        var report = await admin.Registry.LoadCatalogueAsync(new LoadCatalogueRequest { RequestId = Id(), Path = path, Source = "space-track 2022-07-14" });

        Assert.That((report.Added.Count, report.Format, report.Source), Is.EqualTo((24_132, "3LE", "space-track 2022-07-14")));
        Assert.That((await admin.Registry.GetCatalogueStatusAsync(new GetCatalogueStatusRequest())).Objects, Is.EqualTo(24_132U));
        var again = await admin.Registry.LoadCatalogueAsync(new LoadCatalogueRequest { RequestId = Id(), Path = path });
        Assert.That((again.Added.Count, again.Changed.Count, again.Dropped.Count, again.Unchanged), Is.EqualTo((0, 0, 0, 24_132U)));
    }

    [Test]
    public async Task The_configured_file_is_loaded_at_start_and_not_again_while_it_is_unchanged()
    {
        var file = Path.Combine(Path.GetDirectoryName(_database.Path)!, $"catalogue-{Id()}.txt");
        await File.WriteAllTextAsync(file, Vanguard1 + "\n" + Iss + "\n");
        try
        {
            var settings = new Dictionary<string, string> { ["Exchange:Alerts:Catalogue:Path"] = file };
            await _host.DisposeAsync();
            _host = await ExchangeHost.StartAsync(_database.Path, settings: settings);
            await StartupLoad(_host);
            var loaded = (await _host.Admin().Registry.GetCatalogueStatusAsync(new GetCatalogueStatusRequest())).LastLoad;
            Assert.That((loaded.LoadId, loaded.Added), Is.EqualTo((1UL, new uint[] { 5, 25544 })));

            await _host.DisposeAsync();
            _host = await ExchangeHost.StartAsync(_database.Path, settings: settings);
            await StartupLoad(_host);
            Assert.That((await _host.Admin().Registry.GetCatalogueStatusAsync(new GetCatalogueStatusRequest())).LastLoad.LoadId, Is.EqualTo(1UL), "unchanged: not loaded again");

            await File.WriteAllTextAsync(file, Iss + "\n");
            await _host.DisposeAsync();
            _host = await ExchangeHost.StartAsync(_database.Path, settings: settings);
            await StartupLoad(_host);
            var reloaded = (await _host.Admin().Registry.GetCatalogueStatusAsync(new GetCatalogueStatusRequest())).LastLoad;
            Assert.That((reloaded.LoadId, reloaded.Dropped, reloaded.Unchanged), Is.EqualTo((2UL, new uint[] { 5 }, 1U)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Task StartupLoad(ExchangeHost host) =>
        host.Services.GetServices<IHostedService>().OfType<CatalogueStartupLoad>().Single().ExecuteTask ?? Task.CompletedTask;
}
