using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Domain.Consultations;

/// <summary>
/// Computes, inside the write that closes a consultation, the SHA-256 of its canonical transcript as it stands at
/// closing (everything up to the last confirmation, the messages and receipts, and the outcome): the closing event
/// carries it, and ExportTranscript of the closed consultation gives the same bytes.
/// </summary>
public interface ITranscriptDigester
{
    string DigestAtClosing(ILogWriteSession session, Consultation closing);
}
