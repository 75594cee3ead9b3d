using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Alerts.Coordination;

/// <summary>
/// The exchange's own transitions of an open alert as time passes: an operator that has not acknowledged by its
/// deadline is ESCALATED (one event each, naming whom to call instead), and an alert whose TCA has passed is CLOSED.
/// Runs in the write and reads the alert there, under the store's write lock: two instances handling the same deadline
/// handle it once, as the second finds it done.
/// </summary>
public sealed class AlertEscalation(DeadlineClock clock)
{
    /// <summary>
    /// What is due of the alert at the deadline clock's time; none when nothing is (or the alert is no longer open).
    /// Past its TCA an alert only closes: an escalation then would ask for an answer that can no longer matter.
    /// </summary>
    public IReadOnlyList<AlertRecorded> Advance(ILogWriteSession session, string alertId, Func<string, IReadOnlyList<ContactPoint>> escalationContacts)
    {
        var now = clock.UtcNow;
        var recorded = new List<AlertRecorded>();
        var current = session.GetAlert(alertId);
        if (current is not { State: AlertState.Open })
        {
            return recorded;
        }
        if (current.Tca <= now)
        {
            var closed = current with { Version = current.Version + 1, State = AlertState.Closed, UpdatedAt = now };
            // An intent conflict of an open alert may end with it (neither maneuvering no longer matters once TCA passed).
            closed = closed with { IntentConflict = IntentConflicts.Of(closed) };
            recorded.Add(Append(session, AlertEventType.Closed, now, new AlertChange(closed, null)));
            return recorded;
        }
        foreach (var side in new[] { Side.Primary, Side.Secondary })
        {
            var obj = side == Side.Primary ? current.Primary : current.Secondary;
            if (obj is { OperatorId: { } operatorId, Response: { AcknowledgedAt: null, EscalatedAt: null } response } && response.AcknowledgeBy <= now)
            {
                var escalatedObject = obj with { Response = response with { EscalatedAt = now } };
                var next = (side == Side.Primary ? current with { Primary = escalatedObject } : current with { Secondary = escalatedObject })
                    with { Version = current.Version + 1, UpdatedAt = now };
                recorded.Add(Append(session, AlertEventType.Escalated, now, new AlertChange(next, null, operatorId, escalationContacts(operatorId))));
                current = next;
            }
        }
        return recorded;
    }

    private static AlertRecorded Append(ILogWriteSession session, AlertEventType type, DateTime now, AlertChange change)
    {
        var recorded = new AlertRecorded(session.NextSequence, type, now, change);
        session.Append(recorded);
        return recorded;
    }

    private enum Side
    {
        Primary,
        Secondary,
    }
}
