using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Consultations.Transcripts;

/// <summary>
/// ExportTranscript: a consultation's transcript for one of its parties (to anyone else it does not exist: NOT_FOUND
/// through <see cref="ConsultationReader"/>'s audience check). For a closed consultation its digest is the one the
/// closing event carries.
/// </summary>
public sealed class TranscriptExporter(ConsultationReader reader, IConversationLog conversations)
{
    public async Task<Transcript> ExportAsync(string readerId, string consultationId, CancellationToken cancellationToken)
    {
        var (latest, history) = await reader.GetAsync(readerId, consultationId, cancellationToken);
        // The two reads are not one snapshot: a change committed between them is left for the next export, so that the
        // transcript describes exactly the version it was built from.
        var upToLatest = history.Where(e => e.Sequence <= latest.Sequence);
        var consultation = latest.Consultation;
        return TranscriptBuilder.Build(consultation, consultation.State, upToLatest, await ConversationAsync(consultationId, cancellationToken));
    }

    /// <summary>
    /// The conversation to record, as the store holds it; <see cref="TranscriptDigester"/> reads the same in the closing
    /// write. Once closed a conversation takes no message or receipt, so the export of a closed consultation records
    /// exactly what its closing digest covers.
    /// </summary>
    private async Task<TranscriptConversation> ConversationAsync(string consultationId, CancellationToken cancellationToken) =>
        TranscriptConversation.Of(
            await conversations.ReadMessagesAfterAsync(consultationId, 0, int.MaxValue, cancellationToken),
            (await conversations.GetSummaryAsync(consultationId, cancellationToken)).Receipts);
}
