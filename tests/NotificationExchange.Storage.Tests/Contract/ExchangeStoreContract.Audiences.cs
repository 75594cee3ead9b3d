using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Notifications;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

// Per-notification audiences: each entry keeps the audience in force when it was written, readable or not; listings
// leave out what the reader may not see before paging; embargoes' ends are found for their release.
public abstract partial class ExchangeStoreContract
{
    [Test]
    public async Task Each_entry_keeps_the_audience_in_force_when_it_was_written_and_an_unreadable_one_keeps_it_too()
    {
        var store = Open();
        await store.WriteAsync(s => s.AppendShared("N-1", Named("op-b"), new Embargo(Bilateral("op-c"), LogEvents.Epoch.AddHours(1))));
        await store.WriteAsync(s => s.AppendShared("N-1", Named("op-b", "op-c"), null));
        await store.WriteAsync(s => s.AppendShared("N-2", new NotificationAudience(AudienceScope.Registered, []), null));

        var entries = await store.Log.ReadAfterAsync(0, 10, CancellationToken.None);
        Assert.That(entries.Select(e => e.Audience.ToString()), Is.EqualTo(new[] { "parties op-a, op-c", "parties op-a, op-b, op-c", "registered" }));
        Assert.That(((RecordedEvent)entries[0]).Notification.Embargo, Is.EqualTo(new Embargo(Bilateral("op-c"), LogEvents.Epoch.AddHours(1))));
        var latest = await store.Log.GetLatestEntryAsync("N-1", CancellationToken.None);
        Assert.That((latest?.Sequence, latest?.Audience.ToString()), Is.EqualTo(((long?)2, "parties op-a, op-b, op-c")));
        Assert.That(await store.Log.GetLatestEntryAsync("N-9", CancellationToken.None), Is.Null);

        await OverwriteSnapshotAsync(1, """{"id": "N-1", "sequ""");
        var unreadable = (await store.Log.ReadRangeAsync(1, 1, CancellationToken.None)).Single();
        Assert.That((unreadable.IsReadable, unreadable.Audience.Admits("op-c"), unreadable.Audience.Admits("op-b")), Is.EqualTo((false, true, false)),
            "an unreadable entry is told only to the audience stored beside it");
    }

    [Test]
    public async Task A_listing_leaves_out_what_its_reader_may_not_see_before_paging()
    {
        var store = Open();
        await store.WriteAsync(s => s.AppendNext("N-1"));
        await store.WriteAsync(s => s.AppendShared("N-2", Named("op-b"), null));
        await store.WriteAsync(s => s.AppendShared("N-3", new NotificationAudience(AudienceScope.Registered, []), null));
        await store.WriteAsync(s => s.AppendShared("N-4", Bilateral("op-c"), null));

        async Task<string[]> Listed(string? reader, int pageSize = 10) =>
            (await store.Log.QueryAsync(Query(pageSize, reader), CancellationToken.None)).Notifications.Select(n => n.Id).ToArray();

        Assert.That(await Listed(null), Is.EqualTo(new[] { "N-1" }), "without credentials: public only");
        Assert.That(await Listed("op-a"), Is.EqualTo(new[] { "N-4", "N-3", "N-2", "N-1" }), "the filer");
        Assert.That(await Listed("op-b"), Is.EqualTo(new[] { "N-3", "N-2", "N-1" }));
        Assert.That(await Listed("op-c"), Is.EqualTo(new[] { "N-4", "N-3", "N-1" }));
        Assert.That(await Listed("op-d", pageSize: 2), Is.EqualTo(new[] { "N-3", "N-1" }), "a page is full of what the reader may see");
        var everything = await store.Log.QueryAsync(Query(10) with { ForTheExchange = true }, CancellationToken.None);
        Assert.That(everything.Notifications.Select(n => n.Id), Is.EqualTo(new[] { "N-4", "N-3", "N-2", "N-1" }), "the exchange's own work reads everything");

        await store.WriteAsync(s => s.AppendShared("N-2", Named("op-b", "op-d"), null));
        Assert.That(await Listed("op-d"), Is.EqualTo(new[] { "N-3", "N-2", "N-1" }), "the latest version's audience counts");
    }

    [Test]
    public async Task Embargoes_are_found_when_they_end_and_no_more_once_released()
    {
        var store = Open();
        await store.WriteAsync(s => s.AppendShared("N-1", Named("op-b"), new Embargo(Bilateral("op-b"), LogEvents.Epoch.AddHours(2))));
        await store.WriteAsync(s => s.AppendShared("N-2", NotificationAudience.Public, new Embargo(Named("op-b"), LogEvents.Epoch.AddHours(1))));
        await store.WriteAsync(s => s.AppendNext("N-3"));

        var none = await store.Log.GetDueEmbargoesAsync(LogEvents.Epoch, 10, CancellationToken.None);
        Assert.That((none.NotificationIds, none.NextEnd), Is.EqualTo((Array.Empty<string>(), (DateTime?)LogEvents.Epoch.AddHours(1))));
        var due = await store.Log.GetDueEmbargoesAsync(LogEvents.Epoch.AddHours(3), 10, CancellationToken.None);
        Assert.That(due.NotificationIds, Is.EqualTo(new[] { "N-2", "N-1" }), "soonest first");
        Assert.That(due.NextEnd, Is.Null);

        await store.WriteAsync(s => s.AppendShared("N-2", NotificationAudience.Public, null));
        Assert.That((await store.Log.GetDueEmbargoesAsync(LogEvents.Epoch.AddHours(3), 10, CancellationToken.None)).NotificationIds, Is.EqualTo(new[] { "N-1" }));
    }

    private static NotificationAudience Named(params string[] organizations) => new(AudienceScope.Named, organizations);

    private static NotificationAudience Bilateral(string counterpart) => new(AudienceScope.Bilateral, [counterpart]);
}
