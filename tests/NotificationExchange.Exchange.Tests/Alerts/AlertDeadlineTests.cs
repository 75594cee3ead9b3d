using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Alerts;

/// <summary>
/// Alerts' deadlines end to end, with the deadline clock a fake the test moves (as the consultations' deadline tests
/// do): nothing waits for time to pass; a test moves the clock, then waits for the event it expects on the streams.
/// </summary>
public class AlertDeadlineTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public async Task StartHost()
    {
        _database = new TestDatabase();
        _clock = new FakeTimeProvider(Start);
        _host = await ExchangeHost.StartAsync(_database.Path, services: services => services.AddSingleton(new DeadlineClock(_clock)));
    }

    [TearDown]
    public async Task StopHost()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task An_operator_that_does_not_acknowledge_in_time_is_escalated_naming_its_backup_and_24_7_desks_and_the_alert_closes_after_TCA()
    {
        var alpha = await _host.NewOperatorAsync("alpha-ops");
        var beta = _host.Client((await _host.Admin().Operators.CreateOperatorAsync(new CreateOperatorRequest
        {
            OperatorId = "beta-ops", DisplayName = "Beta", Kind = OrganizationKind.Operator,
            Contacts = { Contact(ContactRole.Primary, "beta-ops"), Contact(ContactRole.Backup, "beta-ops"), Contact(ContactRole.Operations247, "beta-ops") },
        })).ApiKey);
        using var alphaStream = await OpenStreamAsync(alpha);
        using var betaStream = await OpenStreamAsync(beta);

        // TCA in 2 h: a quarter is 30 min.
        var raisedAt = Start.UtcDateTime;
        var alert = await Alerting.RaiseAsync(_host, "alpha-ops", "beta-ops", raisedAt, raisedAt.AddHours(2));
        await alphaStream.ReadAlertEventsAsync(1);
        await alpha.Alerts.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { RequestId = "a1", AlertId = alert.Id, Intent = ManeuverIntent.WillNotManeuver });
        await betaStream.ReadAlertEventsAsync(2);

        _clock.Advance(TimeSpan.FromMinutes(31));
        var escalated = (await betaStream.ReadAlertEventsAsync(3))[2];
        Assert.Multiple(() =>
        {
            Assert.That(escalated.EventType, Is.EqualTo(AlertEventType.Escalated));
            Assert.That(escalated.Actor, Is.Empty, "the exchange's own change");
            Assert.That(escalated.EscalatedOperator, Is.EqualTo("beta-ops"), "alpha-ops acknowledged in time");
            Assert.That(escalated.Contacts, Is.EqualTo(new[] { Contact(ContactRole.Backup, "beta-ops"), Contact(ContactRole.Operations247, "beta-ops") }),
                "its backup and 24/7 desks, not its primary");
            Assert.That(escalated.RecordedAt, Is.EqualTo(Timestamp.FromDateTimeOffset(Start.AddMinutes(31))));
            Assert.That(escalated.Alert.Secondary.Response.EscalatedAt, Is.EqualTo(Timestamp.FromDateTimeOffset(Start.AddMinutes(31))));
            Assert.That(escalated.Alert.Primary.Response.EscalatedAt, Is.Null);
        });
        Assert.That((await alphaStream.ReadAlertEventsAsync(3))[2], Is.EqualTo(escalated), "every party is told");

        _clock.Advance(TimeSpan.FromMinutes(90));
        var closed = (await alphaStream.ReadAlertEventsAsync(4))[3];
        Assert.That((closed.EventType, closed.Alert.State, closed.Alert.Version), Is.EqualTo((AlertEventType.Closed, AlertState.Closed, 4u)));
        var late = await GrpcAssert.FailsWithAsync(Grpc.Core.StatusCode.FailedPrecondition,
            () => beta.Alerts.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { RequestId = "b1", AlertId = alert.Id, Intent = ManeuverIntent.WillManeuver }).ResponseAsync);
        Assert.That(late.Status.Detail, Does.Contain("CLOSED"));
        Assert.That((await beta.Alerts.GetAlertAsync(new GetAlertRequest { AlertId = alert.Id })).History.Select(e => e.EventType),
            Is.EqualTo(new[] { AlertEventType.Raised, AlertEventType.Acknowledged, AlertEventType.Escalated, AlertEventType.Closed }));
    }

    private static ContactPoint Contact(ContactRole role, string organization) => new()
    {
        Role = role, Name = $"{role} desk", Email = $"{role.ToString().ToLowerInvariant()}@{organization}.example", Phone = "+49 6151 90 0",
    };

    private static async Task<StreamProbe> OpenStreamAsync(ExchangeClient client)
    {
        var subscription = await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "alerts" });
        var probe = StreamProbe.Open(client, subscription.Id);
        await probe.ReadUntilCaughtUpAsync();
        return probe;
    }
}
