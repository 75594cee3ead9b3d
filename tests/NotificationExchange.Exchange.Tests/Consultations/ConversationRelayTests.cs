using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NotificationExchange.Api.Bus;
using NotificationExchange.Consultations.Conversations;
using Stored = NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Consultations;

/// <summary>
/// Parties conversing through two exchange instances on one store and the real RabbitMQ broker: messages and receipts
/// cross over the bus, and what the bus loses the store makes up for (the next announcement, or the periodic check).
/// </summary>
public class ConversationRelayTests
{
    // Long enough that nothing in a test comes through the periodic check unless the test moves a fake clock.
    private static readonly Dictionary<string, string> _noPeriodicCheck = new() { ["Exchange:Conversations:CheckInterval"] = "00:10:00" };

    private string _broker = null!;
    private TestDatabase _database = null!;
    private readonly List<ExchangeHost> _hosts = [];

    [SetUp]
    public void RequireBroker()
    {
        _broker = RabbitMqBroker.Require();
        _database = new TestDatabase();
    }

    [TearDown]
    public async Task StopInstances()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        _hosts.Clear();
        _database.Dispose();
    }

    [Test]
    public async Task Two_parties_on_two_instances_converse_each_receiving_every_message_once_in_order_and_the_others_receipts()
    {
        const int each = 20;
        var one = await StartInstance(_noPeriodicCheck);
        var two = await StartInstance(_noPeriodicCheck);
        var (aId, bId, a, b) = await PartiesAsync(one, two);
        var id = await Consulting.OpenAsync(a, b, bId);
        using var onA = await ConverseProbe.OpenAsync(a, id);
        using var onB = await ConverseProbe.OpenAsync(b, id);
        using var sayingOnB = await ConverseProbe.OpenAsync(b, id);
        await onA.ReadUntilCaughtUpAsync();
        await onB.ReadUntilCaughtUpAsync();

        // A says on instance one while B says on instance two, B from a stream of its own.
        var saidByA = new List<ulong>();
        var saidByB = new List<ulong>();
        var saying = Task.WhenAll(
            Task.Run(async () =>
            {
                for (var i = 1; i <= each; i++)
                {
                    saidByA.Add(await onA.SayAcceptedAsync($"a-{i}", $"from A {i}"));
                }
            }),
            Task.Run(async () =>
            {
                for (var i = 1; i <= each; i++)
                {
                    saidByB.Add(await sayingOnB.SayAcceptedAsync($"b-{i}", $"from B {i}"));
                }
            }));
        await saying;
        var seenOnA = await onA.ReadMessagesAsync(2 * each);
        var seenOnB = await onB.ReadMessagesAsync(2 * each);

        var all = Enumerable.Range(1, 2 * each).Select(i => (ulong)i).ToArray();
        Assert.That(saidByA.Concat(saidByB).Order(), Is.EqualTo(all), "one sequence for the consultation, whichever instance stored the message");
        Assert.That(seenOnA.Select(m => m.Sequence), Is.EqualTo(all));
        Assert.That(seenOnB.Select(m => m.Sequence), Is.EqualTo(all));
        Assert.That(seenOnB.Select(m => (m.FromOrganization, m.ClientMessageId, m.Text)), Is.EqualTo(seenOnA.Select(m => (m.FromOrganization, m.ClientMessageId, m.Text))));
        Assert.That(seenOnA.Where(m => m.FromOrganization == bId).Select(m => m.ClientMessageId), Is.EqualTo(Enumerable.Range(1, each).Select(i => $"b-{i}")),
            "each party's messages in the order it said them");

        await onB.ReceiptAsync(deliveredThrough: 2 * each, readThrough: each);
        var receipt = (await onA.ReadUntilAsync(r => r.Receipt?.OrganizationId == bId)).Receipt;
        Assert.That((receipt.DeliveredThrough, receipt.ReadThrough), Is.EqualTo(((ulong)(2 * each), (ulong)each)), "B's receipt, stored on two, reaches A on one");
        await onA.ReceiptAsync(deliveredThrough: 2 * each, readThrough: 2 * each);
        Assert.That((await onB.ReadUntilAsync(r => r.Receipt?.OrganizationId == aId)).Receipt.ReadThrough, Is.EqualTo(2 * each));
    }

    [Test]
    public async Task A_lost_announcement_is_made_up_for_by_the_next_one_from_the_store()
    {
        var dropped = new DroppingAnnouncer.Drops(sequence => sequence == 2);
        var one = await StartInstance(_noPeriodicCheck, services => DroppingAnnouncer.Register(services, dropped));
        var two = await StartInstance(_noPeriodicCheck);
        var (_, bId, a, b) = await PartiesAsync(one, two);
        var id = await Consulting.OpenAsync(a, b, bId);
        using var onA = await ConverseProbe.OpenAsync(a, id);
        using var onB = await ConverseProbe.OpenAsync(b, id);
        await onB.ReadUntilCaughtUpAsync();

        await onA.SayAcceptedAsync("a-1", "first");
        Assert.That((await onB.ReadMessagesAsync(1)).Single().Sequence, Is.EqualTo(1));
        await onA.SayAcceptedAsync("a-2", "second, never announced");
        await onA.SayAcceptedAsync("a-3", "third");

        Assert.That((await onB.ReadMessagesAsync(3)).Select(m => (m.Sequence, m.Text)),
            Is.EqualTo(new[] { (1UL, "first"), (2UL, "second, never announced"), (3UL, "third") }));
        Assert.That(dropped.Messages, Is.EqualTo(new long[] { 2 }), "the bus never carried message 2");
    }

    [Test]
    public async Task A_lost_last_message_and_receipt_are_found_by_the_periodic_check_of_the_store()
    {
        var dropped = new DroppingAnnouncer.Drops(_ => true);
        var clockOfTwo = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var one = await StartInstance(_noPeriodicCheck, services => DroppingAnnouncer.Register(services, dropped));
        var two = await StartInstance(services: services => services.AddSingleton<TimeProvider>(clockOfTwo));
        var (aId, bId, a, b) = await PartiesAsync(one, two);
        var id = await Consulting.OpenAsync(a, b, bId);
        using var onA = await ConverseProbe.OpenAsync(a, id);
        using var onB = await ConverseProbe.OpenAsync(b, id);
        await onB.ReadUntilCaughtUpAsync();

        await onA.SayAcceptedAsync("a-1", "nobody announces this");
        await onA.ReceiptAsync(deliveredThrough: 1, readThrough: 1);
        await WaitUntilAsync(async () => (await a.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = id })).Consultation.Receipts.Count == 1);
        clockOfTwo.Advance(TimeSpan.FromSeconds(1));

        Assert.That((await onB.ReadMessagesAsync(1)).Single().Text, Is.EqualTo("nobody announces this"));
        Assert.That((await onB.ReadUntilAsync(r => r.Receipt?.OrganizationId == aId)).Receipt.ReadThrough, Is.EqualTo(1));
        Assert.That(dropped.Messages, Is.EqualTo(new long[] { 1 }));
        Assert.That(dropped.Receipts, Is.EqualTo(1));
    }

    private async Task<(string AId, string BId, ExchangeClient A, ExchangeClient B)> PartiesAsync(ExchangeHost one, ExchangeHost two)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (aId, bId) = ($"esa-ops-{suffix}", $"cnes-ops-{suffix}");
        var a = one.Client(await one.NewOperatorKeyAsync(aId));
        var b = two.Client(await one.NewOperatorKeyAsync(bId));
        return (aId, bId, a, b);
    }

    private async Task<ExchangeHost> StartInstance(Dictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var host = await ExchangeHost.StartAsync(_database.Path, _broker, settings, services);
        _hosts.Add(host);
        return host;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>The instance's real announcer, except that the announcements a test chooses are lost, as on a broken bus.</summary>
    private sealed class DroppingAnnouncer(IConversationAnnouncer inner, DroppingAnnouncer.Drops drops) : IConversationAnnouncer
    {
        public static void Register(IServiceCollection services, Drops drops) =>
            services.AddSingleton<IConversationAnnouncer>(sp => new DroppingAnnouncer(
                new MassTransitConversationAnnouncer(sp.GetRequiredService<IBus>(), sp.GetRequiredService<INotificationLog>()), drops));

        public Task MessagePostedAsync(Stored.ConversationMessage message, CancellationToken cancellationToken) =>
            drops.Lost(message.Sequence) ? Task.CompletedTask : inner.MessagePostedAsync(message, cancellationToken);

        public Task ReceiptMovedAsync(Stored.ConversationReceipt receipt, CancellationToken cancellationToken) =>
            drops.Lost(null) ? Task.CompletedTask : inner.ReceiptMovedAsync(receipt, cancellationToken);

        /// <summary>Which announcements to lose (messages by sequence; receipts ask with 0), and those lost so far.</summary>
        public sealed class Drops(Func<long, bool> drop)
        {
            private readonly Lock _lock = new();
            private readonly List<long> _messages = [];
            private int _receipts;

            public IReadOnlyList<long> Messages
            {
                get
                {
                    lock (_lock)
                    {
                        return [.. _messages];
                    }
                }
            }

            public int Receipts
            {
                get
                {
                    lock (_lock)
                    {
                        return _receipts;
                    }
                }
            }

            /// <summary>Whether to lose the announcement of message <paramref name="sequence"/> (null: of a receipt); counts it if so.</summary>
            public bool Lost(long? sequence)
            {
                if (!drop(sequence ?? 0))
                {
                    return false;
                }
                lock (_lock)
                {
                    if (sequence is { } message)
                    {
                        _messages.Add(message);
                    }
                    else
                    {
                        _receipts++;
                    }
                }
                return true;
            }
        }
    }
}
