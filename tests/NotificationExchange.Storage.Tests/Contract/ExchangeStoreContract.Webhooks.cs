using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Webhooks;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

// Webhooks: deliveries queued in the write that causes them, claimed under a lease, every attempt recorded; secrets.
public abstract partial class ExchangeStoreContract
{
    private const string Requested = "consultation.requested";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(40);

    private static readonly ContactPoint[] Hooked =
    [
        new(ContactRole.Primary, "Duty engineer", "duty@example.org", null, null, "https://hooks.example.org/primary"),
        new(ContactRole.Backup, "Deputy", "deputy@example.org", null),
        new(ContactRole.Operations247, "Operations desk", null, "+33 1 00 00 00 00", StaffedHours.Always, "https://hooks.example.org/ops"),
    ];

    private async Task<(OpenedStore Store, FakeTimeProvider Clock)> OpenWithOrganisationsAsync(string instanceId = InstanceA)
    {
        var clock = new FakeTimeProvider(LogEvents.Epoch);
        var store = Open(instanceId, clock);
        await CreateWithKeyAsync(store, Account("org-a", contacts: Hooked), KeyA);
        await CreateWithKeyAsync(store, Account("org-b", contacts: [Hooked[0] with { WebhookUrl = "https://b.example.org/hook" }]), KeyB);
        return (store, clock);
    }

    [Test]
    public async Task A_webhook_is_queued_once_for_each_contact_point_of_the_roles_that_has_a_url()
    {
        var (store, clock) = await OpenWithOrganisationsAsync();
        clock.Advance(TimeSpan.FromMinutes(5));
        var queuedAt = clock.GetUtcNow().UtcDateTime;

        var counts = await store.WriteAsync(s => new[]
        {
            // the backup has no webhook
            s.QueueWebhooks("org-a", [ContactRole.Primary, ContactRole.Backup], Requested, """{"consultation":"C-1"}""", "C-1"),
            // the primary's is already queued under this key: only the 24/7 desk's is new
            s.QueueWebhooks("org-a", [ContactRole.Primary, ContactRole.Operations247], Requested, """{"consultation":"C-1"}""", "C-1"),
            // the same key is another organisation's own
            s.QueueWebhooks("org-b", [ContactRole.Primary], Requested, """{"consultation":"C-1"}""", "C-1"),
            s.QueueWebhooks("org-z", [ContactRole.Primary], Requested, "{}", "C-1"),
        });
        var again = await store.WriteAsync(s => s.QueueWebhooks("org-a", [ContactRole.Primary, ContactRole.Operations247], Requested, "{}", "C-1"));

        Assert.That(counts, Is.EqualTo(new[] { 1, 1, 1, 0 }), "an unknown organisation has no contact points");
        Assert.That(again, Is.Zero, "a repeated write queues nothing new");
        var queued = await store.Webhooks.ListWebhookDeliveriesAsync("org-a", CancellationToken.None);
        Assert.That(queued.Select(d => (d.Role, d.Url)), Is.EquivalentTo(new[]
        {
            (ContactRole.Primary, "https://hooks.example.org/primary"), (ContactRole.Operations247, "https://hooks.example.org/ops"),
        }));
        foreach (var delivery in queued)
        {
            Assert.That(delivery with { Id = "", Role = 0, Url = "" }, Is.EqualTo(new WebhookDelivery(
                "", "org-a", 0, "", Requested, """{"consultation":"C-1"}""", "C-1", queuedAt, 0, queuedAt, null, null, null, null, null, null)),
                "pending, due at once, never attempted");
        }
        Assert.That(queued.Select(d => d.Id).Distinct().Count(), Is.EqualTo(2), "each delivery has an id of its own");
        Assert.That(await store.Webhooks.GetNextWebhookDueAsync(CancellationToken.None), Is.EqualTo(queuedAt), "due at once");
    }

    [Test]
    public async Task Deliveries_are_queued_with_the_write_that_causes_them_or_not_at_all()
    {
        var (store, _) = await OpenWithOrganisationsAsync();

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync<int>(s =>
        {
            s.QueueWebhooks("org-a", [ContactRole.Primary], Requested, "{}", "C-1");
            s.AppendNext("N-1");
            throw new InvalidOperationException("the rest of the write is refused");
        }));
        await Assert.ThrowsAsync(Is.InstanceOf<JsonException>(), () => store.WriteAsync(s => s.QueueWebhooks("org-a", [ContactRole.Primary], Requested, "not json", "C-2")));

        Assert.That(failed!.Message, Does.Contain("refused"));
        Assert.That(await store.Webhooks.ListWebhookDeliveriesAsync("org-a", CancellationToken.None), Is.Empty);
        Assert.That(await store.Log.GetHeadSequenceAsync(CancellationToken.None), Is.Zero);
        Assert.That(await store.Webhooks.GetNextWebhookDueAsync(CancellationToken.None), Is.Null, "nothing is pending");
    }

    [Test]
    public async Task Of_two_instances_one_claims_each_due_delivery_until_its_lease_ends()
    {
        var (a, clock) = await OpenWithOrganisationsAsync("instance-a");
        var b = Open("instance-b", clock);
        await a.WriteAsync(s => s.QueueWebhooks("org-a", [ContactRole.Primary, ContactRole.Operations247], Requested, "{}", "C-1"));
        clock.Advance(TimeSpan.FromSeconds(1));
        await b.WriteAsync(s => s.QueueWebhooks("org-b", [ContactRole.Primary], Requested, "{}", "C-1"));
        clock.Advance(TimeSpan.FromSeconds(1));
        var now = clock.GetUtcNow().UtcDateTime;

        var byA = await a.WriteAsync(s => s.ClaimWebhooks("instance-a", now, now + Lease, 2));
        var byB = await b.WriteAsync(s => s.ClaimWebhooks("instance-b", now, now + Lease, 5));
        var none = await a.WriteAsync(s => s.ClaimWebhooks("instance-a", now, now + Lease, 5));

        Assert.That(byA.Select(d => d.OrganizationId), Is.EqualTo(new[] { "org-a", "org-a" }), "soonest due first");
        Assert.That(byB.Select(d => d.OrganizationId), Is.EqualTo(new[] { "org-b" }), "what the other instance holds is not claimed again");
        Assert.That(none, Is.Empty);
        Assert.That(byA.Concat(byB).Select(d => (d.Attempts, d.LeasedUntil)), Is.All.EqualTo((1, (DateTime?)(now + Lease))));
        Assert.That(byA.Select(d => d.LeasedBy).Concat(byB.Select(d => d.LeasedBy)), Is.EqualTo(new[] { "instance-a", "instance-a", "instance-b" }));
        Assert.That(await a.Webhooks.GetNextWebhookDueAsync(CancellationToken.None), Is.EqualTo(now + Lease), "held deliveries come due when their leases end");

        clock.Advance(Lease);
        var later = clock.GetUtcNow().UtcDateTime;
        var takenOver = await b.WriteAsync(s => s.ClaimWebhooks("instance-b", later, later + Lease, 5));

        Assert.That(takenOver.Select(d => d.Id), Is.EquivalentTo(byA.Concat(byB).Select(d => d.Id)), "an ended lease frees the delivery");
        Assert.That(takenOver.Select(d => (d.Attempts, d.LeasedBy)), Is.All.EqualTo((2, (string?)"instance-b")), "each claim counts as an attempt");
    }

    [Test]
    public async Task Each_attempt_is_recorded_and_the_lease_holder_decides_retry_delivery_or_giving_up()
    {
        var (store, clock) = await OpenWithOrganisationsAsync();
        await store.WriteAsync(s => s.QueueWebhooks("org-a", [ContactRole.Primary, ContactRole.Operations247], Requested, "{}", "C-1"));
        var t0 = clock.GetUtcNow().UtcDateTime;
        var claimed = await store.WriteAsync(s => s.ClaimWebhooks(InstanceA, t0, t0 + Lease, 5));
        var (retried, givenUp) = (claimed[0], claimed[1]);
        var retryAt = t0.AddMinutes(1);

        Assert.That(await store.WriteAsync(s => s.RecordWebhookAttempt(new WebhookAttempt(retried.Id, 1, InstanceA, t0, t0.AddSeconds(2), 503, null), retryAt)), Is.True);
        Assert.That(await store.WriteAsync(s => s.RecordWebhookAttempt(new WebhookAttempt(givenUp.Id, 1, InstanceA, t0, t0.AddSeconds(3), null, "connection refused"), null)), Is.True);

        var afterFirst = await Delivery(store, retried.Id);
        Assert.That((afterFirst.Attempts, afterFirst.NextAttemptAt, afterFirst.LeasedBy, afterFirst.LeasedUntil, afterFirst.LastStatusCode, afterFirst.DeliveredAt),
            Is.EqualTo((1, (DateTime?)retryAt, (string?)null, (DateTime?)null, (int?)503, (DateTime?)null)));
        var gaveUp = await Delivery(store, givenUp.Id);
        Assert.That((gaveUp.NextAttemptAt, gaveUp.GivenUpAt, gaveUp.LastError, gaveUp.LastStatusCode),
            Is.EqualTo(((DateTime?)null, (DateTime?)t0.AddSeconds(3), "connection refused", (int?)null)));
        Assert.That(await store.Webhooks.GetNextWebhookDueAsync(CancellationToken.None), Is.EqualTo(retryAt), "only the retried one is pending");
        Assert.That(await store.WriteAsync(s => s.ClaimWebhooks(InstanceA, retryAt.AddTicks(-1), retryAt, 5)), Is.Empty, "not due before its time");

        var second = (await store.WriteAsync(s => s.ClaimWebhooks(InstanceA, retryAt, retryAt + Lease, 5))).Single();
        Assert.That((second.Id, second.Attempts), Is.EqualTo((retried.Id, 2)));
        Assert.That(await store.WriteAsync(s => s.RecordWebhookAttempt(new WebhookAttempt(retried.Id, 2, InstanceA, retryAt, retryAt.AddSeconds(1), 204, null), retryAt.AddHours(1))),
            Is.True);

        var delivered = await Delivery(store, retried.Id);
        Assert.That((delivered.DeliveredAt, delivered.NextAttemptAt, delivered.GivenUpAt, delivered.LastStatusCode, delivered.LastError),
            Is.EqualTo(((DateTime?)retryAt.AddSeconds(1), (DateTime?)null, (DateTime?)null, (int?)204, (string?)null)), "a 2xx delivers, whatever retry was offered");
        Assert.That(await store.Webhooks.ListWebhookAttemptsAsync(retried.Id, CancellationToken.None), Is.EqualTo(new[]
        {
            new WebhookAttempt(retried.Id, 1, InstanceA, t0, t0.AddSeconds(2), 503, null),
            new WebhookAttempt(retried.Id, 2, InstanceA, retryAt, retryAt.AddSeconds(1), 204, null),
        }));
        Assert.That(await store.Webhooks.GetNextWebhookDueAsync(CancellationToken.None), Is.Null);
        Assert.That(await store.Webhooks.ListWebhookAttemptsAsync("no-such-delivery", CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task An_attempt_that_outlived_its_lease_is_recorded_but_decides_nothing()
    {
        var (a, clock) = await OpenWithOrganisationsAsync("instance-a");
        var b = Open("instance-b", clock);
        await a.WriteAsync(s => s.QueueWebhooks("org-b", [ContactRole.Primary], Requested, "{}", "C-1"));
        var t0 = clock.GetUtcNow().UtcDateTime;
        var first = (await a.WriteAsync(s => s.ClaimWebhooks("instance-a", t0, t0 + Lease, 1))).Single();
        clock.Advance(Lease);
        var t1 = clock.GetUtcNow().UtcDateTime;
        var second = (await b.WriteAsync(s => s.ClaimWebhooks("instance-b", t1, t1 + Lease, 1))).Single();

        // instance-a's answer comes after its lease ended: instance-b now holds attempt 2
        var late = await a.WriteAsync(s => s.RecordWebhookAttempt(new WebhookAttempt(first.Id, 1, "instance-a", t0, t1.AddSeconds(1), 200, null), null));

        Assert.That(late, Is.False);
        var held = await Delivery(a, first.Id);
        Assert.That((held.Attempts, held.LeasedBy, held.DeliveredAt, held.LastStatusCode), Is.EqualTo((2, (string?)"instance-b", (DateTime?)null, (int?)null)));
        Assert.That((await a.Webhooks.ListWebhookAttemptsAsync(first.Id, CancellationToken.None)).Single().StatusCode, Is.EqualTo(200),
            "the attempt happened, and is on record");
        Assert.That(await b.WriteAsync(s => s.RecordWebhookAttempt(new WebhookAttempt(second.Id, 2, "instance-b", t1, t1.AddSeconds(2), 200, null), null)), Is.True);
        Assert.That((await Delivery(b, first.Id)).DeliveredAt, Is.EqualTo(t1.AddSeconds(2)));
    }

    [Test]
    public async Task Webhook_secrets_are_kept_per_organisation_apart_from_the_account()
    {
        var (store, _) = await OpenWithOrganisationsAsync();
        var before = await store.Operators.GetAsync("org-a", CancellationToken.None);

        Assert.That(await store.Webhooks.GetWebhookSecretAsync("org-a", CancellationToken.None), Is.Null, "none until one is issued");
        Assert.That(await store.Webhooks.ReplaceWebhookSecretAsync("org-a", "nxwh_first", CancellationToken.None), Is.True);
        Assert.That(await store.Webhooks.ReplaceWebhookSecretAsync("org-a", "nxwh_second", CancellationToken.None), Is.True);
        Assert.That(await store.Webhooks.ReplaceWebhookSecretAsync("org-z", "nxwh_other", CancellationToken.None), Is.False);

        Assert.That(await store.Webhooks.GetWebhookSecretAsync("org-a", CancellationToken.None), Is.EqualTo("nxwh_second"), "kept as issued, to sign with");
        Assert.That(await store.Webhooks.GetWebhookSecretAsync("org-b", CancellationToken.None), Is.Null);
        Assert.That(await store.Webhooks.GetWebhookSecretAsync("org-z", CancellationToken.None), Is.Null);
        Assert.That(await store.Operators.GetAsync("org-a", CancellationToken.None), Is.EqualTo(before), "the account does not change");
        Assert.That((await store.Credentials.FindKeyAsync(KeyA, CancellationToken.None))?.Account, Is.EqualTo(before), "and its key still finds it");
    }

    private static async Task<WebhookDelivery> Delivery(OpenedStore store, string id)
    {
        foreach (var organisation in new[] { "org-a", "org-b" })
        {
            if ((await store.Webhooks.ListWebhookDeliveriesAsync(organisation, CancellationToken.None)).SingleOrDefault(d => d.Id == id) is { } found)
            {
                return found;
            }
        }
        throw new AssertionException($"no delivery {id}");
    }
}
