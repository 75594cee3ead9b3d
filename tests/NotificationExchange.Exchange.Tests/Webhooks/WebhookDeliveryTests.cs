using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NotificationExchange.Domain;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Webhooks;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;
using Role = NotificationExchange.Domain.Operators.ContactRole;

namespace NotificationExchange.Exchange.Tests.Webhooks;

/// <summary>
/// Webhooks end to end: deliveries queued through the store's log writer (as the consultations queue them), POSTed by
/// the exchange's dispatcher to real HTTPS receivers whose certificates a test CA issued, signatures checked by the
/// receivers with the secret RotateWebhookSecret showed, retries and giving up driven by a fake clock.
/// </summary>
public class WebhookDeliveryTests
{
    private const string Kind = "consultation.requested";

    // Backoff: 3 min, then 6 min, each ± 20 %; attempts end after the third. The waits are far from every other timer
    // the exchange arms on its clock (at most 30 s), so that a test can tell the dispatcher's wait by its length.
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(7);
    private const double Jitter = 0.2;
    private const int MaxAttempts = 3;

    private TestDatabase _database = null!;
    private ObservedClock _clock = null!;
    private TestCertificateAuthority _authority = null!;
    private string _trustedRoots = null!;
    private WebhookReceiver _receiver = null!;
    private WebhookMeters _meters = null!;
    private ExchangeHost _host = null!;

    [SetUp]
    public async Task StartExchangeAndReceiver()
    {
        _database = new TestDatabase();
        _clock = new ObservedClock(DateTimeOffset.UtcNow);
        _authority = new TestCertificateAuthority("NX webhook test root");
        _trustedRoots = _authority.WriteRootPem(Path.Combine(Path.GetDirectoryName(_database.Path)!, "webhook-roots.pem"));
        _receiver = await WebhookReceiver.StartAsync(_authority.IssueServerCertificate(["localhost"], [IPAddress.Loopback]));
        _meters = new WebhookMeters();
        _host = await StartHostAsync();
    }

    [TearDown]
    public async Task StopExchangeAndReceiver()
    {
        // in reverse, and only what the set-up got to
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        _meters?.Dispose();
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }
        _authority?.Dispose();
        _database?.Dispose();
    }

    private Task<ExchangeHost> StartHostAsync(int maxConcurrentDeliveries = 16) => ExchangeHost.StartAsync(
        _database.Path,
        settings: new Dictionary<string, string>
        {
            ["Exchange:Webhooks:TrustedRootCertificates"] = _trustedRoots,
            ["Exchange:Webhooks:RequestTimeout"] = RequestTimeout.ToString(),
            ["Exchange:Webhooks:FirstRetryDelay"] = FirstRetryDelay.ToString(),
            ["Exchange:Webhooks:MaxRetryDelay"] = "00:30:00",
            ["Exchange:Webhooks:RetryJitter"] = Jitter.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Exchange:Webhooks:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // other instances' deliveries are not what these tests wait for
            ["Exchange:Webhooks:PollInterval"] = "01:00:00",
            ["Exchange:Webhooks:MaxConcurrentDeliveries"] = maxConcurrentDeliveries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        services: services => services.AddSingleton<TimeProvider>(_clock));

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private IWebhookStore Store => _host.Services.GetRequiredService<IWebhookStore>();

    /// <summary>
    /// An organisation whose primary and 24/7 contact points have webhooks at <paramref name="receiver"/> (its backup has
    /// none); with a webhook secret, which the receiver then verifies with, unless <paramref name="withSecret"/> is false.
    /// </summary>
    private async Task<ExchangeClient> HookedOrganisationAsync(string id, WebhookReceiver receiver, bool withSecret = true)
    {
        var client = await _host.NewOperatorAsync(id);
        await client.Operators.UpdateProfileAsync(new UpdateProfileRequest
        {
            DisplayName = $"Organisation {id}",
            Kind = OrganizationKind.Operator,
            Contacts =
            {
                new ContactPoint { Role = ContactRole.Primary, Name = "Duty engineer", Email = $"duty@{id}.example", WebhookUrl = receiver.Url($"/{id}/primary") },
                new ContactPoint { Role = ContactRole.Backup, Name = "Deputy", Email = $"deputy@{id}.example" },
                new ContactPoint { Role = ContactRole.Operations247, Name = "Operations", Phone = "+33 1 00 00 00 00", WebhookUrl = receiver.Url($"/{id}/ops") },
            },
        });
        if (withSecret)
        {
            receiver.Secret = (await client.Operators.RotateWebhookSecretAsync(new RotateWebhookSecretRequest())).WebhookSecret;
        }
        return client;
    }

    /// <summary>Queues as the consultations do: through the store's log writer, in a write of its own.</summary>
    private static Task<int> QueueAsync(ExchangeHost host, string organizationId, Role[] roles, string payload, string dedupKey) =>
        host.Services.GetRequiredService<ILogWriter>().WriteAsync(s => s.QueueWebhooks(organizationId, roles, Kind, payload, dedupKey), CancellationToken.None);

    private static long UnixSeconds(DateTime time) => new DateTimeOffset(time).ToUnixTimeSeconds();

    private static (TimeSpan Earliest, TimeSpan Latest) Backoff(int afterAttempt)
    {
        var delay = FirstRetryDelay * Math.Pow(2, afterAttempt - 1);
        return (delay * (1 - Jitter), delay * (1 + Jitter));
    }

    [Test]
    public async Task A_queued_event_reaches_each_hooked_contact_point_of_its_roles_once_signed_with_the_current_secret()
    {
        var client = await HookedOrganisationAsync("hooked-ops", _receiver);
        var replaced = _receiver.Secret!;
        _receiver.Secret = (await client.Operators.RotateWebhookSecretAsync(new RotateWebhookSecretRequest())).WebhookSecret;
        // not ASCII throughout: the signature covers the body's exact bytes
        const string payload = """{"consultation_id":"CON-1","subject":"SENTINEL-1A – approach of 25544","urgency":"URGENT"}""";

        var queued = await QueueAsync(_host, "hooked-ops", [Role.Primary, Role.Backup, Role.Operations247], payload, "CON-1 requested");
        var repeated = await QueueAsync(_host, "hooked-ops", [Role.Primary, Role.Operations247], payload, "CON-1 requested");
        var received = new[] { await _receiver.NextAsync(), await _receiver.NextAsync() };
        var outcomes = new[] { await _meters.NextAsync(), await _meters.NextAsync() };

        Assert.That((queued, repeated), Is.EqualTo((2, 0)), "the backup has no webhook; the same key queues nothing new");
        Assert.That(outcomes, Is.All.EqualTo(WebhookMeters.Delivered));
        var deliveries = await Store.ListWebhookDeliveriesAsync("hooked-ops", CancellationToken.None);
        Assert.That(deliveries, Has.Count.EqualTo(2));
        Assert.That(received.Select(r => r.Path), Is.EquivalentTo(new[] { "/hooked-ops/primary", "/hooked-ops/ops" }));
        Assert.That(received.Select(r => r.DeliveryId), Is.EquivalentTo(deliveries.Select(d => d.Id)), "NX-Delivery-Id is the delivery's id");
        foreach (var post in received)
        {
            Assert.That(post.SignatureValid, Is.True, $"{post.Path}: signed with the secret the last RotateWebhookSecret showed");
            Assert.That(post.Body, Is.EqualTo(Encoding.UTF8.GetBytes(payload)), "the body is the queued payload, byte for byte");
            Assert.That((post.ContentType, post.EventKind, post.SignedAt), Is.EqualTo(("application/json; charset=utf-8", Kind, (long?)UnixSeconds(Now))));
            Assert.That(post.Signature, Does.Match("^t=[0-9]+,v1=[0-9a-f]{64}$"));
        }
        Assert.That(deliveries.Select(d => (d.Attempts, d.LastStatusCode, d.DeliveredAt, d.NextAttemptAt)),
            Is.All.EqualTo((1, (int?)204, (DateTime?)Now, (DateTime?)null)));
        Assert.That(replaced, Is.Not.EqualTo(_receiver.Secret));
        foreach (var secret in new[] { replaced, _receiver.Secret })
        {
            Assert.That(secret, Does.Match("^nxwh_[A-Za-z0-9_-]{43}$"), "32 random bytes in base64url");
        }
    }

    [Test]
    public async Task A_consultation_request_reaches_the_counterpart_s_desks_and_its_escalation_the_other_desks_and_the_requester()
    {
        var requester = await HookedOrganisationAsync("asking-ops", _receiver);
        await HookedOrganisationAsync("asked-ops", _receiver);
        var askedSecret = _receiver.Secret;

        var consultation = await requester.Consultations.RequestConsultationAsync(new RequestConsultationRequest
        {
            RequestId = "webhooked", Counterparts = { "asked-ops" }, Topic = "Close approach", Subject = "Who moves?", Urgency = ConsultationUrgency.Urgent,
        });
        _receiver.Secret = askedSecret;
        var requested = new[] { await _receiver.NextAsync(), await _receiver.NextAsync() };

        Assert.That(requested.Select(r => r.Path), Is.EquivalentTo(new[] { "/asked-ops/primary", "/asked-ops/ops" }), "the counterpart's primary and 24/7 desks");
        foreach (var post in requested)
        {
            Assert.That((post.SignatureValid, post.EventKind), Is.EqualTo((true, "consultation.requested")));
            var body = ConsultationEvent.Parser.WithDiscardUnknownFields(false).ParseJson(Encoding.UTF8.GetString(post.Body));
            Assert.That((body.EventType, body.Consultation.Id), Is.EqualTo((ConsultationEventType.Requested, consultation.Id)));
            Assert.That(body.Contacts.Select(c => c.Role), Is.EquivalentTo(new[] { ContactRole.Primary, ContactRole.Backup, ContactRole.Operations247 }),
                "the requester's contact points, named to the counterpart");
            Assert.That(body.Contacts.Select(c => c.WebhookUrl), Is.All.Empty, "never the requester's webhook URLs");
        }

        // Nobody acknowledges: 15 minutes later the counterpart is escalated.
        _clock.Advance(TimeSpan.FromMinutes(15));
        var escalated = new[] { await _receiver.NextAsync(), await _receiver.NextAsync() };

        var bodies = escalated.ToDictionary(p => p.Path, p => ConsultationEvent.Parser.ParseJson(Encoding.UTF8.GetString(p.Body)));
        Assert.That(bodies.Keys, Is.EquivalentTo(new[] { "/asked-ops/ops", "/asking-ops/primary" }),
            "the escalated counterpart's 24/7 desk (its backup has no webhook) and the requester's primary");
        Assert.That(bodies.Values.Select(b => (b.EventType, b.EscalatedOrganization)), Is.All.EqualTo((ConsultationEventType.Escalated, "asked-ops")));
        Assert.That(escalated.Select(p => p.EventKind), Is.All.EqualTo("consultation.escalated"));
        Assert.That(escalated.Single(p => p.Path == "/asked-ops/ops").SignatureValid, Is.True, "signed with the escalated organisation's own secret");
    }

    [Test]
    public async Task Each_attempt_is_a_span_around_the_http_client_s_span_of_the_post()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "NotificationExchange" or "System.Net.Http",
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await HookedOrganisationAsync("traced-ops", _receiver);
        _receiver.Respond = _ => Task.FromResult(202);

        await QueueAsync(_host, "traced-ops", [Role.Primary], "{}", "traced");
        var post = await _receiver.NextAsync();
        Assert.That(await _meters.NextAsync(), Is.EqualTo(WebhookMeters.Delivered));

        var attempt = spans.Single(s => s.DisplayName == "webhook delivery");
        Assert.That((attempt.GetTagItem("nx.webhook.delivery_id"), attempt.GetTagItem("nx.webhook.attempt"), attempt.GetTagItem("http.response.status_code")),
            Is.EqualTo(((object?)post.DeliveryId, (object?)1, (object?)202)));
        var request = spans.Single(s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == attempt.SpanId);
        Assert.That(request.GetTagItem("http.request.method"), Is.EqualTo("POST"));
    }

    [Test]
    public async Task A_receiver_failing_twice_gets_the_third_attempt_after_each_backoff_and_every_attempt_is_recorded()
    {
        await HookedOrganisationAsync("flaky-ops", _receiver);
        var answers = new Queue<int>([500, 503, 200]);
        _receiver.Respond = _ => Task.FromResult(answers.Dequeue());
        var t0 = Now;

        await QueueAsync(_host, "flaky-ops", [Role.Primary], """{"n":1}""", "flaky");
        var first = await _receiver.NextAsync();
        Assert.That(await _meters.NextAsync(), Is.EqualTo(WebhookMeters.FailedAttempt));
        var (earliest, latest) = Backoff(1);
        var firstWait = await _clock.ArmedAsync(earliest, latest);
        var pending = (await Store.ListWebhookDeliveriesAsync("flaky-ops", CancellationToken.None)).Single();
        Assert.That((pending.Attempts, pending.LastStatusCode, pending.NextAttemptAt), Is.EqualTo((1, (int?)500, (DateTime?)(t0 + firstWait))),
            "due again after the first delay, within its jitter");

        _clock.Advance(firstWait);
        var second = await _receiver.NextAsync();
        Assert.That(await _meters.NextAsync(), Is.EqualTo(WebhookMeters.FailedAttempt));
        (earliest, latest) = Backoff(2);
        var secondWait = await _clock.ArmedAsync(earliest, latest);

        _clock.Advance(secondWait);
        var third = await _receiver.NextAsync();
        Assert.That(await _meters.NextAsync(), Is.EqualTo(WebhookMeters.Delivered));

        var delivered = (await Store.ListWebhookDeliveriesAsync("flaky-ops", CancellationToken.None)).Single();
        var attempts = await Store.ListWebhookAttemptsAsync(delivered.Id, CancellationToken.None);
        var instance = _host.Services.GetRequiredService<ExchangeInstance>().Id;
        Assert.That(attempts, Is.EqualTo(new[]
        {
            new WebhookAttempt(delivered.Id, 1, instance, t0, t0, 500, null),
            new WebhookAttempt(delivered.Id, 2, instance, t0 + firstWait, t0 + firstWait, 503, null),
            new WebhookAttempt(delivered.Id, 3, instance, t0 + firstWait + secondWait, t0 + firstWait + secondWait, 200, null),
        }), "every attempt, at the times the backoff chose (the fake clock stands still during each)");
        Assert.That((delivered.Attempts, delivered.DeliveredAt, delivered.NextAttemptAt, delivered.GivenUpAt),
            Is.EqualTo((3, (DateTime?)(t0 + firstWait + secondWait), (DateTime?)null, (DateTime?)null)));
        Assert.That(new[] { first, second, third }.Select(r => r.DeliveryId), Is.All.EqualTo(delivered.Id), "every attempt names the same delivery");
        Assert.That(new[] { first, second, third }.Select(r => r.SignedAt), Is.EqualTo(attempts.Select(a => (long?)UnixSeconds(a.StartedAt))),
            "each attempt is signed anew, at its own time");
        Assert.That(new[] { first, second, third }.Select(r => r.SignatureValid), Is.All.True);
    }

    [Test]
    public async Task A_delivery_is_given_up_after_its_last_attempt_and_never_attempted_again()
    {
        await HookedOrganisationAsync("down-ops", _receiver);
        _receiver.Respond = _ => Task.FromResult(503);
        var t0 = Now;

        await QueueAsync(_host, "down-ops", [Role.Operations247], """{"n":1}""", "down");
        var waited = TimeSpan.Zero;
        for (var attempt = 1; attempt < MaxAttempts; attempt++)
        {
            await _receiver.NextAsync();
            Assert.That(await _meters.NextAsync(), Is.EqualTo(WebhookMeters.FailedAttempt));
            var (earliest, latest) = Backoff(attempt);
            var wait = await _clock.ArmedAsync(earliest, latest);
            waited += wait;
            _clock.Advance(wait);
        }
        await _receiver.NextAsync();
        Assert.That(await _meters.NextAsync(), Is.EqualTo(WebhookMeters.FailedAttempt));
        Assert.That(await _meters.NextAsync(), Is.EqualTo(WebhookMeters.GivenUp));

        var givenUp = (await Store.ListWebhookDeliveriesAsync("down-ops", CancellationToken.None)).Single();
        Assert.That((givenUp.Attempts, givenUp.LastStatusCode, givenUp.GivenUpAt, givenUp.NextAttemptAt, givenUp.DeliveredAt),
            Is.EqualTo((MaxAttempts, (int?)503, (DateTime?)(t0 + waited), (DateTime?)null, (DateTime?)null)));
        Assert.That(await Store.ListWebhookAttemptsAsync(givenUp.Id, CancellationToken.None), Has.Count.EqualTo(MaxAttempts));
        Assert.That(await Store.GetNextWebhookDueAsync(CancellationToken.None), Is.Null, "nothing is left to attempt");
    }

    [Test]
    public async Task Attempts_that_cannot_deliver_are_recorded_with_why_and_reach_no_receiver_they_should_not()
    {
        // a receiver that never answers: the attempt ends at the request timeout, on the exchange's clock
        await HookedOrganisationAsync("silent-ops", _receiver);
        var never = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _receiver.Respond = _ => never.Task;
        await QueueAsync(_host, "silent-ops", [Role.Primary], "{}", "silent");
        await _receiver.NextAsync();
        await _clock.ArmedAsync(RequestTimeout);
        _clock.Advance(RequestTimeout);
        Assert.That(await _meters.NextAsync(), Is.EqualTo(WebhookMeters.FailedAttempt));
        never.SetResult(204);
        Assert.That(await LastErrorAsync("silent-ops"), Does.Contain("no answer within 7 s"));

        // a certificate no trusted root issued
        using var stranger = new TestCertificateAuthority("Somebody else's root");
        await using var untrusted = await WebhookReceiver.StartAsync(stranger.IssueServerCertificate(["localhost"], [IPAddress.Loopback]));
        await HookedOrganisationAsync("untrusted-ops", untrusted);
        await QueueAsync(_host, "untrusted-ops", [Role.Primary], "{}", "untrusted");
        Assert.That(await _meters.NextAsync(), Is.EqualTo(WebhookMeters.FailedAttempt));
        Assert.That(await LastErrorAsync("untrusted-ops"), Does.Contain("SSL connection could not be established"));
        Assert.That(untrusted.HasUnread, Is.False, "nothing was sent over the refused connection");

        // a certificate from the trusted root, for another name
        await using var misnamed = await WebhookReceiver.StartAsync(_authority.IssueServerCertificate(["hooks.example.org"], []));
        await HookedOrganisationAsync("misnamed-ops", misnamed);
        await QueueAsync(_host, "misnamed-ops", [Role.Primary], "{}", "misnamed");
        Assert.That(await _meters.NextAsync(), Is.EqualTo(WebhookMeters.FailedAttempt));
        Assert.That(await LastErrorAsync("misnamed-ops"), Does.Contain("SSL connection could not be established"));
        Assert.That(misnamed.HasUnread, Is.False, "the extra root vouches for its own names only");

        // no secret to sign with: nothing is sent unsigned
        await using var plain = await WebhookReceiver.StartAsync(_authority.IssueServerCertificate(["localhost"], [IPAddress.Loopback]));
        await HookedOrganisationAsync("secretless-ops", plain, withSecret: false);
        await QueueAsync(_host, "secretless-ops", [Role.Primary], "{}", "secretless");
        Assert.That(await _meters.NextAsync(), Is.EqualTo(WebhookMeters.FailedAttempt));
        Assert.That(await LastErrorAsync("secretless-ops"), Does.Contain("secretless-ops has no webhook secret"));
        Assert.That(plain.HasUnread, Is.False);
    }

    private async Task<string?> LastErrorAsync(string organizationId)
    {
        var delivery = (await Store.ListWebhookDeliveriesAsync(organizationId, CancellationToken.None)).Single();
        Assert.That((delivery.Attempts, delivery.LastStatusCode, delivery.NextAttemptAt is not null), Is.EqualTo((1, (int?)null, true)),
            $"{organizationId}: one attempt, no answer, due again");
        var attempt = (await Store.ListWebhookAttemptsAsync(delivery.Id, CancellationToken.None)).Single();
        Assert.That(attempt.Error, Is.EqualTo(delivery.LastError));
        return attempt.Error;
    }

    [Test]
    public async Task Two_instances_on_one_store_deliver_each_delivery_once_and_both_take_part()
    {
        await using var other = await StartHostAsync(maxConcurrentDeliveries: 2);
        await _host.DisposeAsync();
        _host = await StartHostAsync(maxConcurrentDeliveries: 2);
        await HookedOrganisationAsync("shared-ops", _receiver);
        // The first four POSTs are held until four are in flight at once: two from each instance (each may hold two),
        // so both instances are claiming from the same pending deliveries while they are answered.
        var arrived = 0;
        var fourInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _receiver.Respond = async _ =>
        {
            var order = Interlocked.Increment(ref arrived);
            if (order == 4)
            {
                fourInFlight.TrySetResult();
            }
            if (order <= 4)
            {
                await fourInFlight.Task.WaitAsync(TimeSpan.FromSeconds(15));
            }
            return 204;
        };

        for (var i = 0; i < 10; i++)
        {
            await QueueAsync(_host, "shared-ops", [Role.Primary], $$"""{"n":{{i}}}""", $"a-{i}");
            await QueueAsync(other, "shared-ops", [Role.Primary], $$"""{"n":{{i + 10}}}""", $"b-{i}");
        }
        var received = new List<ReceivedWebhook>();
        for (var i = 0; i < 20; i++)
        {
            received.Add(await _receiver.NextAsync());
            Assert.That(await _meters.NextAsync(), Is.EqualTo(WebhookMeters.Delivered));
        }

        Assert.That(fourInFlight.Task.IsCompletedSuccessfully, Is.True, "both instances had attempts in flight at once");
        var deliveries = await Store.ListWebhookDeliveriesAsync("shared-ops", CancellationToken.None);
        Assert.That(deliveries, Has.Count.EqualTo(20));
        Assert.That(received.Select(r => r.DeliveryId), Is.EquivalentTo(deliveries.Select(d => d.Id)), "each delivery POSTed once");
        Assert.That(_receiver.HasUnread, Is.False);
        Assert.That(deliveries.Select(d => (d.Attempts, d.DeliveredAt is not null)), Is.All.EqualTo((1, true)));
        var attempts = new List<WebhookAttempt>();
        foreach (var delivery in deliveries)
        {
            attempts.AddRange(await Store.ListWebhookAttemptsAsync(delivery.Id, CancellationToken.None));
        }
        Assert.That(attempts.Select(a => a.InstanceId).Distinct(), Is.EquivalentTo(new[]
        {
            _host.Services.GetRequiredService<ExchangeInstance>().Id, other.Services.GetRequiredService<ExchangeInstance>().Id,
        }), "both instances delivered");
    }
}
