using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Telemetry;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Consultations.Conversations;

/// <summary>
/// A consultation's conversation on behalf of its parties: opening a stream, saying a message, moving a receipt.
/// Every change is stored first (through the log writer's group commit, with the consultation's state and the
/// caller's party-ship checked in the same transaction), then offered to this instance's streams and announced to
/// the other instances. Anyone the consultation's audience does not admit is told it does not exist.
/// </summary>
public sealed class ConversationService(
    IConsultationLog consultations,
    IConversationLog conversations,
    ILogWriter writer,
    ConversationHub hub,
    IConversationAnnouncer announcer,
    IOptions<ConversationOptions> options,
    ExchangeMetrics metrics,
    TimeProvider clock,
    ILogger<ConversationService> logger)
{
    /// <summary>
    /// Opens the caller's stream of a consultation, after <paramref name="resumeAfter"/> (from the start when null).
    /// NOT_FOUND unless the caller is a party; FAILED_PRECONDITION while the conversation has not begun; a resume
    /// position past the last message is a client's mistake (INVALID_ARGUMENT on open.resume_after_sequence).
    /// </summary>
    public async Task<ConversationStream> OpenAsync(string caller, string consultationId, long? resumeAfter, CancellationToken cancellationToken)
    {
        ConversationValidation.CheckOpen(consultationId);
        var consultation = ConsultationAccess.Admitted(await consultations.GetConsultationAsync(consultationId, cancellationToken), caller, consultationId).Consultation;
        ConversationRules.RequireReadable(consultation);
        var position = resumeAfter ?? 0;
        if (position > 0)
        {
            // Messages are never removed: a position past the last one was never sent to anyone.
            var last = (await conversations.GetSummaryAsync(consultationId, cancellationToken)).LastMessageSequence;
            if (position > last)
            {
                throw ExchangeRuleException.Invalid("open.resume_after_sequence",
                    $"is {position}, past the conversation's last message ({last}); resume after the last sequence you received");
            }
        }
        return hub.Join(consultationId, caller, position);
    }

    /// <summary>
    /// Stores a message from the caller and relays it. A client message id the caller used before returns the message
    /// stored then (also once the conversation is read-only), and stores nothing; with a different message it is refused.
    /// </summary>
    public async Task<PostedMessage> SayAsync(string caller, string consultationId, ConversationSay say, CancellationToken cancellationToken)
    {
        using var activity = ExchangeMetrics.ActivitySource.StartActivity("conversation message");
        activity?.SetTag("nx.consultation_id", consultationId);
        var sentAt = clock.GetUtcNow().UtcDateTime;
        var posted = await writer.WriteAsync(session =>
        {
            var consultation = ConsultationAccess.Admitted(session.GetConsultation(consultationId), caller, consultationId).Consultation;
            if (session.FindMessage(consultationId, caller, say.ClientMessageId) is { } earlier)
            {
                return earlier.SaysTheSameAs(say)
                    ? new PostedMessage(earlier, Replayed: true)
                    : throw ExchangeRuleException.Invalid("say.client_message_id",
                        $"{Quoted.Value(say.ClientMessageId)} is the id of another message you sent (sequence {earlier.Sequence}); give each message an id of its own");
            }
            ConversationRules.RequireConversing(consultation);
            ConversationRules.RequireParticipant(consultation, caller);
            var message = new ConversationMessage(
                consultationId, session.LastMessageSequence(consultationId) + 1, caller, say.ClientMessageId, sentAt, say.Text, say.Attachments);
            session.AppendMessage(message);
            return new PostedMessage(message, Replayed: false);
        }, cancellationToken);
        activity?.SetTag("nx.message_sequence", posted.Message.Sequence);
        activity?.SetTag("nx.replayed", posted.Replayed);
        if (!posted.Replayed)
        {
            metrics.ConversationMessageStored();
            hub.Posted(posted.Message);
            _ = AnnounceAsync(posted.Message.ConsultationId, token => announcer.MessagePostedAsync(posted.Message, token));
        }
        return posted;
    }

    /// <summary>
    /// Moves the caller's receipt forward (never back) and relays it to the other parties. Positions past the
    /// conversation's last message are refused by field; a consultation no longer OPEN or CLOSING takes no receipts.
    /// </summary>
    public async Task<ConversationReceipt> MoveReceiptAsync(
        string caller, string consultationId, ulong deliveredThrough, ulong readThrough, CancellationToken cancellationToken)
    {
        var delivered = (long)Math.Min(deliveredThrough, long.MaxValue);
        var read = (long)Math.Min(readThrough, long.MaxValue);
        var at = clock.GetUtcNow().UtcDateTime;
        var stored = await writer.WriteAsync(session =>
        {
            ConversationRules.RequireConversing(ConsultationAccess.Admitted(session.GetConsultation(consultationId), caller, consultationId).Consultation);
            var last = session.LastMessageSequence(consultationId);
            var errors = new ValidationErrors();
            if (delivered > last)
            {
                errors.Add("receipt.delivered_through", $"is {delivered}, past the conversation's last message ({last})");
            }
            if (read > last)
            {
                errors.Add("receipt.read_through", $"is {read}, past the conversation's last message ({last})");
            }
            errors.ThrowIfAny();
            return session.MoveReceipt(new ConversationReceipt(consultationId, caller, delivered, read, at));
        }, cancellationToken);
        hub.ReceiptMoved(stored);
        _ = AnnounceAsync(consultationId, token => announcer.ReceiptMovedAsync(stored, token));
        return stored;
    }

    /// <summary>
    /// Announces; callers do not wait for it, since their answer depends only on the store. It never throws: an
    /// announcement that fails or times out is made up for by the next one, or by the hubs' periodic look at the store.
    /// </summary>
    private async Task AnnounceAsync(string consultationId, Func<CancellationToken, Task> announce)
    {
        try
        {
            using var timeout = new CancellationTokenSource(options.Value.AnnounceTimeout, clock);
            await announce(timeout.Token);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not announce a change to the conversation of {ConsultationId}; the other instances' periodic check will find it", consultationId);
        }
    }
}
