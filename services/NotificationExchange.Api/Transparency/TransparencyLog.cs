using NotificationExchange.Domain.Validation;
using NotificationExchange.Transparency.Heads;

namespace NotificationExchange.Api.Transparency;

/// <summary>The transparency log as this instance runs it: its signing key and the name it signs under, or switched off.</summary>
internal sealed class TransparencyLog
{
    private readonly LogSigningKey? _key;

    private TransparencyLog(LogSigningKey? key, string origin)
    {
        _key = key;
        Origin = origin;
    }

    public static TransparencyLog On(LogSigningKey key, string origin) => new(key, origin);

    public static TransparencyLog Off { get; } = new(null, "");

    public bool Enabled => _key is not null;

    public string Origin { get; }

    /// <summary>The signing key; FAILED_PRECONDITION when the log is switched off.</summary>
    public LogSigningKey Key => _key
        ?? throw new ExchangeRuleException(RuleViolationKind.FailedPrecondition, "the transparency log is switched off");
}
