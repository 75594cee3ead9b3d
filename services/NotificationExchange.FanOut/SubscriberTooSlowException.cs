namespace NotificationExchange.FanOut;

/// <summary>The subscriber fell further behind than its stream's buffer allows.</summary>
public sealed class SubscriberTooSlowException(int capacity)
    : StreamEndedException($"the subscriber did not keep up: more than {capacity} events were waiting for it");
