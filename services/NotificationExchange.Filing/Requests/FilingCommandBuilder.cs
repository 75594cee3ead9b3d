using System.Text.Json;
using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Commands;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Filing.Ccsds;

namespace NotificationExchange.Filing.Requests;

/// <summary>
/// The one place a change's request is checked and made a command, for all four changes alike. It lives in Filing,
/// not in the domain, because a notice may come as the operator's CCSDS message, which only Filing reads; the rules it
/// applies are the domain's (<see cref="NotificationValidator"/>). Checks that need the store (ownership, state,
/// related notifications, a report's kind) are the lifecycle's, in the write.
/// </summary>
public sealed class FilingCommandBuilder(NotificationValidator validator)
{
    public const string PlannedEphemerisField = "planned_ephemeris_oem";

    /// <summary>
    /// The checked command: every rule that can be checked without the store holds, and what it brings for the new
    /// version is in its stored form. INVALID_ARGUMENT naming every bad field (the draft's prior violations among them)
    /// otherwise.
    /// </summary>
    public FilingCommand Build(FilingDraft draft)
    {
        var errors = new ValidationErrors(draft.Prior);
        var command = Assemble(draft, errors);
        errors.ThrowIfAny();
        if (command is null)
        {
            throw new InvalidOperationException($"a {draft.GetType().Name} that cannot be built was not refused");
        }
        try
        {
            return InStoredForm(command);
        }
        catch (JsonException e)
        {
            throw ExchangeRuleException.Invalid(command.RequestField(), $"cannot be stored faithfully: {e.Message}");
        }
    }

    /// <summary>
    /// The command the draft asks for, whatever the rules say of it now: to compare a retry with the request it
    /// repeats, which passed them when it was first sent. Null when the draft cannot even be built (no notice, a CCSDS
    /// message that cannot be read, a value with no stored form): such a request cannot be one the exchange accepted.
    /// </summary>
    public FilingCommand? BuildUnchecked(FilingDraft draft)
    {
        if (Assemble(draft, new ValidationErrors()) is not { } command)
        {
            return null;
        }
        try
        {
            return InStoredForm(command);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The command the draft asks for, with every fault added to <paramref name="errors"/>; null (with a fault said) when it cannot be built.</summary>
    private FilingCommand? Assemble(FilingDraft draft, ValidationErrors errors) => draft switch
    {
        FileNotificationDraft file => AssembleFile(file, errors),
        AmendNotificationDraft amend => AssembleAmend(amend, errors),
        CancelNotificationDraft cancel => AssembleCancel(cancel, errors),
        ReportExecutionDraft report => AssembleReport(report, errors),
        _ => throw new ArgumentOutOfRangeException(nameof(draft), draft.GetType().Name, null),
    };

    private FileNotificationCommand? AssembleFile(FileNotificationDraft draft, ValidationErrors errors)
    {
        NotificationValidator.ValidateRequestId(draft.RequestId, errors);
        var notice = Resolve(draft.Notice, errors);
        NotificationValidator.ValidateRelatedIds(draft.RelatedNotificationIds, errors);
        if (!Enum.IsDefined(draft.Visibility))
        {
            errors.Add("visibility", $"unknown or not yet supported value {(int)draft.Visibility}; only PUBLIC is accepted today");
        }
        var (audience, embargo, sharingOk) = Sharing(draft.OperatorId, draft.Audience, draft.Embargo, keepsCurrent: false, errors);
        return (notice, sharingOk) is (({ } content, var attachments), true)
            ? new FileNotificationCommand(draft.OperatorId, draft.RequestId, content, draft.RelatedNotificationIds, draft.Visibility)
            {
                Attachments = attachments,
                // PUBLIC is left unset, so that a request that asks for it has the digest it had before audiences
                Audience = audience is { Scope: AudienceScope.Public } ? null : audience,
                Embargo = embargo,
            }
            : null;
    }

    private AmendNotificationCommand? AssembleAmend(AmendNotificationDraft draft, ValidationErrors errors)
    {
        NotificationIds.Validate("notification_id", draft.NotificationId, errors);
        NotificationValidator.ValidateRequestId(draft.RequestId, errors);
        var notice = Resolve(draft.Notice, errors);
        NotificationValidator.ValidateRelatedIds(draft.RelatedNotificationIds, errors);
        errors.OptionalText("reason", draft.Reason, NotificationValidator.LongTextLength);
        if (draft.ExpectedVersion is < 1)
        {
            errors.Add("expected_version", $"{draft.ExpectedVersion} is not a version (versions start at 1)");
        }
        var (audience, embargo, sharingOk) = Sharing(draft.OperatorId, draft.Audience, draft.Embargo, keepsCurrent: true, errors);
        return (draft.NotificationId, notice, sharingOk) is ({ } id, ({ } content, var attachments), true)
            ? new AmendNotificationCommand(
                draft.OperatorId, draft.RequestId, id, draft.ExpectedVersion, content, draft.RelatedNotificationIds, string.IsNullOrEmpty(draft.Reason) ? null : draft.Reason)
            {
                Attachments = attachments,
                Audience = audience,
                Embargo = embargo,
            }
            : null;
    }

    /// <summary>
    /// The audience and embargo a filing or amendment asks for (null where it sets none), with every fault said; Ok is
    /// false when one was asked for and cannot be built. An amendment's audience left unset is the current one
    /// (<paramref name="keepsCurrent"/>), over which the lifecycle checks its embargo in the write.
    /// </summary>
    private (NotificationAudience? Audience, Embargo? Embargo, bool Ok) Sharing(
        string filer, AudienceDraft? audienceDraft, EmbargoDraft? embargoDraft, bool keepsCurrent, ValidationErrors errors)
    {
        var audience = audienceDraft is { } a ? SharingValidation.Audience("audience", a.Scope, a.Organizations, filer, errors) : null;
        Embargo? embargo = null;
        if (embargoDraft is { } e)
        {
            var held = e.Audience is { } ea ? SharingValidation.Audience("embargo.audience", ea.Scope, ea.Organizations, filer, errors) : null;
            var over = audience ?? (keepsCurrent ? null : NotificationAudience.Public);
            embargo = SharingValidation.Embargo("embargo", held, e.Audience is not null, e.Until, audienceDraft is null || audience is not null ? over : null, filer, validator.Now, errors);
        }
        return (audience, embargo, (audienceDraft is null || audience is not null) && (embargoDraft is null || embargo is not null));
    }

    private static CancelNotificationCommand? AssembleCancel(CancelNotificationDraft draft, ValidationErrors errors)
    {
        NotificationIds.Validate("notification_id", draft.NotificationId, errors);
        NotificationValidator.ValidateRequestId(draft.RequestId, errors);
        errors.RequiredText("reason", draft.Reason, NotificationValidator.LongTextLength);
        return (draft.NotificationId, draft.Reason) is ({ } id, { } reason)
            ? new CancelNotificationCommand(draft.OperatorId, draft.RequestId, id, reason)
            : null;
    }

    private static ReportExecutionCommand? AssembleReport(ReportExecutionDraft draft, ValidationErrors errors)
    {
        NotificationIds.Validate("notification_id", draft.NotificationId, errors);
        NotificationValidator.ValidateRequestId(draft.RequestId, errors);
        // the report's own fields are checked in the write, where the notification's kind is known
        if (draft.Report is null)
        {
            errors.Add("report", "is required");
        }
        return (draft.NotificationId, draft.Report) is ({ } id, { } report)
            ? new ReportExecutionCommand(draft.OperatorId, draft.RequestId, id, report)
            : null;
    }

    /// <summary>
    /// What the command brings for the new version (a notice, a report) as its stored form reads back: the form the
    /// write records, the log stores, the bus carries and the answer shows. Done here, before the write, where
    /// requests are handled side by side rather than one after another on the writer's thread. Throws
    /// <see cref="JsonException"/> for what has no faithful stored form.
    /// </summary>
    private static FilingCommand InStoredForm(FilingCommand command) => command switch
    {
        FileNotificationCommand c => c with { Content = NotificationJson.ReadBack(c.Content) },
        AmendNotificationCommand c => c with { Content = NotificationJson.ReadBack(c.Content) },
        ReportExecutionCommand c => c with { Report = NotificationJson.ReadBack(c.Report) },
        _ => command,
    };

    /// <summary>
    /// The notice a draft brings, with every fault of it added to <paramref name="errors"/>, and the messages to keep
    /// with it; null when there is no notice to build (none given, or a CCSDS message or planned ephemeris that
    /// cannot be read).
    /// </summary>
    private (NotificationContent Content, IReadOnlyList<Attachment> Attachments)? Resolve(NoticeDraft draft, ValidationErrors errors)
    {
        var attachments = new List<Attachment>();
        var content = draft.Content;
        if (draft.Ccsds is { } ccsds)
        {
            const string field = FilingCommandExtensions.CcsdsManeuverField;
            if (CcsdsManeuverImport.Read(ccsds.Message, ccsds.Supplement, field, errors) is not var (notice, source))
            {
                return null;
            }
            content = notice;
            attachments.Add(source);
            var noticeErrors = new ValidationErrors();
            validator.ValidateContent(notice, noticeErrors);
            foreach (var violation in noticeErrors.Violations)
            {
                errors.Add(field + violation.Field[NotificationKind.Maneuver.FieldName().Length..], violation.Description.StartsWith("is required", StringComparison.Ordinal)
                    ? $"{violation.Description}; the message does not give it: add it to {field}.supplement"
                    : violation.Description);
            }
        }
        else
        {
            validator.ValidateContent(content, errors);
        }
        if (!string.IsNullOrEmpty(draft.PlannedEphemerisOem))
        {
            var ephemeris = content switch
            {
                ManeuverNotice maneuver => PlannedEphemeris.Read(draft.PlannedEphemerisOem, maneuver, PlannedEphemerisField, errors),
                ProximityOperationNotice operation => PlannedEphemeris.Read(draft.PlannedEphemerisOem, operation, PlannedEphemerisField, errors),
                LaunchNotice => Refused(PlannedEphemerisField,
                    "a launch has no planned ephemeris (only a maneuver or a proximity operation has): give the objects' orbits as payload_orbits[].insertion_orbit and stage_orbits"),
                _ => Refused(PlannedEphemerisField, "only a maneuver or a proximity operation has a planned ephemeris"),
            };
            if (ephemeris is null)
            {
                return null;
            }
            attachments.Add(ephemeris);
        }
        return content is null ? null : (content, attachments);

        Attachment? Refused(string field, string reason)
        {
            errors.Add(field, reason);
            return null;
        }
    }
}
