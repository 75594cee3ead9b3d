using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// Stands in for the transcript digester until the transcript work registers the real one, so that hosts can build
/// <see cref="ConsultationLifecycle"/>; registered with TryAdd, so the real one wins once it exists. Only closing a
/// consultation calls it, and it refuses: no test here may pass on a digest that was never computed.
/// </summary>
internal sealed class TranscriptsNotInThisBranch : ITranscriptDigester
{
    public string DigestAtClosing(ILogWriteSession session, Consultation closing) =>
        throw new NotSupportedException("transcript digests are not registered in this build; closing a consultation is not part of these tests");
}
