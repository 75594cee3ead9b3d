using NotificationExchange.Cli.Cli;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Support;

/// <summary>
/// What a fixture of nxc tests against a real exchange shares: one exchange in-process for the fixture (started with
/// <see cref="Settings"/>), a config folder of each test's own, nxc as any key, nxc with nothing listening (a usage
/// error is found before anything is sent: anything sent there would be exit status 4), and the check that a command
/// succeeded.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public abstract class ExchangeFixture
{
    private TestDatabase _database = null!;

    internal ExchangeHost Exchange { get; private set; } = null!;

    internal string Config { get; private set; } = null!;

    /// <summary>The exchange's settings beyond the test host's (e.g. a simulation clock).</summary>
    internal virtual IDictionary<string, string>? Settings => null;

    [OneTimeSetUp]
    public async Task StartExchangeAsync()
    {
        _database = new TestDatabase();
        Exchange = await ExchangeHost.StartAsync(_database.Path, settings: Settings);
    }

    [OneTimeTearDown]
    public async Task StopExchangeAsync()
    {
        await Exchange.DisposeAsync();
        _database.Dispose();
    }

    [SetUp]
    public void NewConfig() => Config = Directory.CreateTempSubdirectory("nxc-config-").FullName;

    [TearDown]
    public void RemoveConfig() => Directory.Delete(Config, recursive: true);

    /// <summary>nxc calling the exchange with <paramref name="key"/>.</summary>
    internal Nxc As(string key) => new Nxc(Config).With(("NX_ADDRESS", Exchange.Address), ("NX_API_KEY", key));

    internal Nxc Admin => As(ExchangeHost.AdminKey);

    /// <summary>nxc with an address where nothing listens.</summary>
    internal Nxc Offline => new Nxc(Config).With(("NX_ADDRESS", "http://127.0.0.1:1"), ("NX_API_KEY", "k"));

    /// <summary><paramref name="result"/>, once the test has checked it is exit status 0.</summary>
    internal static NxcResult Ok(NxcResult result)
    {
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Ok), result.ToString());
        return result;
    }
}
