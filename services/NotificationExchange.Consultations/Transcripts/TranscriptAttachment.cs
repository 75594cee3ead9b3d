namespace NotificationExchange.Consultations.Transcripts;

/// <summary>An attachment of a conversation message, as the transcript names it: media type, SHA-256 (hex) and size of its content.</summary>
public sealed record TranscriptAttachment(string MediaType, string Sha256, long SizeBytes);
