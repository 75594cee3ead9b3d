using Google.Protobuf;
using Google.Protobuf.Reflection;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Api.Services;

/// <summary>
/// Names the string fields of a request that hold U+0000, by wire path. No field of the exchange accepts it (free text
/// refuses control characters, ids and codes have formats of their own), and PostgreSQL cannot store it in text at all:
/// left to the store, an id holding it was answered UNAVAILABLE (the audit could not record it) or INTERNAL (a lookup
/// failed), a client's mistake blamed on the exchange. Checked once, before anything reads the request.
/// </summary>
internal static class NulCharacterFields
{
    private const string Description = "contains a NUL character (U+0000), which no field accepts";

    /// <summary>Throws INVALID_ARGUMENT naming every string field of <paramref name="request"/> that holds U+0000.</summary>
    public static void Refuse(object? request)
    {
        if (request is not IMessage message)
        {
            return;
        }
        var violations = new List<FieldViolation>();
        Walk(message, "", violations, 0);
        // the summary names the first field, as every other refusal's does
        new ValidationErrors(violations).ThrowIfAny();
    }

    private static void Walk(IMessage message, string path, List<FieldViolation> violations, int depth)
    {
        // the parser refuses messages nested deeper than 100
        if (depth > 100)
        {
            return;
        }
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType is not (FieldType.String or FieldType.Message))
            {
                continue;
            }
            var at = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            if (field.IsMap)
            {
                continue;
            }
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated)
            {
                var index = 0;
                foreach (var element in (System.Collections.IEnumerable)value)
                {
                    Check(element, $"{at}[{index++}]", violations, depth);
                }
            }
            else
            {
                // an unset message field reads as null, and is passed over
                Check(value, at, violations, depth);
            }
        }
    }

    private static void Check(object? value, string at, List<FieldViolation> violations, int depth)
    {
        switch (value)
        {
            case string text when text.Contains('\0'):
                violations.Add(new FieldViolation(at, Description));
                break;
            case IMessage nested:
                Walk(nested, at, violations, depth + 1);
                break;
        }
    }
}
