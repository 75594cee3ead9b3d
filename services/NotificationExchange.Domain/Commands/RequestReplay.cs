using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Commands;

/// <summary>
/// How a request reusing a request id is answered: the same request gets the first answer again, whatever has changed
/// since (a window now past, a notification now cancelled); another request is refused on request_id, naming what
/// differs. Asked when the rules refuse a request (a retry must not be refused by rules it once passed) and in the
/// write (where a request the rules accept meets it, and two first attempts racing each other are settled).
/// </summary>
public static class RequestReplay
{
    public static FilingOutcome Answer(FilingCommand command, byte[] fingerprint, RememberedRequest remembered)
    {
        var first = remembered.First;
        if (!remembered.Fingerprint.AsSpan().SequenceEqual(fingerprint))
        {
            var differences = RequestDifferences.Between(command, first);
            var where = differences.Count == 0 ? "" : $"; it differs in {string.Join("; ", differences)}";
            throw ExchangeRuleException.Invalid("request_id",
                $"{Quoted.Value(command.RequestId)} was already used for a different request (it produced {first.Notification.Id} version {first.Notification.Version}){where}. "
                + "A retry must repeat the first request exactly (resend the message you built, do not rebuild it); a new request needs a new request id");
        }
        return new FilingOutcome(first, Replayed: true);
    }
}
