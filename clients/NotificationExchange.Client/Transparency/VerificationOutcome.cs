namespace NotificationExchange.Client.Transparency;

public enum VerificationOutcome
{
    /// <summary>The check holds.</summary>
    Verified,

    /// <summary>The check does not hold: the exchange served something other than what its log committed to, or its
    /// log was altered or forked. The check says what does not match.</summary>
    Failed,
}
