namespace NotificationExchange.Domain.Consultations.Commands;

/// <summary>What a command made: the event it recorded, or for a retry the one its first attempt recorded.</summary>
public sealed record ConsultationOutcome(ConsultationRecorded Event, bool Replayed);
