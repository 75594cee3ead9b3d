using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Consultations.Transcripts;

/// <summary>
/// The digest the closing event carries: the transcript of the consultation as it stands inside the write that closes
/// it, read through that write's session (so nothing committed later, and nothing uncommitted of others, is in it).
/// ExportTranscript of the closed consultation builds the same transcript from the same parts, so gives the same digest.
/// </summary>
public sealed class TranscriptDigester : ITranscriptDigester
{
    public string DigestAtClosing(ILogWriteSession session, Consultation closing) =>
        TranscriptBuilder.Build(closing, ConsultationState.Closed, session.GetConsultationHistory(closing.Id), Conversation(session, closing.Id)).Sha256;

    /// <summary>
    /// The conversation to record, as the closing write sees it: every message and receipt committed before it, and
    /// those of the same group commit written before it (one written after it finds the consultation CLOSED and is
    /// refused). <see cref="TranscriptExporter"/> reads the same from the store.
    /// </summary>
    private static TranscriptConversation Conversation(ILogWriteSession session, string consultationId) =>
        TranscriptConversation.Of(session.GetMessages(consultationId), session.GetReceipts(consultationId));
}
