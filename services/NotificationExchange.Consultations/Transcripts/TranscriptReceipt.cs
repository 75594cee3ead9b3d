namespace NotificationExchange.Consultations.Transcripts;

/// <summary>Where one party had got to in the conversation: delivered and read through these sequences, as of <see cref="UpdatedAt"/>.</summary>
public sealed record TranscriptReceipt(string OrganizationId, long DeliveredThrough, long ReadThrough, DateTime UpdatedAt);
