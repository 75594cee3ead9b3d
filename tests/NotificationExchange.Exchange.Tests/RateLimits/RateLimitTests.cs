using System.Diagnostics.Metrics;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NotificationExchange.Client;
using NotificationExchange.Client.Errors;
using NotificationExchange.Domain.Telemetry;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.RateLimits;

/// <summary>
/// Per-organisation and per-address token buckets: a call over the limit is RESOURCE_EXHAUSTED with
/// grpc-retry-pushback-ms and ErrorInfo RATE_LIMITED, read from the raw trailers; other organisations are not affected;
/// buckets refill on the exchange's clock (a FakeTimeProvider here), and the client library waits and retries.
/// </summary>
public sealed class RateLimitTests
{
    // an organisation: 10 calls a second (one permit every 100 ms), bursts of 5; without a key: 1 a second, bursts of 2
    private static readonly Dictionary<string, string> Limits = new()
    {
        ["Exchange:RateLimits:Enabled"] = "true",
        ["Exchange:RateLimits:PermitsPerSecond"] = "10",
        ["Exchange:RateLimits:Burst"] = "5",
        ["Exchange:RateLimits:AnonymousPermitsPerSecond"] = "1",
        ["Exchange:RateLimits:AnonymousBurst"] = "2",
    };

    private TestDatabase _database = null!;
    private FakeTimeProvider _clock = null!;
    private ExchangeHost _host = null!;

    [SetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _host = await ExchangeHost.StartAsync(_database.Path, settings: Limits, services: services => services.AddSingleton<TimeProvider>(_clock));
    }

    [TearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task A_noisy_organisation_is_refused_with_pushback_while_another_is_served_and_its_bucket_refills_on_the_clock()
    {
        // two operators' keys, made before either spends anything (creating them spends the administrator's permits)
        var noisy = _host.Client(await _host.NewOperatorKeyAsync("noisy"));
        var quiet = _host.Client(await _host.NewOperatorKeyAsync("quiet"));

        for (var i = 0; i < 5; i++)
        {
            await noisy.Operators.WhoAmIAsync(new WhoAmIRequest());
        }
        var refused = await GrpcAssert.FailsWithAsync(StatusCode.ResourceExhausted, async () => await noisy.Operators.WhoAmIAsync(new WhoAmIRequest()));
        AssertRateLimited(refused, "organization", expectedPushbackMs: 100);

        for (var i = 0; i < 5; i++)
        {
            Assert.That((await quiet.Operators.WhoAmIAsync(new WhoAmIRequest())).Id, Is.EqualTo("quiet"), "another organisation's calls all succeed");
        }
        await GrpcAssert.FailsWithAsync(StatusCode.ResourceExhausted, async () => await noisy.Notifications.ListNotificationsAsync(new ListNotificationsRequest()));

        _clock.Advance(TimeSpan.FromMilliseconds(100));
        await noisy.Operators.WhoAmIAsync(new WhoAmIRequest());
        await GrpcAssert.FailsWithAsync(StatusCode.ResourceExhausted, async () => await noisy.Operators.WhoAmIAsync(new WhoAmIRequest()));
        var late = await GrpcAssert.FailsWithAsync(StatusCode.ResourceExhausted, async () => await noisy.Operators.WhoAmIAsync(new WhoAmIRequest()));
        _clock.Advance(TimeSpan.FromMilliseconds(40));
        AssertRateLimited(await GrpcAssert.FailsWithAsync(StatusCode.ResourceExhausted, async () => await noisy.Operators.WhoAmIAsync(new WhoAmIRequest())),
            "organization", expectedPushbackMs: 60);
        Assert.That(late.Trailers.GetValue("grpc-retry-pushback-ms"), Is.EqualTo("100"));

        _clock.Advance(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 5; i++)
        {
            await noisy.Operators.WhoAmIAsync(new WhoAmIRequest());
        }
        await GrpcAssert.FailsWithAsync(StatusCode.ResourceExhausted, async () => await noisy.Operators.WhoAmIAsync(new WhoAmIRequest()));
    }

    [Test]
    public async Task Calls_without_a_key_are_limited_by_address_more_strictly_and_health_never()
    {
        var anonymous = new NotificationService.NotificationServiceClient(_host.AnonymousChannel());
        var health = new Health.HealthClient(_host.AnonymousChannel());

        // Public notifications are read without a key: such reads count against the caller's address.
        for (var i = 0; i < 2; i++)
        {
            await anonymous.ListNotificationsAsync(new ListNotificationsRequest());
        }
        var refused = await GrpcAssert.FailsWithAsync(StatusCode.ResourceExhausted, async () => await anonymous.ListNotificationsAsync(new ListNotificationsRequest()));
        AssertRateLimited(refused, "anonymous", expectedPushbackMs: 1000);
        for (var i = 0; i < 10; i++)
        {
            Assert.That((await health.CheckAsync(new HealthCheckRequest())).Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
        }
        var organisation = _host.Client(await _host.NewOperatorKeyAsync("keyed"));
        await organisation.Operators.WhoAmIAsync(new WhoAmIRequest());

        _clock.Advance(TimeSpan.FromSeconds(1));
        await anonymous.ListNotificationsAsync(new ListNotificationsRequest());
        await GrpcAssert.FailsWithAsync(StatusCode.ResourceExhausted, async () => await anonymous.ListNotificationsAsync(new ListNotificationsRequest()));
    }

    [Test]
    public async Task A_stream_counts_once_when_it_opens()
    {
        var watcher = _host.Client(await _host.NewOperatorKeyAsync("watcher"));
        var subscription = await watcher.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "all" });
        using var stream = watcher.Subscriptions.Subscribe(new SubscribeRequest { SubscriptionId = subscription.Id });
        Assert.That(await stream.ResponseStream.MoveNext(CancellationToken.None), Is.True, "the stream opens and sends");
        // 5 permits: the subscription, the stream, then three calls; the sixth call is refused
        for (var i = 0; i < 3; i++)
        {
            await watcher.Operators.WhoAmIAsync(new WhoAmIRequest());
        }
        await GrpcAssert.FailsWithAsync(StatusCode.ResourceExhausted, async () => await watcher.Operators.WhoAmIAsync(new WhoAmIRequest()));
    }

    [Test]
    public async Task The_client_library_waits_the_pushback_and_retries_and_nx_error_names_RATE_LIMITED()
    {
        var key = await _host.NewOperatorKeyAsync("patient");
        var refusals = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ExchangeMetrics.MeterName && instrument.Name == "nx.rate_limit.refused")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref refusals, (int)value));
        listener.Start();

        using var patient = NxClient.Create(new NxClientOptions { Address = new Uri(_host.Address), ApiKey = key });
        using var impatient = NxClient.Create(new NxClientOptions { Address = new Uri(_host.Address), ApiKey = key, MaxAttempts = 1 });
        for (var i = 0; i < 5; i++)
        {
            await patient.Operators.WhoAmIAsync(new WhoAmIRequest());
        }
        var failure = await Assert.ThrowsAsync<NxException>(async () => await impatient.Operators.WhoAmIAsync(new WhoAmIRequest()));
        Assert.That(failure!.Error.Reason, Is.EqualTo("RATE_LIMITED"));
        Assert.That(failure.Error.Code, Is.EqualTo(StatusCode.ResourceExhausted));

        // The exchange's clock moves a permit's worth on while the client waits its pushback (100 ms of real time).
        var call = patient.Operators.WhoAmIAsync(new WhoAmIRequest());
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref refusals) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
        Assert.That(Volatile.Read(ref refusals), Is.EqualTo(2), "the second client's first attempt was refused");
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.That((await call).Id, Is.EqualTo("patient"), "its retry after the pushback got the permit");
    }

    private static void AssertRateLimited(RpcException refused, string callerKind, int expectedPushbackMs)
    {
        Assert.That(refused.Trailers.GetValue("grpc-retry-pushback-ms"), Is.EqualTo(expectedPushbackMs.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var details = refused.Trailers.GetValueBytes("grpc-status-details-bin");
        Assert.That(details, Is.Not.Null, "grpc-status-details-bin in the trailers");
        var status = Google.Rpc.Status.Parser.ParseFrom(details);
        Assert.That(status.Code, Is.EqualTo((int)Code.ResourceExhausted));
        var info = status.Details.Select(d => d.Is(ErrorInfo.Descriptor) ? d.Unpack<ErrorInfo>() : null).Single(d => d is not null)!;
        Assert.That(info.Reason, Is.EqualTo("RATE_LIMITED"), "not SUBSCRIBER_TOO_SLOW");
        Assert.That(info.Domain, Is.EqualTo("notification-exchange"));
        Assert.That(info.Metadata["caller_kind"], Is.EqualTo(callerKind));
        Assert.That(info.Metadata["retry_after_ms"], Is.EqualTo(expectedPushbackMs.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(info.Metadata.Keys, Is.SupersetOf(new[] { "permits_per_second", "burst" }));
    }
}
