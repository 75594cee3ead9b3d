using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Consultations.Conversation;

/// <summary>
/// Who may take part in a consultation's conversation, and when. Only the parties may (<see cref="ConsultationAccess"/>,
/// the one audience check, comes first): to anyone else the consultation does not exist. Messages and receipts need an OPEN or CLOSING
/// consultation; reading the conversation is allowed once it has begun, also after the consultation ended (then it is
/// read-only).
/// </summary>
public static class ConversationRules
{
    /// <summary>Messages and receipts: the consultation is OPEN or CLOSING; else FAILED_PRECONDITION naming its state.</summary>
    public static void RequireConversing(Consultation consultation)
    {
        switch (consultation.State)
        {
            case ConsultationState.Open or ConsultationState.Closing:
                return;
            case ConsultationState.Requested:
                throw NotNow(consultation, "its parties converse once a counterpart has accepted");
            default:
                throw NotNow(consultation, "its conversation is read-only");
        }
    }

    /// <summary>
    /// Saying something: the requester, or a counterpart that accepted (a participant). A counterpart that has not
    /// accepted, or declined, may read the conversation but not speak in it: FAILED_PRECONDITION naming where it stands.
    /// </summary>
    public static void RequireParticipant(Consultation consultation, string caller)
    {
        if (!consultation.Participants.Contains(caller))
        {
            var state = consultation.CounterpartOf(caller)?.State ?? CounterpartState.Unspecified;
            throw new ExchangeRuleException(RuleViolationKind.FailedPrecondition,
                $"{caller} is {WireNames.Of(state)} in consultation {consultation.Id}: only the requester and counterparts that accepted speak in its conversation");
        }
    }

    /// <summary>
    /// Reading the conversation: it has begun (the consultation was opened) or ended; a consultation still REQUESTED, or
    /// DECLINED by every counterpart, never had one: FAILED_PRECONDITION naming its state.
    /// </summary>
    public static void RequireReadable(Consultation consultation)
    {
        switch (consultation.State)
        {
            case ConsultationState.Requested:
                throw NotNow(consultation, "its parties converse once a counterpart has accepted");
            case ConsultationState.Declined:
                throw NotNow(consultation, "every counterpart declined, so it has no conversation");
        }
    }

    private static ExchangeRuleException NotNow(Consultation consultation, string why) =>
        new(RuleViolationKind.FailedPrecondition, $"consultation {consultation.Id} is {WireNames.Of(consultation.State)}: {why}");
}
