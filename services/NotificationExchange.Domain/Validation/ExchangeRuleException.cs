namespace NotificationExchange.Domain.Validation;

/// <summary>Why the exchange refused a request, independent of how the request arrived.</summary>
public enum RuleViolationKind
{
    /// <summary>The request itself is malformed; <see cref="ExchangeRuleException.Violations"/> names each bad field.</summary>
    InvalidArgument,
    NotFound,
    PermissionDenied,

    /// <summary>The request is valid but the object's state does not allow it (for example amending a cancelled notice).</summary>
    FailedPrecondition,

    /// <summary>A concurrent change won (for example a stale expected version).</summary>
    Aborted,
    AlreadyExists,

    /// <summary>What was asked for is in the store but cannot be read back (see <see cref="Notifications.UnreadableEvent"/>).</summary>
    DataLoss,
}

public sealed class ExchangeRuleException(RuleViolationKind kind, string message, IReadOnlyList<FieldViolation>? violations = null)
    : Exception(message)
{
    public RuleViolationKind Kind { get; } = kind;
    public IReadOnlyList<FieldViolation> Violations { get; } = violations ?? [];

    public static ExchangeRuleException Invalid(string field, string description) =>
        new(RuleViolationKind.InvalidArgument, $"{field}: {description}", [new FieldViolation(field, description)]);

    public static ExchangeRuleException NotFound(string what) => new(RuleViolationKind.NotFound, $"{what} not found");

    public static ExchangeRuleException Unreadable(Notifications.LogEntry entry) => new(RuleViolationKind.DataLoss, entry.ToString());
}
