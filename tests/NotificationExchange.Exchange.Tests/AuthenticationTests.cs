using Grpc.Core;
using Grpc.Health.V1;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

public class AuthenticationTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;

    [OneTimeSetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task A_call_without_a_key_or_with_an_unknown_key_is_unauthenticated()
    {
        var anonymous = new NotificationService.NotificationServiceClient(_host.AnonymousChannel());
        var stranger = _host.Client("nx_not-a-key-anyone-was-given");

        var missing = await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () =>
            await anonymous.FileNotificationAsync(Notices.File(Notices.Maneuver())));
        var unknown = await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () =>
            await stranger.Notifications.ListNotificationsAsync(new ListNotificationsRequest()));

        Assert.That(missing.Status.Detail, Does.Contain("Bearer"));
        Assert.That(unknown.Status.Detail, Is.EqualTo("unknown API key"));
    }

    [Test]
    public void Refusals_written_before_any_service_encode_their_message_as_grpc_says()
    {
        // Printable ASCII as it is but '%'; grpc-js decodes with decodeURI, which would leave ':' and ';' as %3A and %3B.
        Assert.That(Api.Authentication.GrpcTrailersOnly.PercentEncoded("key: revoked at 07:50; 50% é\n"),
            Is.EqualTo("key: revoked at 07:50; 50%25 %C3%A9%0A"));
    }

    [Test]
    public async Task Health_and_reflection_answer_without_a_key()
    {
        var channel = _host.AnonymousChannel();
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        using var reflection = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });
        await reflection.RequestStream.CompleteAsync();
        Assert.That(await reflection.ResponseStream.MoveNext(CancellationToken.None), Is.True);
        var services = reflection.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToArray();

        Assert.That(health.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
        Assert.That(services, Is.SupersetOf(new[]
        {
            "notification_exchange.v1.NotificationService", "notification_exchange.v1.SubscriptionService",
            "notification_exchange.v1.OperatorService", "grpc.health.v1.Health",
        }));
    }

    [Test]
    public async Task Only_administrators_create_operators()
    {
        var plain = await _host.NewOperatorAsync("plain-ops");

        var refused = await GrpcAssert.FailsWithAsync(StatusCode.PermissionDenied, async () =>
            await plain.Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = "sneaky-ops", DisplayName = "Sneaky" }));

        Assert.That(refused.Status.Detail, Does.Contain("administrators"));
        Assert.That((await plain.Operators.WhoAmIAsync(new WhoAmIRequest())).Id, Is.EqualTo("plain-ops"));
    }

    [Test]
    public async Task An_operator_id_is_taken_once_and_must_be_well_formed()
    {
        await _host.NewOperatorAsync("unique-ops");

        await GrpcAssert.FailsWithAsync(StatusCode.AlreadyExists, async () =>
            await _host.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = "unique-ops", DisplayName = "Again" }));
        var fields = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _host.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = "Bad Id!", DisplayName = "" }));
        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "operator_id", "display_name" }));
    }

    [Test]
    public async Task Only_the_filing_operator_may_amend_cancel_or_report()
    {
        var owner = await _host.NewOperatorAsync("owner-ops");
        var other = await _host.NewOperatorAsync("other-ops");
        var filed = (await owner.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;

        await GrpcAssert.FailsWithAsync(StatusCode.PermissionDenied, async () =>
            await other.Notifications.AmendNotificationAsync(new AmendNotificationRequest { NotificationId = filed.Id, RequestId = "x1", Maneuver = Notices.Maneuver() }));
        await GrpcAssert.FailsWithAsync(StatusCode.PermissionDenied, async () =>
            await other.Notifications.CancelNotificationAsync(new CancelNotificationRequest { NotificationId = filed.Id, RequestId = "x2", Reason = "mine now" }));
        var report = await GrpcAssert.FailsWithAsync(StatusCode.PermissionDenied, async () =>
            await other.Notifications.ReportExecutionAsync(new ReportExecutionRequest { NotificationId = filed.Id, RequestId = "x3", Report = new ExecutionReport() }));

        Assert.That(report.Status.Detail, Does.Contain("owner-ops"));
        var unchanged = (await other.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id })).Notification;
        Assert.That(unchanged.Version, Is.EqualTo(1), "everyone may read a public notification; no one else may change it");
    }

    [Test]
    public async Task A_rotated_key_stops_working_and_the_new_one_works()
    {
        var created = await _host.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = "rotating-ops", DisplayName = "Rotating" });
        var old = _host.Client(created.ApiKey);
        await old.Operators.WhoAmIAsync(new WhoAmIRequest());

        var rotated = await _host.Admin().Operators.RotateApiKeyAsync(new RotateApiKeyRequest { OperatorId = "rotating-ops" });

        await GrpcAssert.FailsWithAsync(StatusCode.Unauthenticated, async () => await old.Operators.WhoAmIAsync(new WhoAmIRequest()));
        Assert.That((await _host.Client(rotated.ApiKey).Operators.WhoAmIAsync(new WhoAmIRequest())).Id, Is.EqualTo("rotating-ops"));
    }

    [Test]
    public async Task Subscriptions_are_private_to_their_owner()
    {
        var owner = await _host.NewOperatorAsync("sub-owner");
        var other = await _host.NewOperatorAsync("sub-other");
        var subscription = await owner.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "mine" });

        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () =>
            await other.Subscriptions.GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = subscription.Id }));
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () =>
            await other.Subscriptions.DeleteSubscriptionAsync(new DeleteSubscriptionRequest { SubscriptionId = subscription.Id }));
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () =>
            await other.Subscriptions.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = subscription.Id, Sequence = 0 }));
        using var stream = StreamProbe.Open(other, subscription.Id);
        var ended = await stream.ReadUntilEndedAsync();
        Assert.That(ended.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That((await other.Subscriptions.ListSubscriptionsAsync(new ListSubscriptionsRequest())).Subscriptions, Is.Empty);
    }
}
