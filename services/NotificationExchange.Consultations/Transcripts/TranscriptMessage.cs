namespace NotificationExchange.Consultations.Transcripts;

/// <summary>
/// One conversation message as the transcript records it: who said what, when, under which sequence, and the
/// attachments by digest (their content is kept apart; the digest is what the record vouches for).
/// </summary>
public sealed record TranscriptMessage(
    long Sequence,
    string FromOrganization,
    string ClientMessageId,
    DateTime SentAt,
    string Text,
    IReadOnlyList<TranscriptAttachment> Attachments);
