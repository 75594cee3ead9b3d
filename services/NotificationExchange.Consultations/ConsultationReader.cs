using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Consultations;

/// <summary>
/// Reads consultations for an organisation. Everything it returns has passed the audience check: a consultation the
/// reader is not a party of is NOT_FOUND in exactly the words of one that never existed.
/// </summary>
public sealed class ConsultationReader(IConsultationLog log)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>The latest version and every event so far, oldest first.</summary>
    public async Task<(ConsultationRecorded Latest, IReadOnlyList<LogEntry> History)> GetAsync(string readerId, string consultationId, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        ConsultationIds.Validate("consultation_id", consultationId, errors);
        errors.ThrowIfAny();
        var latest = ConsultationAccess.Admitted(await log.GetConsultationAsync(consultationId, cancellationToken), readerId, consultationId);
        var history = await log.GetConsultationHistoryAsync(consultationId, cancellationToken);
        return (latest, history.Where(e => e.Audience.Admits(readerId)).ToArray());
    }

    public async Task<ConsultationPage> ListAsync(ConsultationQuery query, CancellationToken cancellationToken)
    {
        var page = await log.ListConsultationsAsync(query, cancellationToken);
        return page with { Consultations = page.Consultations.Where(c => c.Audience.Admits(query.PartyId)).ToArray() };
    }
}
