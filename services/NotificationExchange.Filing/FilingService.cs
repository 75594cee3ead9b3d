using System.Text.Json;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Filing.Ccsds;

namespace NotificationExchange.Filing;

/// <summary>
/// Files, amends, cancels and reports on notifications. Checks what can be checked without the store first (the
/// notice, or the CCSDS message it comes from, and its attachments), then hands the rest of the work to the log
/// writer, and answers once the result is durable. Inside the write, every new event is rendered for readers before
/// it is committed (<see cref="IEventRenderer"/>): nothing is stored that cannot be served.
/// </summary>
public sealed class FilingService(ILogWriter writer, NotificationValidator validator, NotificationLifecycle lifecycle, IEventRenderer renderer)
{
    /// <summary>The request field a CCSDS maneuver comes in; violations of the notice read from it are named under it.</summary>
    public const string CcsdsManeuverField = FilingCommandExtensions.CcsdsManeuverField;
    public const string PlannedEphemerisField = "planned_ephemeris_oem";

    /// <remarks>
    /// <paramref name="prior"/>: violations found before (values the wire carried that nothing can hold), refused
    /// together with whatever else is wrong. The same for the other changes.
    /// </remarks>
    public Task<FilingOutcome> FileAsync(
        string operatorId, string requestId, NoticeDraft draft, IReadOnlyList<string> relatedNotificationIds, Visibility visibility,
        IReadOnlyList<FieldViolation> prior, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors(prior);
        NotificationValidator.ValidateRequestId(requestId, errors);
        var (content, attachments) = Resolve(draft, errors);
        NotificationValidator.ValidateRelatedIds(relatedNotificationIds, errors);
        if (!Enum.IsDefined(visibility))
        {
            errors.Add("visibility", $"unknown or not yet supported value {(int)visibility}; only PUBLIC is accepted today");
        }
        errors.ThrowIfAny();
        var command = new FileNotificationCommand(operatorId, requestId, content, relatedNotificationIds, visibility) { Attachments = attachments };
        command = command with { Content = Checked(command.Content!, command) };
        var fingerprint = NotificationJson.Fingerprint(command);
        return WriteAsync(session => lifecycle.File(session, command, fingerprint), command.RequestField(), cancellationToken);
    }

    public Task<FilingOutcome> AmendAsync(
        string operatorId, string requestId, string notificationId, int? expectedVersion, NoticeDraft draft, IReadOnlyList<string> relatedNotificationIds,
        string? reason, IReadOnlyList<FieldViolation> prior, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors(prior);
        ValidateTarget(notificationId, errors);
        NotificationValidator.ValidateRequestId(requestId, errors);
        var (content, attachments) = Resolve(draft, errors);
        NotificationValidator.ValidateRelatedIds(relatedNotificationIds, errors);
        errors.OptionalText("reason", reason, NotificationValidator.LongTextLength);
        if (expectedVersion is < 1)
        {
            errors.Add("expected_version", $"{expectedVersion} is not a version (versions start at 1)");
        }
        errors.ThrowIfAny();
        var command = new AmendNotificationCommand(operatorId, requestId, notificationId, expectedVersion, content, relatedNotificationIds, reason)
        {
            Attachments = attachments,
        };
        command = command with { Content = Checked(command.Content!, command) };
        var fingerprint = NotificationJson.Fingerprint(command);
        return WriteAsync(session => lifecycle.Amend(session, command, fingerprint), command.RequestField(), cancellationToken);
    }

    public Task<FilingOutcome> CancelAsync(CancelNotificationCommand command, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        ValidateTarget(command.NotificationId, errors);
        NotificationValidator.ValidateRequestId(command.RequestId, errors);
        errors.RequiredText("reason", command.Reason, NotificationValidator.LongTextLength);
        errors.ThrowIfAny();
        var fingerprint = NotificationJson.Fingerprint(command);
        return WriteAsync(session => lifecycle.Cancel(session, command, fingerprint), command.RequestField(), cancellationToken);
    }

    public Task<FilingOutcome> ReportExecutionAsync(ReportExecutionCommand command, IReadOnlyList<FieldViolation> prior, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors(prior);
        ValidateTarget(command.NotificationId, errors);
        NotificationValidator.ValidateRequestId(command.RequestId, errors);
        errors.ThrowIfAny();
        // the report's own fields are checked in the write, where the notification's kind is known
        if (command.Report is { } report)
        {
            command = command with { Report = Checked(report, command) };
        }
        var fingerprint = NotificationJson.Fingerprint(command);
        return WriteAsync(session => lifecycle.ReportExecution(session, command, fingerprint), command.RequestField(), cancellationToken);
    }

    /// <summary>
    /// What a request brings for the new version (a notice, a report) as its stored form reads back: the form the write
    /// records, the log stores, the bus carries and the answer shows. Checked here, before the write, where requests
    /// are checked side by side rather than one after another on the writer's thread. What has no faithful stored form
    /// is refused as the request field it came in.
    /// </summary>
    private static T Checked<T>(T value, FilingCommand command)
        where T : class
    {
        try
        {
            return NotificationJson.ReadBack(value);
        }
        catch (JsonException e)
        {
            throw ExchangeRuleException.Invalid(command.RequestField(), $"cannot be stored faithfully: {e.Message}");
        }
    }

    /// <summary>
    /// Runs the lifecycle's work in the write and renders the event it appended before the commit; an event that cannot
    /// be rendered is refused as the request field it came from, and its write leaves no trace.
    /// </summary>
    private Task<FilingOutcome> WriteAsync(Func<ILogWriteSession, FilingOutcome> work, string field, CancellationToken cancellationToken) =>
        writer.WriteAsync(session =>
        {
            var outcome = work(session);
            if (!outcome.Replayed)
            {
                try
                {
                    renderer.Render(outcome.Event);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    throw ExchangeRuleException.Invalid(field, $"cannot be served to readers: {e.Message}");
                }
            }
            return outcome;
        }, cancellationToken);

    /// <summary>The notice a draft brings, checked, and the messages to keep with it.</summary>
    private (NotificationContent? Content, IReadOnlyList<Attachment> Attachments) Resolve(NoticeDraft draft, ValidationErrors errors)
    {
        var attachments = new List<Attachment>();
        var content = draft.Content;
        if (draft.Ccsds is { } ccsds)
        {
            if (CcsdsManeuverImport.Read(ccsds.Message, ccsds.Supplement, CcsdsManeuverField, errors) is not var (notice, source))
            {
                return (null, attachments);
            }
            content = notice;
            attachments.Add(source);
            var noticeErrors = new ValidationErrors();
            validator.ValidateContent(notice, noticeErrors);
            foreach (var violation in noticeErrors.Violations)
            {
                errors.Add(CcsdsManeuverField + violation.Field[NotificationKind.Maneuver.FieldName().Length..], violation.Description.StartsWith("is required", StringComparison.Ordinal)
                    ? $"{violation.Description}; the message does not give it: add it to {CcsdsManeuverField}.supplement"
                    : violation.Description);
            }
        }
        else
        {
            validator.ValidateContent(content, errors);
        }
        if (!string.IsNullOrEmpty(draft.PlannedEphemerisOem))
        {
            if (content is not ManeuverNotice maneuver)
            {
                errors.Add(PlannedEphemerisField, "only a maneuver has a planned ephemeris");
            }
            else if (PlannedEphemeris.Read(draft.PlannedEphemerisOem, maneuver, PlannedEphemerisField, errors) is { } ephemeris)
            {
                attachments.Add(ephemeris);
            }
        }
        return (content, attachments);
    }

    private static void ValidateTarget(string notificationId, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(notificationId))
        {
            errors.Add("notification_id", "is required");
        }
        else if (!NotificationValidator.NotificationIdPattern().IsMatch(notificationId))
        {
            errors.Add("notification_id", $"'{notificationId}' is not a notification id (such as MNV-42)");
        }
    }
}
