using Microsoft.Extensions.Hosting;

namespace NotificationExchange.Storage.Tests.Contract;

/// <summary>
/// The storage one contract test runs on, new for each test and removed after it. It may be opened any number of
/// times, one after the other (a restart) or side by side (several instances sharing it).
/// </summary>
public interface IStoreUnderTest : IDisposable
{
    /// <summary>Registers the store on this test's storage, as the exchange's host does.</summary>
    void AddTo(IHostApplicationBuilder builder);

    /// <summary>Replaces the stored snapshot of one log entry with <paramref name="snapshot"/>, as damage or an earlier build would.</summary>
    Task OverwriteSnapshotAsync(long sequence, string snapshot);
}
