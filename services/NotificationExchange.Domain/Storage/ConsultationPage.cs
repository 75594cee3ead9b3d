using NotificationExchange.Domain.Consultations;

namespace NotificationExchange.Domain.Storage;

/// <summary>A page of consultations; <see cref="NextBeforeFirstSequence"/> is null on the last page.</summary>
public sealed record ConsultationPage(IReadOnlyList<Consultation> Consultations, long? NextBeforeFirstSequence);
