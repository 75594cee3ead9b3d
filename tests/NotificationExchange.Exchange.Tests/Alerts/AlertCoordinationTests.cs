using Grpc.Core;
using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Cdm;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;
using R = NotificationExchange.Orbits.Regimes;

namespace NotificationExchange.Exchange.Tests.Alerts;

/// <summary>
/// Alerts end to end on a real host: written into the log as the screening writes them, then delivered, read,
/// acknowledged and exported over gRPC by their parties, and by nobody else.
/// </summary>
public class AlertCoordinationTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private ExchangeClient _alpha = null!;
    private ExchangeClient _beta = null!;
    private ExchangeClient _filer = null!;
    private ExchangeClient _outsider = null!;
    private DateTime _now;

    [SetUp]
    public async Task Start()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        _alpha = await _host.NewOperatorAsync("alpha-ops");
        _beta = await _host.NewOperatorAsync("beta-ops");
        _filer = await _host.NewOperatorAsync("filer-ops");
        _outsider = await _host.NewOperatorAsync("outside-ops");
        _now = DateTime.UtcNow;
    }

    [TearDown]
    public async Task Stop()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task A_party_receives_the_alert_on_its_stream_and_to_a_non_party_it_does_not_exist()
    {
        using var alphaStream = await OpenStreamAsync(_alpha);
        using var filerStream = await OpenStreamAsync(_filer);
        using var outsiderStream = await OpenStreamAsync(_outsider);

        var alert = await Alerting.RaiseAsync(_host, "alpha-ops", null, _now, _now.AddDays(2), filer: "filer-ops");
        // A later alert the outsider is a party to: its stream, gapless in log order, would carry the first one before it.
        var own = await Alerting.RaiseAsync(_host, "outside-ops", null, _now, _now.AddDays(3));

        var toAlpha = (await alphaStream.ReadAlertEventsAsync(1)).Single();
        var toFiler = (await filerStream.ReadAlertEventsAsync(1)).Single();
        var toOutsider = (await outsiderStream.ReadAlertEventsAsync(1)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(toAlpha.EventType, Is.EqualTo(AlertEventType.Raised));
            Assert.That(toAlpha.Alert.Id, Is.EqualTo(alert.Id));
            Assert.That(toAlpha.Alert.Primary.OperatorId, Is.EqualTo("alpha-ops"));
            Assert.That(toAlpha.Alert.Primary.Response.AcknowledgeBy.ToDateTime(), Is.EqualTo(_now.AddHours(12)), "a quarter of the 2 days to TCA");
            Assert.That(toFiler, Is.EqualTo(toAlpha), "the filer of the triggering notification is a party");
            Assert.That(toOutsider.Alert.Id, Is.EqualTo(own.Id), "the outsider's stream passed over the alert it is no party to");
        });

        var read = await _alpha.Alerts.GetAlertAsync(new GetAlertRequest { AlertId = alert.Id });
        Assert.That(read.History, Is.EqualTo(new[] { toAlpha }));
        var hidden = await GrpcAssert.FailsWithAsync(StatusCode.NotFound, () => _outsider.Alerts.GetAlertAsync(new GetAlertRequest { AlertId = alert.Id }).ResponseAsync);
        var neverIssued = await GrpcAssert.FailsWithAsync(StatusCode.NotFound, () => _outsider.Alerts.GetAlertAsync(new GetAlertRequest { AlertId = "ALR-999" }).ResponseAsync);
        Assert.That(hidden.Status.Detail, Is.EqualTo(neverIssued.Status.Detail.Replace("ALR-999", alert.Id)), "the same words as for an id never issued");
        Assert.That((await _outsider.Alerts.ListAlertsAsync(new ListAlertsRequest())).Alerts.Select(a => a.Id), Is.EqualTo(new[] { own.Id }));
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, () => _outsider.Alerts.AcknowledgeAlertAsync(Acknowledge("o1", alert.Id, ManeuverIntent.WillManeuver)).ResponseAsync);
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, () => _outsider.Alerts.ExportAlertCdmAsync(new ExportAlertCdmRequest { AlertId = alert.Id }).ResponseAsync);
    }

    [Test]
    public async Task A_party_opens_a_consultation_about_its_alert_and_to_a_non_party_the_alert_is_not_found()
    {
        var alert = await Alerting.RaiseAsync(_host, "alpha-ops", null, _now, _now.AddDays(2), filer: "filer-ops");
        var request = new RequestConsultationRequest
        {
            RequestId = "about-alert-1", AlertId = alert.Id, Subject = "Who moves?", Urgency = ConsultationUrgency.Priority, Counterparts = { "filer-ops" },
        };

        var consultation = await _alpha.Consultations.RequestConsultationAsync(request);
        var outsider = await GrpcAssert.InvalidFieldsAsync(async () => await _outsider.Consultations.RequestConsultationAsync(
            new RequestConsultationRequest(request) { RequestId = "about-alert-2" }));
        var neverIssued = await GrpcAssert.InvalidFieldsAsync(async () => await _alpha.Consultations.RequestConsultationAsync(
            new RequestConsultationRequest(request) { RequestId = "about-alert-3", AlertId = "ALR-999999" }));

        Assert.That(consultation.AlertId, Is.EqualTo(alert.Id));
        Assert.That(outsider, Is.EqualTo(new Dictionary<string, string> { ["alert_id"] = $"{alert.Id} not found" }));
        Assert.That(neverIssued, Is.EqualTo(new Dictionary<string, string> { ["alert_id"] = "ALR-999999 not found" }));
    }

    [Test]
    public async Task Both_operators_declare_intent_and_a_conflict_is_flagged_to_both_at_once()
    {
        var alert = await Alerting.RaiseAsync(_host, "alpha-ops", "beta-ops", _now, _now.AddDays(1), filer: "filer-ops");
        using var alphaStream = await OpenStreamAsync(_alpha, StartPosition.Earliest);
        using var betaStream = await OpenStreamAsync(_beta, StartPosition.Earliest);

        var first = await _alpha.Alerts.AcknowledgeAlertAsync(Acknowledge("a1", alert.Id, ManeuverIntent.WillManeuver, "raising perigee by 200 m"));
        Assert.Multiple(() =>
        {
            Assert.That(first.Version, Is.EqualTo(2));
            Assert.That(first.Primary.Response.Intent, Is.EqualTo(ManeuverIntent.WillManeuver));
            Assert.That(first.Primary.Response.Note, Is.EqualTo("raising perigee by 200 m"));
            Assert.That(first.Primary.Response.AcknowledgedAt, Is.Not.Null);
            Assert.That(first.IntentConflict, Is.EqualTo(IntentConflict.Unspecified), "one intent conflicts with nothing");
        });
        var second = await _beta.Alerts.AcknowledgeAlertAsync(Acknowledge("b1", alert.Id, ManeuverIntent.WillManeuver));
        Assert.That((second.Version, second.IntentConflict), Is.EqualTo((4u, IntentConflict.BothWillManeuver)), "acknowledged (3), then the conflict (4)");

        var toAlpha = await alphaStream.ReadAlertEventsAsync(4);
        var toBeta = await betaStream.ReadAlertEventsAsync(4);
        Assert.That(toBeta, Is.EqualTo(toAlpha), "both sides learn the same, at once");
        Assert.That(toAlpha.Select(e => (e.EventType, e.Actor)), Is.EqualTo(new[]
        {
            (AlertEventType.Raised, ""), (AlertEventType.Acknowledged, "alpha-ops"), (AlertEventType.Acknowledged, "beta-ops"), (AlertEventType.IntentConflict, "beta-ops"),
        }));
        Assert.That(toAlpha[3].Sequence, Is.EqualTo(toAlpha[2].Sequence + 1), "the conflict is recorded in the acknowledgement's write");

        // A retry is answered as the first call was and records nothing.
        var retried = await _beta.Alerts.AcknowledgeAlertAsync(Acknowledge("b1", alert.Id, ManeuverIntent.WillManeuver));
        Assert.That(retried, Is.EqualTo(second));
        var reused = await GrpcAssert.InvalidFieldsAsync(() => _beta.Alerts.AcknowledgeAlertAsync(Acknowledge("b1", alert.Id, ManeuverIntent.WillNotManeuver)).ResponseAsync);
        Assert.That(reused["request_id"], Does.Contain("already used"));

        // Changing intent ends the conflict; both WON'T is the other conflict.
        var changed = await _alpha.Alerts.AcknowledgeAlertAsync(Acknowledge("a2", alert.Id, ManeuverIntent.WillNotManeuver));
        Assert.That(changed.IntentConflict, Is.EqualTo(IntentConflict.Unspecified));
        var neither = await _beta.Alerts.AcknowledgeAlertAsync(Acknowledge("b2", alert.Id, ManeuverIntent.WillNotManeuver));
        Assert.That(neither.IntentConflict, Is.EqualTo(IntentConflict.NeitherWillManeuver));
        var history = (await _filer.Alerts.GetAlertAsync(new GetAlertRequest { AlertId = alert.Id })).History;
        Assert.That(history.Select(e => e.EventType).TakeLast(3),
            Is.EqualTo(new[] { AlertEventType.Acknowledged, AlertEventType.Acknowledged, AlertEventType.IntentConflict }));

        var denied = await GrpcAssert.FailsWithAsync(StatusCode.PermissionDenied,
            () => _filer.Alerts.AcknowledgeAlertAsync(Acknowledge("f1", alert.Id, ManeuverIntent.WillManeuver)).ResponseAsync);
        Assert.That(denied.Status.Detail, Does.Contain("alpha-ops and beta-ops"), "the filer is a party but operates neither object");
        await GrpcAssert.FailsWithAsync(StatusCode.PermissionDenied,
            () => _alpha.Alerts.AcknowledgeAlertAsync(Acknowledge("a3", alert.Id, ManeuverIntent.WillManeuver, norad: 48274)).ResponseAsync);
        var foreign = await GrpcAssert.InvalidFieldsAsync(() => _alpha.Alerts.AcknowledgeAlertAsync(Acknowledge("a4", alert.Id, ManeuverIntent.WillManeuver, norad: 99999)).ResponseAsync);
        Assert.That(foreign["norad_cat_id"], Does.Contain("99999 is not an object of"));
        var invalid = await GrpcAssert.InvalidFieldsAsync(() => _alpha.Alerts.AcknowledgeAlertAsync(new AcknowledgeAlertRequest
        {
            RequestId = "", AlertId = "MNV-1", Intent = ManeuverIntent.Unspecified, Note = new string('n', 2001),
        }).ResponseAsync);
        Assert.That(invalid.Keys, Is.EquivalentTo(new[] { "request_id", "alert_id", "intent", "note" }));
    }

    [Test]
    public async Task An_operator_of_both_objects_says_which_it_answers_for_and_a_withdrawn_alert_takes_no_answer()
    {
        var both = await Alerting.RaiseAsync(_host, "alpha-ops", "alpha-ops", _now, _now.AddDays(1));
        var ambiguous = await GrpcAssert.InvalidFieldsAsync(() => _alpha.Alerts.AcknowledgeAlertAsync(Acknowledge("a1", both.Id, ManeuverIntent.WillManeuver)).ResponseAsync);
        Assert.That(ambiguous["norad_cat_id"], Does.Contain("is required: both objects"));
        var answered = await _alpha.Alerts.AcknowledgeAlertAsync(Acknowledge("a2", both.Id, ManeuverIntent.WillManeuver, norad: 48274));
        Assert.That((answered.Primary.Response.Intent, answered.Secondary.Response.Intent), Is.EqualTo((ManeuverIntent.Unspecified, ManeuverIntent.WillManeuver)));

        var withdrawn = await Alerting.RaiseAsync(_host, "alpha-ops", "beta-ops", _now, _now.AddDays(1));
        await Alerting.WithdrawAsync(_host, withdrawn.Id, _now.AddMinutes(5));
        var refused = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition,
            () => _beta.Alerts.AcknowledgeAlertAsync(Acknowledge("b1", withdrawn.Id, ManeuverIntent.WillNotManeuver)).ResponseAsync);
        Assert.That(refused.Status.Detail, Does.Contain("WITHDRAWN"));
    }

    [Test]
    public async Task Alert_filters_narrow_a_subscription_by_its_thresholds_and_withdrawals_always_pass()
    {
        var filter = new AlertFilter { MaxMissDistanceM = 500, MinProbability = 1e-4, Regimes = { OrbitalRegime.Leo } };
        var subscription = await _alpha.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "close ones", Filter = new SubscriptionFilter { Alerts = filter } });
        Assert.That((await _alpha.Subscriptions.GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = subscription.Id })).Filter.Alerts, Is.EqualTo(filter));
        using var stream = StreamProbe.Open(_alpha, subscription.Id);
        await stream.ReadUntilCaughtUpAsync();

        var close = await Alerting.RaiseAsync(_host, "alpha-ops", null, _now, _now.AddDays(1), missDistanceM: 300, probability: 1e-3);
        var far = await Alerting.RaiseAsync(_host, "alpha-ops", null, _now, _now.AddDays(1.1), missDistanceM: 800, probability: 1e-3);
        await Alerting.RaiseAsync(_host, "alpha-ops", null, _now, _now.AddDays(1.2), missDistanceM: 300, probability: 1e-5);
        await Alerting.RaiseAsync(_host, "alpha-ops", null, _now, _now.AddDays(1.3), missDistanceM: 300, probability: 1e-3, regime: R.OrbitalRegime.Geo);
        await Alerting.WithdrawAsync(_host, far.Id, _now.AddMinutes(1));
        var unannounced = await Alerting.RaiseAsync(_host, "alpha-ops", null, _now, _now.AddDays(1.4), missDistanceM: 200, probability: 1e-2, unannounced: true);

        var received = await stream.ReadAlertEventsAsync(3);
        Assert.That(received.Select(e => (e.Alert.Id, e.EventType)), Is.EqualTo(new[]
        {
            (close.Id, AlertEventType.Raised), (far.Id, AlertEventType.Withdrawn), (unannounced.Id, AlertEventType.Raised),
        }));

        var violations = await GrpcAssert.InvalidFieldsAsync(() => _alpha.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest
        {
            Name = "bad",
            Filter = new SubscriptionFilter { Alerts = new AlertFilter { MaxMissDistanceM = -1, MinProbability = 2, Regimes = { (OrbitalRegime)42 } } },
        }).ResponseAsync);
        Assert.That(violations.Keys, Is.EquivalentTo(new[] { "filter.alerts.max_miss_distance_m", "filter.alerts.min_probability", "filter.alerts.regimes[0]" }));
    }

    [Test]
    public async Task Alerts_are_listed_by_TCA_a_page_at_a_time()
    {
        var ids = new List<string>();
        foreach (var days in new[] { 3.0, 1.0, 2.0, 4.0, 5.0 })
        {
            ids.Add((await Alerting.RaiseAsync(_host, "alpha-ops", "beta-ops", _now, _now.AddDays(days), unannounced: days == 4.0)).Id);
        }
        var expected = new[] { ids[1], ids[2], ids[0], ids[3], ids[4] };
        var listed = new List<string>();
        var page = new ListAlertsResponse();
        do
        {
            page = await _beta.Alerts.ListAlertsAsync(new ListAlertsRequest { PageSize = 2, PageToken = page.NextPageToken });
            Assert.That(page.Alerts, Has.Count.LessThanOrEqualTo(2));
            listed.AddRange(page.Alerts.Select(a => a.Id));
        }
        while (page.NextPageToken.Length > 0);
        Assert.That(listed, Is.EqualTo(expected));
        Assert.That((await _alpha.Alerts.ListAlertsAsync(new ListAlertsRequest { UnannouncedOnly = true })).Alerts.Select(a => a.Id), Is.EqualTo(new[] { ids[3] }));
        Assert.That((await _alpha.Alerts.ListAlertsAsync(new ListAlertsRequest { NoradCatId = 12345 })).Alerts, Is.Empty);
        var bad = await GrpcAssert.InvalidFieldsAsync(() => _alpha.Alerts.ListAlertsAsync(new ListAlertsRequest
        {
            PageSize = 501, PageToken = "bm90LWEtdG9rZW4", States = { (AlertState)9 },
        }).ResponseAsync);
        Assert.That(bad.Keys, Is.EquivalentTo(new[] { "page_size", "page_token", "states[0]" }));
    }

    [TestCase(CdmFormat.Kvn, "ALR-{0}-v1.cdm")]
    [TestCase(CdmFormat.Xml, "ALR-{0}-v1.cdm.xml")]
    public async Task The_CDM_export_reads_back_to_the_alert_and_an_unshared_state_is_refused(CdmFormat format, string fileName)
    {
        var alert = await Alerting.RaiseAsync(_host, "alpha-ops", null, _now, _now.AddDays(1));
        var exported = await _alpha.Alerts.ExportAlertCdmAsync(new ExportAlertCdmRequest { AlertId = alert.Id, Format = format });
        var cdm = CdmReader.Read(exported.Content, new CcsdsReadOptions { AllowMissingCdmCovariance = true });
        Assert.Multiple(() =>
        {
            Assert.That(exported.FileName, Is.EqualTo(string.Format(System.Globalization.CultureInfo.InvariantCulture, fileName, alert.Id["ALR-".Length..])));
            Assert.That(cdm.Header.MessageId, Is.EqualTo($"{alert.Id}-v1"));
            Assert.That(cdm.Header.MessageFor, Is.EqualTo("ISS (ZARYA)"));
            Assert.That(cdm.RelativeMetadata.Tca.ToDateTime(DateTimeKind.Utc), Is.EqualTo(alert.Tca));
            Assert.That(cdm.RelativeMetadata.MissDistance, Is.EqualTo(alert.MissDistanceM));
            Assert.That(cdm.RelativeMetadata.CollisionProbability, Is.EqualTo(alert.Probability.Value));
            Assert.That(cdm.Object1.Metadata.OperatorOrganization, Is.EqualTo("Operator alpha-ops"), "named from the directory");
            Assert.That(cdm.Object1.Metadata.OperatorEmail, Is.EqualTo("fd@alpha-ops.example"));
            Assert.That(cdm.Object2.Metadata.ObjectDesignator, Is.EqualTo("48274"));
        });

        var unshared = await Alerting.RaiseAsync(_host, "alpha-ops", "beta-ops", _now, _now.AddDays(1), shareStates: false);
        var refused = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition,
            () => _beta.Alerts.ExportAlertCdmAsync(new ExportAlertCdmRequest { AlertId = unshared.Id, Format = format }).ResponseAsync);
        Assert.That(refused.Status.Detail, Does.Contain("object 25544").And.Contain("is not shared"));
    }

    [Test]
    public async Task An_operator_whose_object_changed_hands_no_longer_lists_or_reads_its_alert()
    {
        var alert = await Alerting.RaiseAsync(_host, "outside-ops", null, _now, _now.AddDays(4));
        Assert.That((await _outsider.Alerts.ListAlertsAsync(new ListAlertsRequest())).Alerts.Select(a => a.Id), Does.Contain(alert.Id));

        await Alerting.HandOverPrimaryAsync(_host, alert.Id, "beta-ops", _now);

        Assert.Multiple(async () =>
        {
            Assert.That((await _outsider.Alerts.ListAlertsAsync(new ListAlertsRequest())).Alerts.Select(a => a.Id), Does.Not.Contain(alert.Id),
                "listings follow the latest version's parties, as reads do");
            await GrpcAssert.FailsWithAsync(StatusCode.NotFound, () => _outsider.Alerts.GetAlertAsync(new GetAlertRequest { AlertId = alert.Id }).ResponseAsync);
            Assert.That((await _beta.Alerts.ListAlertsAsync(new ListAlertsRequest())).Alerts.Select(a => a.Id), Does.Contain(alert.Id));
        });
    }

    [Test]
    public async Task An_element_set_too_old_for_the_screened_span_is_flagged_instead_of_propagated()
    {
        // The fixture's ISS element set dates from July 2022; this exchange runs on the real clock, years later.
        var filed = await _filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()));
        Assert.That(filed.Notification.Screening, Is.Null, "the filer's answer comes before any screen");
        var status = await Screening.ManeuverScreeningTests.ScreenedAsync(_filer, filed.Notification.Id);
        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(ScreeningState.NotScreenable));
            Assert.That(status.Reasons, Has.Some.Contains("object 25544: its orbit data (epoch 2022-07-15 12:14Z) is older than 30 days at the end of the span"));
        });
        var listed = await _outsider.Notifications.ListNotificationsAsync(new ListNotificationsRequest());
        Assert.That(listed.Notifications.Single(n => n.Id == filed.Notification.Id).Screening, Is.EqualTo(status), "listings carry the same status");
    }

    private static AcknowledgeAlertRequest Acknowledge(string requestId, string alertId, ManeuverIntent intent, string note = "", uint norad = 0) =>
        new() { RequestId = requestId, AlertId = alertId, Intent = intent, Note = note, NoradCatId = norad };

    private static async Task<StreamProbe> OpenStreamAsync(ExchangeClient client, StartPosition start = StartPosition.Latest)
    {
        var subscription = await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "alerts", Start = start });
        var probe = StreamProbe.Open(client, subscription.Id);
        await probe.ReadUntilCaughtUpAsync();
        return probe;
    }
}
