using NotificationExchange.Domain.Consultations;

namespace NotificationExchange.Domain.Storage;

/// <summary>A party's consultations, newest request first; an empty list of states matches any.</summary>
public sealed record ConsultationQuery(string PartyId, IReadOnlyList<ConsultationState> States, int PageSize, long? BeforeFirstSequence);
