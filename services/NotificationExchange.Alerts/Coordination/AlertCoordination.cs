using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Alerts.Commands;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Alerts.Coordination;

/// <summary>
/// Operators' answers to alerts: an acknowledgement with a declared intent (repeatable, to change it), idempotent by
/// request id as every change is, each a new version of the alert in the log for every party's stream. A conflict of
/// intents it brings about is an INTENT_CONFLICT event in the same write, so that both sides learn of it at once.
/// </summary>
/// <remarks>
/// Only an operator of one of the alert's objects may acknowledge. The alert is read and its audience checked before
/// the write (parties never leave an alert, so what that read admits, the write would too): to a non-party the alert
/// does not exist (NOT_FOUND), even unreadable; a party that operates neither object (the triggering notification's
/// filer) is refused with PERMISSION_DENIED. Times are the <see cref="DeadlineClock"/>'s, the clock the deadlines the
/// acknowledgement stops are judged on.
/// </remarks>
public sealed class AlertCoordination(ILogWriter writer, IAlertStore store, IEventRenderer renderer, DeadlineClock clock)
{
    public async Task<AlertOutcome> AcknowledgeAsync(AcknowledgeAlertCommand command, IEnumerable<FieldViolation> prior, CancellationToken cancellationToken)
    {
        AcknowledgeAlertValidation.Validate(command, prior);
        AlertAccess.Admitted(await store.GetAlertAsync(command.AlertId, cancellationToken), command.OperatorId, command.AlertId);
        var fingerprint = NotificationJson.Fingerprint(command);
        var (recorded, replayOf) = await writer.WriteAsync(session => Acknowledge(session, command, fingerprint), cancellationToken);
        if (replayOf is not { } version)
        {
            return new AlertOutcome(recorded[^1], recorded);
        }
        // A retry: the answer is the version the first call made, read back from the alert's history.
        var history = await store.GetAlertHistoryAsync(command.AlertId, cancellationToken);
        var first = history.OfType<AlertRecorded>().FirstOrDefault(e => e.Alert.Version == version)
            ?? throw new ExchangeRuleException(RuleViolationKind.DataLoss, $"{command.AlertId} version {version}, which request {command.RequestId} made, cannot be read back");
        return new AlertOutcome(first, []);
    }

    /// <summary>In the write: the acknowledgement's events, or the version a retry's first call made.</summary>
    private (IReadOnlyList<AlertRecorded> Recorded, int? ReplayOf) Acknowledge(ILogWriteSession session, AcknowledgeAlertCommand command, byte[] fingerprint)
    {
        if (session.FindRequest(command.OperatorId, command.RequestId) is { } record)
        {
            if (record.NotificationId != command.AlertId || !record.Fingerprint.AsSpan().SequenceEqual(fingerprint))
            {
                throw ExchangeRuleException.Invalid("request_id",
                    $"was already used for another request ({record.NotificationId} version {record.Version}); choose a new request id for a new request");
            }
            return ([], record.Version);
        }
        var alert = session.GetAlert(command.AlertId) ?? throw ExchangeRuleException.NotFound($"alert {command.AlertId}");
        var now = clock.UtcNow;
        var answering = Answering(alert, command);
        if (alert.State != AlertState.Open)
        {
            throw new ExchangeRuleException(RuleViolationKind.FailedPrecondition,
                $"alert {alert.Id} is {WireNames.Of(alert.State)}; only an OPEN alert can be acknowledged");
        }
        if (alert.Tca <= now)
        {
            throw new ExchangeRuleException(RuleViolationKind.FailedPrecondition,
                $"alert {alert.Id}: its time of closest approach ({alert.Tca:yyyy-MM-dd'T'HH:mm:ss'Z'}) has passed; it is about to close");
        }
        var response = (answering.Response ?? new AlertResponse(AcknowledgementDeadline.For(alert.RaisedAt, alert.Tca))) with
        {
            AcknowledgedAt = now,
            Intent = command.Intent,
            Note = command.Note,
        };
        var answered = answering == alert.Primary ? alert with { Primary = answering with { Response = response } } : alert with { Secondary = answering with { Response = response } };
        var acknowledged = answered with { Version = alert.Version + 1, UpdatedAt = now, IntentConflict = IntentConflicts.Of(answered) };
        var recorded = new List<AlertRecorded> { Append(session, AlertEventType.Acknowledged, now, acknowledged, command.OperatorId) };
        if (acknowledged.IntentConflict != IntentConflict.None && acknowledged.IntentConflict != alert.IntentConflict)
        {
            // A new conflict is an event of its own, so that a subscriber can act on the conflict without diffing versions.
            recorded.Add(Append(session, AlertEventType.IntentConflict, now, acknowledged with { Version = acknowledged.Version + 1 }, command.OperatorId));
        }
        session.RecordRequest(new IdempotencyRecord(command.OperatorId, command.RequestId, fingerprint, alert.Id, recorded[^1].Alert.Version));
        return (recorded, null);
    }

    /// <summary>Which of the alert's objects the caller answers for; refuses a caller that operates neither, or an ambiguous or foreign choice.</summary>
    private static AlertObject Answering(Alert alert, AcknowledgeAlertCommand command)
    {
        var own = alert.ObjectsOf(command.OperatorId).ToArray();
        if (own.Length == 0)
        {
            throw new ExchangeRuleException(RuleViolationKind.PermissionDenied,
                $"only the operators of alert {alert.Id}'s objects ({Operators(alert)}) can acknowledge it; {command.OperatorId} operates neither");
        }
        if (command.NoradCatId == 0)
        {
            return own.Length == 1
                ? own[0]
                : throw ExchangeRuleException.Invalid("norad_cat_id",
                    $"is required: both objects of {alert.Id} ({own[0].Object.NoradCatId} and {own[1].Object.NoradCatId}) are {command.OperatorId}'s; say which one you answer for");
        }
        if (own.FirstOrDefault(o => o.Object.NoradCatId == command.NoradCatId) is { } chosen)
        {
            return chosen;
        }
        throw new[] { alert.Primary, alert.Secondary }.Any(o => o.Object.NoradCatId == command.NoradCatId)
            ? new ExchangeRuleException(RuleViolationKind.PermissionDenied, $"object {command.NoradCatId} of {alert.Id} is not operated by {command.OperatorId}")
            : ExchangeRuleException.Invalid("norad_cat_id",
                $"{command.NoradCatId} is not an object of {alert.Id} ({alert.Primary.Object.NoradCatId} and {alert.Secondary.Object.NoradCatId})");
    }

    private static string Operators(Alert alert) =>
        string.Join(" and ", new[] { alert.Primary.OperatorId, alert.Secondary.OperatorId }.OfType<string>().Distinct()) is { Length: > 0 } names ? names : "none";

    /// <summary>One event of the alert, rendered for readers before the commit as every event is.</summary>
    private AlertRecorded Append(ILogWriteSession session, AlertEventType type, DateTime now, Alert alert, string? actor)
    {
        var recorded = new AlertRecorded(session.NextSequence, type, now, new AlertChange(alert, actor));
        renderer.RenderForReaders(recorded, "request_id");
        session.Append(recorded);
        return recorded;
    }
}
