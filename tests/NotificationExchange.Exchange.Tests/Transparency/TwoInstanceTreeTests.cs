using System.Numerics;
using Microsoft.Extensions.DependencyInjection;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Transparency;

/// <summary>
/// Two instances on one store, both filing and both running the tree builder and signer: the tree's work cursor lets
/// one append at a time, so each leaf is appended once (the store holds exactly the complete subtrees of the tree) and
/// both serve the same heads.
/// </summary>
public sealed class TwoInstanceTreeTests
{
    [Test]
    public async Task Each_leaf_is_appended_once_and_both_instances_serve_the_same_heads()
    {
        using var database = new TestDatabase();
        await using var first = await ExchangeHost.StartAsync(database.Path, settings: TransparencyLogTests.FastSigning);
        await using var second = await ExchangeHost.StartAsync(database.Path, settings: TransparencyLogTests.FastSigning);
        var key = await first.NewOperatorKeyAsync("twin-ops");
        var filers = new[] { first.Client(key), second.Client(key) };

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => filers[i % 2].Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver((uint)(30000 + i)))).ResponseAsync));

        var size = (ulong)await first.Services.GetRequiredService<INotificationLog>().GetHeadSequenceAsync(CancellationToken.None);
        var clients = new[] { first, second }.Select(h => new TransparencyService.TransparencyServiceClient(h.AnonymousChannel())).ToArray();
        var head = await LogAuditor.HeadCoveringAsync(clients[0], size);
        await LogAuditor.HeadCoveringAsync(clients[1], size);
        Assert.That(await clients[1].GetSignedTreeHeadAsync(new GetSignedTreeHeadRequest { TreeSize = head.TreeSize }), Is.EqualTo(head));
        Assert.That(head.TreeSize, Is.EqualTo(size));

        var leaves = await LogAuditor.AllLeavesAsync(clients[1]);
        Assert.That(LogAuditor.RootOf(leaves, size), Is.EqualTo(head.RootHash.ToByteArray()));
        // A tree of n leaves has 2n - popcount(n) complete subtrees; a leaf appended twice would have failed its write
        // (the nodes' key) or left more.
        Assert.That(await TestStore.ScalarAsync(database.Path, "SELECT COUNT(*) FROM tree_nodes;"), Is.EqualTo(2 * (long)size - BitOperations.PopCount(size)));
    }
}
