using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Domain.Consultations;

/// <summary>
/// The exchange's own transition of a consultation: a counterpart that has not acknowledged by the deadline is
/// escalated. Apart from <see cref="ConsultationLifecycle"/> because it is no party's command (no request id, no
/// actor, no transcript) and needs nothing but the <see cref="DeadlineClock"/>.
/// </summary>
public sealed class ConsultationEscalation(DeadlineClock clock)
{
    /// <summary>
    /// Escalates every counterpart of the consultation that has not acknowledged by its deadline and has not been
    /// escalated yet, one event each, naming <paramref name="escalationContacts"/> of the counterpart; none when the
    /// deadline has not passed on the deadline clock, or the consultation is final or gone. Runs in the write and reads
    /// the consultation there, under the store's write lock: two instances escalating the same deadline escalate it
    /// once, as the second finds it done.
    /// </summary>
    public IReadOnlyList<ConsultationRecorded> Escalate(
        ILogWriteSession session, string consultationId, Func<string, IReadOnlyList<ContactPoint>> escalationContacts)
    {
        var now = clock.UtcNow;
        var escalated = new List<ConsultationRecorded>();
        var current = ConsultationAccess.Readable(session.GetConsultation(consultationId))?.Consultation;
        while (current is { PendingDeadline: { } deadline } && deadline <= now
            && current.Counterparts.FirstOrDefault(c => c.AwaitsAcknowledgement && c.EscalatedAt is null) is { } late)
        {
            var next = ConsultationLifecycle.Next(session, current, now) with
            {
                Counterparts = ConsultationLifecycle.Replace(current, late with { EscalatedAt = now }),
            };
            var recorded = new ConsultationRecorded(next.Sequence, ConsultationEventType.Escalated, now,
                new ConsultationChange(next, null, escalationContacts(late.OrganizationId), EscalatedOrganization: late.OrganizationId));
            session.Append(recorded);
            escalated.Add(recorded);
            current = next;
        }
        return escalated;
    }

    /// <summary>
    /// Who an escalation names for an organisation: its BACKUP and OPERATIONS_24_7 contact points, in role order, or
    /// its PRIMARY when it has neither (none when it has no contact points, or is not in the directory).
    /// </summary>
    public static IReadOnlyList<ContactPoint> ContactsFor(OrganizationProfile? profile)
    {
        var contacts = profile?.Contacts ?? [];
        // Public forms only: the event goes to every party, and webhook URLs are their organisation's own.
        var desks = contacts.Where(c => c.Role is ContactRole.Backup or ContactRole.Operations247).OrderBy(c => c.Role).Select(c => c.Public()).ToArray();
        return desks.Length > 0 ? desks : contacts.Where(c => c.Role == ContactRole.Primary).Select(c => c.Public()).ToArray();
    }
}
