namespace NotificationExchange.Consultations.Transcripts;

/// <summary>
/// ExportTranscript: a consultation's transcript for one of its parties (to anyone else it does not exist: NOT_FOUND
/// through <see cref="ConsultationReader"/>'s audience check). For a closed consultation its digest is the one the
/// closing event carries.
/// </summary>
public sealed class TranscriptExporter(ConsultationReader reader)
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
    /// The conversation to record. Hook: until the conversation's store lands (branch i9-converse), a consultation has
    /// no messages or receipts; wire its reads here and the matching session reads in <see cref="TranscriptDigester"/>,
    /// together, or the two digests part.
    /// </summary>
    private static Task<TranscriptConversation> ConversationAsync(string consultationId, CancellationToken cancellationToken)
    {
        _ = (consultationId, cancellationToken);
        return Task.FromResult(TranscriptConversation.Empty);
    }
}
