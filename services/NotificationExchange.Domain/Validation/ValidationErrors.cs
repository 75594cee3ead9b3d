namespace NotificationExchange.Domain.Validation;

/// <summary>Collects every violation in a request, so that the sender learns of all of them at once.</summary>
public sealed class ValidationErrors
{
    private readonly List<FieldViolation> _violations = [];
    private readonly HashSet<string> _priorFields;

    public ValidationErrors()
        : this([])
    {
    }

    /// <summary>
    /// Starts from violations found before (a value the wire carried that nothing can hold). The checks that follow see
    /// such a field as missing or odd; what they would say of it adds nothing, and is left out.
    /// </summary>
    public ValidationErrors(IEnumerable<FieldViolation> prior)
    {
        _violations.AddRange(prior);
        _priorFields = _violations.Select(v => v.Field).ToHashSet();
    }

    public IReadOnlyList<FieldViolation> Violations => _violations;
    public bool Any => _violations.Count > 0;

    public void Add(string field, string description)
    {
        if (!_priorFields.Contains(field))
        {
            _violations.Add(new FieldViolation(field, description));
        }
    }

    public void ThrowIfAny()
    {
        if (_violations.Count == 0)
        {
            return;
        }
        var summary = _violations.Count == 1
            ? $"{_violations[0].Field}: {_violations[0].Description}"
            : $"{_violations.Count} invalid fields, first {_violations[0].Field}: {_violations[0].Description}";
        throw new ExchangeRuleException(RuleViolationKind.InvalidArgument, summary, _violations.ToArray());
    }

    /// <summary>Requires a text: present (not blank), at most <paramref name="maxLength"/> characters, no control characters.</summary>
    public void RequiredText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return;
        }
        OptionalText(field, value, maxLength);
    }

    public void OptionalText(string field, string? value, int maxLength, bool allowLineBreaks = true)
    {
        if (value is null)
        {
            return;
        }
        if (value.Length > maxLength)
        {
            Add(field, $"is {value.Length} characters long; at most {maxLength} allowed");
        }
        else if (value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t')))
        {
            Add(field, "contains control characters");
        }
    }

    public void Finite(string field, double value)
    {
        if (!double.IsFinite(value))
        {
            Add(field, $"{value} is not a finite number");
        }
    }

    public void InRange(string field, double value, double min, double max, string unit)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            Add(field, $"{value} {unit} is outside {min} to {max} {unit}");
        }
    }

    public void KnownEnum<TEnum>(string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            Add(field, "is required");
        }
        else if (!Enum.IsDefined(value))
        {
            Add(field, $"unknown value {Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }
}
