using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

/// <summary>
/// What every store must do, tested through the domain's storage ports only. A store's test fixture derives from this
/// class and supplies <see cref="CreateStorage"/>; each test gets storage of its own. The parts of the contract are
/// in the ExchangeStoreContract.*.cs files beside this one.
/// </summary>
public abstract partial class ExchangeStoreContract
{
    private const string InstanceA = "instance-a";

    private readonly List<OpenedStore> _opened = [];
    private IStoreUnderTest? _storage;

    private IStoreUnderTest Storage => _storage ?? throw new InvalidOperationException("no storage outside a test");

    /// <summary>New, empty storage for one test.</summary>
    protected abstract IStoreUnderTest CreateStorage();

    [SetUp]
    public void CreateTestStorage() => _storage = CreateStorage();

    [TearDown]
    public void RemoveTestStorage()
    {
        foreach (var opened in _opened)
        {
            opened.Dispose();
        }
        _opened.Clear();
        _storage?.Dispose();
        _storage = null;
    }

    /// <summary>
    /// Opens this test's store as an exchange instance would, on <paramref name="clock"/> when given; closed after the
    /// test unless closed before.
    /// </summary>
    protected OpenedStore Open(string instanceId = InstanceA, TimeProvider? clock = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var opened = OpenedStore.Open(Storage, instanceId, clock, services);
        _opened.Add(opened);
        return opened;
    }

    /// <summary>Closes <paramref name="store"/> and opens the same storage again, as a restart does.</summary>
    protected OpenedStore Reopen(OpenedStore store)
    {
        store.Dispose();
        _opened.Remove(store);
        return Open();
    }

    protected Task OverwriteSnapshotAsync(long sequence, string snapshot) => Storage.OverwriteSnapshotAsync(sequence, snapshot);

    [Test]
    public void The_store_id_is_kept_across_restarts_and_differs_between_stores()
    {
        var store = Open();
        var id = store.Log.StoreId;

        store = Reopen(store);

        Assert.That(store.Log.StoreId, Is.EqualTo(id));
        Assert.That(id, Is.Not.EqualTo(Guid.Empty));
        using var other = CreateStorage();
        using var otherStore = OpenedStore.Open(other, InstanceA);
        Assert.That(otherStore.Log.StoreId, Is.Not.EqualTo(id));
    }
}
