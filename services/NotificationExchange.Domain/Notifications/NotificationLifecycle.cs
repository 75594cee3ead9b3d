using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Commands;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Notifications;

/// <summary>
/// How a notification moves from filed through amended to cancelled or completed. Runs inside the write transaction,
/// so that what it reads cannot change before what it writes is committed.
/// </summary>
public sealed class NotificationLifecycle(NotificationValidator validator, TimeProvider clock)
{
    /// <summary>
    /// Carries out a checked command, or answers it as the retry it is. <paramref name="fingerprint"/> is the command's
    /// digest (<see cref="NotificationJson.Fingerprint(FilingCommand)"/>), remembered with the version it makes.
    /// </summary>
    public FilingOutcome Run(ILogWriteSession session, FilingCommand command, byte[] fingerprint)
    {
        // Also asked before the write; asked again here for two first attempts racing each other.
        if (session.FindRequest(command.OperatorId, command.RequestId) is { } record)
        {
            // Request ids are one namespace per organisation, shared with consultations and direct lines: an id that
            // made one of those is not a notification's version.
            var first = session.GetVersion(record.NotificationId, record.Version)
                ?? throw ExchangeRuleException.Invalid("request_id", $"was already used for {record.NotificationId}; choose a new request id for a new request");
            return RequestReplay.Answer(command, fingerprint, new RememberedRequest(record.Fingerprint, first));
        }
        var (type, notification, previous) = command switch
        {
            FileNotificationCommand file => (NotificationEventType.Filed, File(session, file), (RecordedEvent?)null),
            AmendNotificationCommand amend => Amend(session, amend),
            CancelNotificationCommand cancel => Cancel(session, cancel),
            ReportExecutionCommand report => ReportExecution(session, report),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, null),
        };
        var recorded = new RecordedEvent(notification.Sequence, type, notification.UpdatedAt, notification, MatchKeys.For(notification, previous?.Keys));
        session.Append(recorded);
        session.RecordRequest(new IdempotencyRecord(command.OperatorId, command.RequestId, fingerprint, notification.Id, notification.Version));
        return new FilingOutcome(recorded, Replayed: false);
    }

    private Notification File(ILogWriteSession session, FileNotificationCommand command)
    {
        var content = command.Content;
        var sequence = session.NextSequence;
        var id = $"{content.Kind.IdPrefix()}-{sequence}";
        var now = Now();
        RequireEmbargoAhead(command.Embargo, now);
        var filed = new Notification
        {
            Id = id,
            Sequence = sequence,
            FilingOperator = command.OperatorId,
            FiledAt = now,
            UpdatedAt = now,
            Version = 1,
            Status = NotificationStatus.Filed,
            Visibility = command.Visibility,
            Audience = command.Audience ?? NotificationAudience.Public,
            Embargo = command.Embargo,
            RelatedNotificationIds = command.RelatedNotificationIds,
            Content = content,
            Regimes = content.Regimes().Order().ToArray(),
            Attachments = Keep(session, id, command.Attachments),
        };
        RequireRelatedExist(session, filed);
        return filed;
    }

    private (NotificationEventType, Notification, RecordedEvent) Amend(ILogWriteSession session, AmendNotificationCommand command)
    {
        var current = RequireOwnOpen(session, command.NotificationId, command.OperatorId, "amend");
        if (command.ExpectedVersion is { } expected && expected != current.Notification.Version)
        {
            throw new ExchangeRuleException(RuleViolationKind.Aborted,
                $"{command.NotificationId} is at version {current.Notification.Version}, not the expected {expected}; fetch it and amend again");
        }
        var content = command.Content;
        if (content.Kind != current.Notification.Kind)
        {
            throw ExchangeRuleException.Invalid(content.FieldName,
                $"{command.NotificationId} is a {current.Notification.Content.FieldName} notification; an amendment keeps its kind");
        }
        var (audience, embargo) = Sharing(current.Notification, command);
        var notification = Next(session, current) with
        {
            Status = NotificationStatus.Amended,
            Audience = audience,
            Embargo = embargo,
            Content = content,
            RelatedNotificationIds = command.RelatedNotificationIds,
            Regimes = content.Regimes().Order().ToArray(),
            ChangeReason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason,
            Attachments = Keep(session, command.NotificationId, command.Attachments),
        };
        RequireRelatedExist(session, notification);
        return (NotificationEventType.Amended, notification, current);
    }

    /// <summary>
    /// The audience and embargo of an amendment's version: the current ones when it asks for none, else what it asks
    /// (its audience or the current one; its embargo or none), which must leave everyone who sees the notification now
    /// still seeing it.
    /// </summary>
    private (NotificationAudience, Embargo?) Sharing(Notification current, AmendNotificationCommand command)
    {
        if (command.Audience is null && command.Embargo is null)
        {
            return (current.Audience, current.Embargo);
        }
        var audience = command.Audience ?? current.Audience;
        var errors = new ValidationErrors();
        if (command.Embargo is { } embargo)
        {
            RequireEmbargoAhead(embargo, Now());
            if (command.Audience is null)
            {
                SharingValidation.Narrower("embargo", embargo.Audience, audience, current.FilingOperator, errors);
            }
        }
        if (!errors.Any)
        {
            SharingValidation.NarrowsNothing(current, audience, command.Embargo, errors);
        }
        errors.ThrowIfAny();
        return (audience, command.Embargo);
    }

    /// <summary>
    /// Releases a notification's embargo once its time has come (<paramref name="now"/>, on the deadline clock): a new
    /// version, EMBARGO_RELEASED, with no embargo, so that its entry's audience is the notification's own. Decided here,
    /// in the write, under the store's write lock: of several instances that find the release due, the first writes
    /// it and the others find no embargo left. Null when there is nothing to release (none, or not yet due).
    /// </summary>
    public RecordedEvent? ReleaseEmbargo(ILogWriteSession session, string notificationId, DateTime now)
    {
        var current = session.GetLatest(notificationId);
        if (current?.Notification.Embargo is not { } embargo || embargo.Until > now)
        {
            return null;
        }
        var notification = current.Notification with
        {
            Sequence = session.NextSequence,
            UpdatedAt = now,
            Version = current.Notification.Version + 1,
            Embargo = null,
            ChangeReason = null,
        };
        var recorded = new RecordedEvent(notification.Sequence, NotificationEventType.EmbargoReleased, now, notification, MatchKeys.For(notification, current.Keys));
        session.Append(recorded);
        return recorded;
    }

    private static void RequireEmbargoAhead(Embargo? embargo, DateTime now)
    {
        // Checked when the request was built too; asked again at the write's time, which is what the release runs on.
        if (embargo is { } e && e.Until <= now)
        {
            throw ExchangeRuleException.Invalid("embargo.until",
                $"{TimeValidation.Format(e.Until)} has already passed (now {TimeValidation.Format(now)}); an embargo ends in the future");
        }
    }

    private (NotificationEventType, Notification, RecordedEvent) Cancel(ILogWriteSession session, CancelNotificationCommand command)
    {
        var current = RequireOwnOpen(session, command.NotificationId, command.OperatorId, "cancel");
        var next = Next(session, current);
        var notification = next with
        {
            Status = NotificationStatus.Cancelled,
            Cancellation = new Cancellation(command.Reason, next.UpdatedAt),
            ChangeReason = command.Reason,
        };
        return (NotificationEventType.Cancelled, notification, current);
    }

    private (NotificationEventType, Notification, RecordedEvent) ReportExecution(ILogWriteSession session, ReportExecutionCommand command)
    {
        var current = RequireOwnOpen(session, command.NotificationId, command.OperatorId, "report the execution of");
        var errors = new ValidationErrors();
        validator.ValidateReport(command.Report, current.Notification.Kind, errors);
        errors.ThrowIfAny();
        var next = Next(session, current);
        var notification = next with
        {
            Status = NotificationStatus.Completed,
            Execution = command.Report with { ReportedAt = next.UpdatedAt },
            ChangeReason = null,
        };
        return (NotificationEventType.ExecutionReported, notification, current);
    }

    private static RecordedEvent RequireOwnOpen(ILogWriteSession session, string notificationId, string operatorId, string action)
    {
        // To an organisation its audience does not admit, a notification does not exist: the words of an id never
        // issued, never "filed by X" (which would say that it exists and whose it is).
        var current = session.GetLatest(notificationId) is { } latest && latest.Audience.Admits(operatorId)
            ? latest
            : throw ExchangeRuleException.NotFound($"notification {notificationId}");
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

    /// <summary>
    /// Each related notification exists for the filer (one its audience does not admit is "no notification", as an id
    /// never issued is), and is seen by everyone who will see this one: its id names it, and its kind, to every reader
    /// of this notification, including after this one's embargo ends (its own audience, not the embargo's, is checked).
    /// </summary>
    private static void RequireRelatedExist(ILogWriteSession session, Notification notification)
    {
        var related = notification.RelatedNotificationIds;
        var reach = notification.Audience.For(notification.FilingOperator);
        var errors = new ValidationErrors();
        for (var i = 0; i < related.Count; i++)
        {
            if (session.GetLatest(related[i]) is not { } latest || !latest.Audience.Admits(notification.FilingOperator))
            {
                errors.Add($"related_notification_ids[{i}]", $"there is no notification {related[i]}");
            }
            else if (!latest.Audience.Covers(reach))
            {
                errors.Add($"related_notification_ids[{i}]",
                    $"{related[i]} is seen by fewer organisations than this notification will be; relate only notifications its whole audience may see");
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

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
