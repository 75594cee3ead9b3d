using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Storage;

/// <summary>
/// The consultations' part of the log, read side. These reads know nothing of who asks: callers check the audience
/// (<see cref="Audiences.EventAudience.Admits"/>) of what they get before they show it, and treat what it does not
/// admit as absent.
/// </summary>
public interface IConsultationLog
{
    /// <summary>
    /// The latest entry (an <see cref="UnreadableConsultationEvent"/> when it cannot be read back); null when there is
    /// none. Callers go through <see cref="ConsultationAccess"/>, which checks the audience before readability.
    /// </summary>
    Task<LogEntry?> GetConsultationAsync(string consultationId, CancellationToken cancellationToken);

    /// <summary>Every event of a consultation, oldest first (unreadable ones as such); empty when there is none.</summary>
    Task<IReadOnlyList<LogEntry>> GetConsultationHistoryAsync(string consultationId, CancellationToken cancellationToken);

    /// <summary>The latest versions of the consultations an organisation is a party of, newest request first.</summary>
    Task<ConsultationPage> ListConsultationsAsync(ConsultationQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Consultations whose acknowledgement deadline is pending and at or before <paramref name="dueBy"/>, earliest
    /// first, with the earliest pending deadline after them (null when there is none).
    /// </summary>
    Task<DueDeadlines> GetDueDeadlinesAsync(DateTime dueBy, int maxCount, CancellationToken cancellationToken);
}
