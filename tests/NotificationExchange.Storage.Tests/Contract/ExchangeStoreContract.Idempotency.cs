using NotificationExchange.Domain.Storage;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

// Remembered requests: what makes a retry get the first answer.
public abstract partial class ExchangeStoreContract
{
    [Test]
    public async Task A_remembered_request_is_found_again_with_its_fingerprint_after_a_restart()
    {
        var store = Open();
        await store.WriteAsync(s =>
        {
            var filed = s.AppendNext("N-1");
            s.RecordRequest(new IdempotencyRecord("op-a", "request-1", [1, 2, 3], "N-1", filed.Notification.Version));
            return filed;
        });

        store = Reopen(store);
        var found = await store.WriteAsync(s => s.FindRequest("op-a", "request-1"));

        Assert.That(found, Is.Not.Null);
        Assert.That((found!.OperatorId, found.RequestId, found.NotificationId, found.Version), Is.EqualTo(("op-a", "request-1", "N-1", 1)));
        Assert.That(found.Fingerprint, Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(await store.WriteAsync(s => s.FindRequest("op-a", "request-2")), Is.Null);
    }

    [Test]
    public async Task The_same_request_id_of_another_operator_is_another_request()
    {
        var store = Open();
        await store.WriteAsync(s =>
        {
            s.RecordRequest(new IdempotencyRecord("op-a", "request-1", [1], "N-1", 1));
            return 0;
        });

        Assert.That(await store.WriteAsync(s => s.FindRequest("op-b", "request-1")), Is.Null);
        await store.WriteAsync(s =>
        {
            s.RecordRequest(new IdempotencyRecord("op-b", "request-1", [2], "N-2", 1));
            return 0;
        });

        Assert.That((await store.WriteAsync(s => s.FindRequest("op-a", "request-1")))!.Fingerprint, Is.EqualTo(new byte[] { 1 }));
        Assert.That((await store.WriteAsync(s => s.FindRequest("op-b", "request-1")))!.NotificationId, Is.EqualTo("N-2"));
    }

    [Test]
    public async Task A_request_is_remembered_once()
    {
        var store = Open();
        await store.WriteAsync(s =>
        {
            s.RecordRequest(new IdempotencyRecord("op-a", "request-1", [1], "N-1", 1));
            return 0;
        });

        Assert.That(() => store.WriteAsync(s =>
        {
            s.RecordRequest(new IdempotencyRecord("op-a", "request-1", [2], "N-1", 2));
            return 0;
        }), Throws.Exception);
        Assert.That((await store.WriteAsync(s => s.FindRequest("op-a", "request-1")))!.Fingerprint, Is.EqualTo(new byte[] { 1 }));
    }

    [Test]
    public async Task A_remembered_request_is_found_outside_the_write_with_the_event_it_recorded()
    {
        // FilingService looks a refused request's id up outside the write (a rule that has since changed must not refuse a retry).
        var store = Open();
        await store.WriteAsync(s =>
        {
            var filed = s.AppendNext("N-1");
            s.RecordRequest(new IdempotencyRecord("op-a", "request-1", [7, 8], "N-1", filed.Notification.Version));
            return filed;
        });
        await store.WriteAsync(s => s.AppendNext("N-1"));

        var found = await store.Log.FindRequestAsync("op-a", "request-1", CancellationToken.None);

        Assert.That(found, Is.Not.Null);
        Assert.That(found!.Fingerprint, Is.EqualTo(new byte[] { 7, 8 }));
        Assert.That((found.First.Notification.Id, found.First.Notification.Version, found.First.Sequence), Is.EqualTo(("N-1", 1, 1L)));
        Assert.That(await store.Log.FindRequestAsync("op-b", "request-1", CancellationToken.None), Is.Null);
        Assert.That(await store.Log.FindRequestAsync("op-a", "request-2", CancellationToken.None), Is.Null);
    }
}
