using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Filing.Requests;

/// <summary>
/// A change as a request asks for it, unchecked: the values the wire carried, mapped field by field with nothing
/// inferred (an absent field is null, an enum keeps its number). <see cref="FilingCommandBuilder"/> checks it and makes
/// the command.
/// </summary>
public abstract record FilingDraft(string OperatorId, string RequestId)
{
    /// <summary>
    /// Violations found before (values the wire carried that nothing can hold), refused together with whatever else
    /// is wrong with the request.
    /// </summary>
    public IReadOnlyList<FieldViolation> Prior { get; init; } = [];
}
