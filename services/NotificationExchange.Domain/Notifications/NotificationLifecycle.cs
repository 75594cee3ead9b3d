using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Notifications;

/// <summary>
/// How a notification moves from filed through amended to cancelled or completed. Runs inside the write transaction,
/// so that what it reads cannot change before what it writes is committed.
/// </summary>
public sealed class NotificationLifecycle(NotificationValidator validator, TimeProvider clock)
{
    public FilingOutcome File(ILogWriteSession session, FileNotificationCommand command, byte[] fingerprint)
    {
        if (Replay(session, command, fingerprint) is { } replay)
        {
            return replay;
        }
        RequireRelatedExist(session, command.RelatedNotificationIds);
        var content = command.Content!;
        var sequence = session.NextSequence;
        var now = Now();
        var notification = new Notification
        {
            Id = $"{content.Kind.IdPrefix()}-{sequence}",
            Sequence = sequence,
            FilingOperator = command.OperatorId,
            FiledAt = now,
            UpdatedAt = now,
            Version = 1,
            Status = NotificationStatus.Filed,
            Visibility = command.Visibility,
            RelatedNotificationIds = command.RelatedNotificationIds,
            Content = content,
            Regimes = content.Regimes().Order().ToArray(),
            Attachments = Keep(session, $"{content.Kind.IdPrefix()}-{sequence}", command.Attachments),
        };
        return Record(session, command, fingerprint, NotificationEventType.Filed, notification, previous: null);
    }

    public FilingOutcome Amend(ILogWriteSession session, AmendNotificationCommand command, byte[] fingerprint)
    {
        if (Replay(session, command, fingerprint) is { } replay)
        {
            return replay;
        }
        var current = RequireOwnOpen(session, command.NotificationId, command.OperatorId, "amend");
        if (command.ExpectedVersion is { } expected && expected != current.Notification.Version)
        {
            throw new ExchangeRuleException(RuleViolationKind.Aborted,
                $"{command.NotificationId} is at version {current.Notification.Version}, not the expected {expected}; fetch it and amend again");
        }
        var content = command.Content!;
        if (content.Kind != current.Notification.Kind)
        {
            throw ExchangeRuleException.Invalid(content.FieldName,
                $"{command.NotificationId} is a {current.Notification.Content.FieldName} notification; an amendment keeps its kind");
        }
        RequireRelatedExist(session, command.RelatedNotificationIds);
        var notification = Next(session, current) with
        {
            Status = NotificationStatus.Amended,
            Content = content,
            RelatedNotificationIds = command.RelatedNotificationIds,
            Regimes = content.Regimes().Order().ToArray(),
            ChangeReason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason,
            Attachments = Keep(session, command.NotificationId, command.Attachments),
        };
        return Record(session, command, fingerprint, NotificationEventType.Amended, notification, current);
    }

    public FilingOutcome Cancel(ILogWriteSession session, CancelNotificationCommand command, byte[] fingerprint)
    {
        if (Replay(session, command, fingerprint) is { } replay)
        {
            return replay;
        }
        var current = RequireOwnOpen(session, command.NotificationId, command.OperatorId, "cancel");
        var next = Next(session, current);
        var notification = next with
        {
            Status = NotificationStatus.Cancelled,
            Cancellation = new Cancellation(command.Reason!, next.UpdatedAt),
            ChangeReason = command.Reason,
        };
        return Record(session, command, fingerprint, NotificationEventType.Cancelled, notification, current);
    }

    public FilingOutcome ReportExecution(ILogWriteSession session, ReportExecutionCommand command, byte[] fingerprint)
    {
        if (Replay(session, command, fingerprint) is { } replay)
        {
            return replay;
        }
        var current = RequireOwnOpen(session, command.NotificationId, command.OperatorId, "report the execution of");
        var errors = new ValidationErrors();
        validator.ValidateReport(command.Report, current.Notification.Kind, errors);
        errors.ThrowIfAny();
        var next = Next(session, current);
        var notification = next with
        {
            Status = NotificationStatus.Completed,
            Execution = command.Report! with { ReportedAt = next.UpdatedAt },
            ChangeReason = null,
        };
        return Record(session, command, fingerprint, NotificationEventType.ExecutionReported, notification, current);
    }

    private FilingOutcome? Replay(ILogWriteSession session, FilingCommand command, byte[] fingerprint)
    {
        var record = session.FindRequest(command.OperatorId, command.RequestId);
        if (record is null)
        {
            return null;
        }
        var first = session.GetVersion(record.NotificationId, record.Version)
            ?? throw new InvalidOperationException($"idempotency record points at missing {record.NotificationId} v{record.Version}");
        if (!record.Fingerprint.AsSpan().SequenceEqual(fingerprint))
        {
            var differences = RequestDifferences.Between(command, first);
            var where = differences.Count == 0 ? "" : $"; it differs in {string.Join("; ", differences)}";
            throw ExchangeRuleException.Invalid("request_id",
                $"'{command.RequestId}' was already used for a different request (it produced {record.NotificationId} version {record.Version}){where}. "
                + "A retry must repeat the first request exactly (resend the message you built, do not rebuild it); a new request needs a new request id");
        }
        return new FilingOutcome(first, Replayed: true);
    }

    private static RecordedEvent RequireOwnOpen(ILogWriteSession session, string notificationId, string operatorId, string action)
    {
        var current = session.GetLatest(notificationId) ?? throw ExchangeRuleException.NotFound($"notification {notificationId}");
        var notification = current.Notification;
        if (notification.FilingOperator != operatorId)
        {
            throw new ExchangeRuleException(RuleViolationKind.PermissionDenied,
                $"{notificationId} was filed by {notification.FilingOperator}; only they may {action} it");
        }
        return notification.Status switch
        {
            NotificationStatus.Cancelled => throw new ExchangeRuleException(RuleViolationKind.FailedPrecondition,
                $"{notificationId} was cancelled; a cancelled notification cannot be changed (file a new one)"),
            NotificationStatus.Completed => throw new ExchangeRuleException(RuleViolationKind.FailedPrecondition,
                $"{notificationId} already has an execution report; it cannot be changed"),
            _ => current,
        };
    }

    private static void RequireRelatedExist(ILogWriteSession session, IReadOnlyList<string> related)
    {
        var errors = new ValidationErrors();
        for (var i = 0; i < related.Count; i++)
        {
            if (session.GetLatest(related[i]) is null)
            {
                errors.Add($"related_notification_ids[{i}]", $"there is no notification {related[i]}");
            }
        }
        errors.ThrowIfAny();
    }

    private static AttachmentInfo[] Keep(ILogWriteSession session, string notificationId, IReadOnlyList<Attachment> attachments)
    {
        var infos = new AttachmentInfo[attachments.Count];
        for (var i = 0; i < attachments.Count; i++)
        {
            infos[i] = attachments[i].Info();
            session.SaveAttachment(notificationId, attachments[i], infos[i]);
        }
        return infos;
    }

    private Notification Next(ILogWriteSession session, RecordedEvent current) => current.Notification with
    {
        Sequence = session.NextSequence,
        UpdatedAt = Now(),
        Version = current.Notification.Version + 1,
    };

    /// <summary>
    /// Appends the new version. What the request brought (the notice, the report) was read back from its stored form
    /// before the write (<see cref="NotificationJson.ReadBack{T}"/>); the rest is the exchange's own, so the version
    /// stores and reads back as it is here.
    /// </summary>
    private static FilingOutcome Record(
        ILogWriteSession session, FilingCommand command, byte[] fingerprint, NotificationEventType type, Notification notification, RecordedEvent? previous)
    {
        var recorded = new RecordedEvent(notification.Sequence, type, notification.UpdatedAt, notification, MatchKeys.For(notification, previous?.Keys));
        session.Append(recorded);
        session.RecordRequest(new IdempotencyRecord(command.OperatorId, command.RequestId, fingerprint, notification.Id, notification.Version));
        return new FilingOutcome(recorded, Replayed: false);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
