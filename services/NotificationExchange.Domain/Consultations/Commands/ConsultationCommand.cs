namespace NotificationExchange.Domain.Consultations.Commands;

/// <summary>
/// A change to a consultation asked for by an organisation, carrying the client's request id: a retry with the same id
/// and the same command gets the first answer (<see cref="ConsultationLifecycle"/> remembers it in the write).
/// Commands are checked as a whole by <see cref="ConsultationCommandValidation"/> before they reach the write.
/// </summary>
public abstract record ConsultationCommand(string RequestId, string OrganizationId)
{
    /// <summary>The consultation the command changes; null for a new request.</summary>
    public abstract string? ConsultationId { get; }
}
