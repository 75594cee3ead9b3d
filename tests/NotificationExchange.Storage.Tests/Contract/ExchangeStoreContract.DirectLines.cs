using NotificationExchange.Domain.Consultations.DirectLines;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

// Direct lines: written in the log writer's transaction, read by id, by pair and by side.
public abstract partial class ExchangeStoreContract
{
    private static DirectLine Line(string id, string proposedBy, string counterpart) =>
        new(id, proposedBy, counterpart, DirectLineState.Proposed, $"{proposedBy} and {counterpart}", LogEvents.Epoch.AddTicks(1234567), null);

    [Test]
    public async Task A_direct_line_is_found_by_id_by_its_pair_either_way_round_and_by_either_side_after_a_restart()
    {
        var store = Open();
        var line = Line("DL-aaaaaaaaaaaaaaaa", "op-a", "op-b");
        var other = Line("DL-bbbbbbbbbbbbbbbb", "op-c", "op-a") with { ProposedAt = LogEvents.Epoch.AddDays(1) };
        await store.WriteAsync(s =>
        {
            s.SaveDirectLine(line);
            s.SaveDirectLine(other);
            Assert.That(s.GetDirectLine(line.Id), Is.EqualTo(line), "the write sees what it saved");
            return 0;
        });

        store = Reopen(store);

        Assert.That(await store.WriteAsync(s => s.GetDirectLine(line.Id)), Is.EqualTo(line));
        Assert.That(await store.WriteAsync(s => s.FindDirectLineBetween("op-a", "op-b")), Is.EqualTo(line));
        Assert.That(await store.WriteAsync(s => s.FindDirectLineBetween("op-b", "op-a")), Is.EqualTo(line));
        Assert.That(await store.WriteAsync(s => s.FindDirectLineBetween("op-b", "op-c")), Is.Null);
        Assert.That(await store.WriteAsync(s => s.GetDirectLine("DL-cccccccccccccccc")), Is.Null);
        Assert.That(await store.DirectLines.GetDirectLineAsync(other.Id, CancellationToken.None), Is.EqualTo(other));
        Assert.That(await store.DirectLines.ListDirectLinesAsync("op-a", CancellationToken.None), Is.EqualTo(new[] { line, other }), "oldest proposal first");
        Assert.That(await store.DirectLines.ListDirectLinesAsync("op-b", CancellationToken.None), Is.EqualTo(new[] { line }));
        Assert.That(await store.DirectLines.ListDirectLinesAsync("op-d", CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Saving_a_line_again_stores_its_activation()
    {
        var store = Open();
        var line = Line("DL-aaaaaaaaaaaaaaaa", "op-a", "op-b");
        await store.WriteAsync(s =>
        {
            s.SaveDirectLine(line);
            return 0;
        });
        var active = line with { State = DirectLineState.Active, ActivatedAt = LogEvents.Epoch.AddHours(1) };

        await store.WriteAsync(s =>
        {
            s.SaveDirectLine(active);
            return 0;
        });

        Assert.That(await store.DirectLines.GetDirectLineAsync(line.Id, CancellationToken.None), Is.EqualTo(active));
    }

    [Test]
    public async Task A_pair_of_organisations_has_one_line_whoever_proposed_it()
    {
        var store = Open();
        var line = Line("DL-aaaaaaaaaaaaaaaa", "op-a", "op-b");
        await store.WriteAsync(s =>
        {
            s.SaveDirectLine(line);
            return 0;
        });

        Assert.That(() => store.WriteAsync(s =>
        {
            s.SaveDirectLine(Line("DL-bbbbbbbbbbbbbbbb", "op-b", "op-a"));
            return 0;
        }), Throws.Exception, "a second line for the pair fails its write");

        Assert.That(await store.DirectLines.ListDirectLinesAsync("op-a", CancellationToken.None), Is.EqualTo(new[] { line }));
    }
}
