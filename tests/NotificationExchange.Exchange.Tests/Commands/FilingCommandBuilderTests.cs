using Microsoft.Extensions.Time.Testing;
using NotificationExchange.Domain.Commands;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Filing.Requests;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Commands;

/// <summary>Drafts made commands on their own, without a server: what is checked, what is named, what a retry is compared as.</summary>
public class FilingCommandBuilderTests
{
    private static readonly DateTimeOffset _start = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private FakeTimeProvider _clock = null!;
    private FilingCommandBuilder _builder = null!;

    [SetUp]
    public void CreateBuilder()
    {
        _clock = new FakeTimeProvider(_start);
        _builder = new FilingCommandBuilder(new NotificationValidator(_clock));
    }

    [Test]
    public void A_valid_filing_becomes_a_command_with_its_notice_in_stored_form()
    {
        var draft = File(Maneuver());

        var command = (FileNotificationCommand)_builder.Build(draft);

        Assert.That(command.Content, Is.EqualTo(draft.Notice.Content));
        Assert.That(command.Content, Is.Not.SameAs(draft.Notice.Content), "the notice as its stored form reads back");
        Assert.That((command.OperatorId, command.RequestId, command.RequestField()), Is.EqualTo(("ops", "r-1", "maneuver")));
    }

    [Test]
    public void Every_fault_of_a_draft_is_named_with_the_wire_violations_found_before()
    {
        var draft = new AmendNotificationDraft("ops", "", "MNV-0", 0, new NoticeDraft(null), ["LCH-1", "nope"], null)
        {
            Prior = [new FieldViolation("maneuver.planned_delta_v.magnitude_mps", "NaN is not a number")],
        };

        var refusal = Assert.Throws<ExchangeRuleException>(() => _builder.Build(draft))!;

        Assert.That(refusal.Kind, Is.EqualTo(RuleViolationKind.InvalidArgument));
        Assert.That(refusal.Violations.Select(v => v.Field), Is.EqualTo(new[]
        {
            "maneuver.planned_delta_v.magnitude_mps", "notification_id", "request_id", "content", "related_notification_ids[1]", "expected_version",
        }));
        Assert.That(refusal.Violations[1].Description, Is.EqualTo("'MNV-0' is not a notification id (such as MNV-42)"));
    }

    [Test]
    public void A_cancellation_and_a_report_need_what_they_record_before_the_write()
    {
        var cancel = Assert.Throws<ExchangeRuleException>(() => _builder.Build(new CancelNotificationDraft("ops", "r-1", "", " ")))!;
        var report = Assert.Throws<ExchangeRuleException>(() => _builder.Build(new ReportExecutionDraft("ops", "r-1", "MNV-3", null)))!;

        Assert.That(cancel.Violations.Select(v => (v.Field, v.Description)), Is.EqualTo(new[] { ("notification_id", "is required"), ("reason", "is required") }));
        Assert.That(report.Violations.Select(v => (v.Field, v.Description)), Is.EqualTo(new[] { ("report", "is required") }));
    }

    [Test]
    public void An_amendments_empty_reason_is_none()
    {
        var command = (AmendNotificationCommand)_builder.Build(new AmendNotificationDraft("ops", "r-1", "MNV-3", null, new NoticeDraft(Maneuver()), [], ""));

        Assert.That(command.Reason, Is.Null);
    }

    [Test]
    public void A_notice_with_no_faithful_stored_form_is_refused_as_its_field()
    {
        var local = Maneuver() with { CurrentOrbit = new MeanElementsOrbit(DateTime.SpecifyKind(_start.UtcDateTime, DateTimeKind.Local), 6778, 0.001, null, null, 51.6, 0, 0, 0) };

        var refusal = Assert.Throws<ExchangeRuleException>(() => _builder.Build(File(local)))!;

        Assert.That(refusal.Violations.Single().Field, Is.EqualTo("maneuver"));
        Assert.That(refusal.Violations.Single().Description, Does.StartWith("cannot be stored faithfully"));
        Assert.That(_builder.BuildUnchecked(File(local)), Is.Null, "what cannot be stored cannot be a request the exchange accepted");
    }

    [Test]
    public void Once_the_window_has_passed_the_rules_refuse_the_request_but_it_still_builds_to_the_same_digest()
    {
        var draft = File(Maneuver());
        var accepted = NotificationJson.Fingerprint(_builder.Build(draft));

        _clock.Advance(TimeSpan.FromHours(2));

        var refusal = Assert.Throws<ExchangeRuleException>(() => _builder.Build(draft))!;
        Assert.That(refusal.Violations.Select(v => v.Field), Is.EqualTo(new[] { "maneuver.execution_window.end" }));
        Assert.That(_builder.BuildUnchecked(draft), Is.Not.Null);
        Assert.That(NotificationJson.Fingerprint(_builder.BuildUnchecked(draft)!), Is.EqualTo(accepted));
    }

    [Test]
    public void A_draft_without_what_its_change_records_does_not_build()
    {
        Assert.That(_builder.BuildUnchecked(File(null)), Is.Null);
        Assert.That(_builder.BuildUnchecked(new CancelNotificationDraft("ops", "r-1", "MNV-3", null)), Is.Null);
        Assert.That(_builder.BuildUnchecked(new ReportExecutionDraft("ops", "r-1", "MNV-3", null)), Is.Null);
        Assert.That(_builder.BuildUnchecked(File(Maneuver()) with { Notice = new NoticeDraft(Maneuver(), new CcsdsManeuverDraft("not a message", null)) }), Is.Null);
    }

    [Test]
    public void Only_a_maneuver_has_a_planned_ephemeris()
    {
        var draft = File(null) with { Notice = new NoticeDraft(null, PlannedEphemerisOem: "CCSDS_OEM_VERS = 3.0") };

        var refusal = Assert.Throws<ExchangeRuleException>(() => _builder.Build(draft))!;

        Assert.That(refusal.Violations.Select(v => v.Field), Is.EqualTo(new[] { "content", "planned_ephemeris_oem" }));
    }

    private static FileNotificationDraft File(NotificationContent? content) => new("ops", "r-1", new NoticeDraft(content), [], Visibility.Public);

    private static ManeuverNotice Maneuver() => new()
    {
        Object = new SpaceObjectRef(25544, "1998-067A", "ISS (ZARYA)"),
        ExecutionWindow = new TimeWindow(_start.UtcDateTime.AddMinutes(30), _start.UtcDateTime.AddMinutes(50)),
        Purpose = ManeuverPurpose.CollisionAvoidance,
        PlannedDeltaV = new DeltaV(0.5, new RtnVector(0, 0.5, 0)),
        Contact = new PointOfContact("FDO", null, "fdo@example.org"),
    };
}
