using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Api.Services;

/// <summary>
/// Finds the values in a request that parse as protobuf but that nothing behind the wire can hold: Timestamps and
/// Durations outside their defined ranges (seconds beyond year 1 to 9999, nanos outside 0 to 999,999,999), doubles
/// and floats that are NaN or infinite, and enum numbers the contract does not define. It walks the message by its
/// descriptor, so every field of every request is covered, including fields added later, and names each bad value by
/// its wire path (maneuver.execution_window.end, phases[2].range_m). Whether a well-formed value makes sense (a
/// window in the past, an unset enum) is the domain's to say.
/// </summary>
internal static class WireValues
{
    // The range google.protobuf.Timestamp defines, which is also exactly the range of a .NET DateTime.
    private const long MinTimestampSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z
    private const long MaxTimestampSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    // The range google.protobuf.Duration defines: about 10,000 years either way.
    private const long MaxDurationSeconds = 315_576_000_000;
    private const int NanosPerSecond = 1_000_000_000;

    // Per message type, the fields that can hold such a value at any depth (numbers, enums, messages holding them):
    // strings, integers and the messages made only of them are never walked. Built once per type.
    private static readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor[]> _checkedFields = new();

    public static void Check(IMessage message, ValidationErrors errors) => CheckMessage(message, "", errors);

    private static void CheckMessage(IMessage message, string path, ValidationErrors errors)
    {
        switch (message)
        {
            case Timestamp timestamp:
                CheckTimestamp(timestamp, path, errors);
                return;
            case Duration duration:
                CheckDuration(duration, path, errors);
                return;
        }
        foreach (var field in CheckedFields(message.Descriptor))
        {
            if (field.RealContainingOneof is { } oneof && oneof.Accessor.GetCaseFieldDescriptor(message) != field)
            {
                continue;
            }
            var at = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    CheckValue(field.MessageType.FindFieldByNumber(2), entry.Value, $"{at}[{entry.Key}]", errors);
                }
            }
            else if (field.IsRepeated)
            {
                var list = (IList)value;
                for (var i = 0; i < list.Count; i++)
                {
                    CheckValue(field, list[i], $"{at}[{i}]", errors);
                }
            }
            else if (value is not null)
            {
                CheckValue(field, value, at, errors);
            }
        }
    }

    private static FieldDescriptor[] CheckedFields(MessageDescriptor type) =>
        _checkedFields.GetOrAdd(type, static type => type.Fields.InFieldNumberOrder().Where(f => MayHoldBadValue(f, [])).ToArray());

    private static bool MayHoldBadValue(FieldDescriptor field, HashSet<MessageDescriptor> path) => field.FieldType switch
    {
        FieldType.Double or FieldType.Float or FieldType.Enum => true,
        FieldType.Message => MayHoldBadValue(field.MessageType, path),
        _ => false,
    };

    /// <summary>Whether a message of <paramref name="type"/> can hold such a value, at any depth.</summary>
    /// <param name="type">The message type.</param>
    /// <param name="path">The message types being looked into: a type met again on its own path (a recursive message) adds nothing.</param>
    private static bool MayHoldBadValue(MessageDescriptor type, HashSet<MessageDescriptor> path)
    {
        if (type.ClrType == typeof(Timestamp) || type.ClrType == typeof(Duration))
        {
            return true;
        }
        if (!path.Add(type))
        {
            return false;
        }
        try
        {
            return type.Fields.InDeclarationOrder().Any(f => MayHoldBadValue(f, path));
        }
        finally
        {
            path.Remove(type);
        }
    }

    private static void CheckValue(FieldDescriptor field, object? value, string at, ValidationErrors errors)
    {
        switch (field.FieldType)
        {
            case FieldType.Double when value is double d && !double.IsFinite(d):
                errors.Add(at, $"{Text(d)} is not a finite number");
                break;
            case FieldType.Float when value is float f && !float.IsFinite(f):
                errors.Add(at, $"{Text(f)} is not a finite number");
                break;
            case FieldType.Enum when value is not null:
                var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
                if (field.EnumType.FindValueByNumber(number) is null)
                {
                    errors.Add(at, $"unknown value {number} of {field.EnumType.Name}");
                }
                break;
            case FieldType.Message when value is IMessage nested:
                CheckMessage(nested, at, errors);
                break;
        }
    }

    private static void CheckTimestamp(Timestamp timestamp, string at, ValidationErrors errors)
    {
        if (timestamp.Nanos is < 0 or >= NanosPerSecond)
        {
            errors.Add(at, $"nanos {timestamp.Nanos} is outside 0 to 999999999");
        }
        else if (timestamp.Seconds is < MinTimestampSeconds or > MaxTimestampSeconds)
        {
            errors.Add(at, $"seconds {timestamp.Seconds} is outside the range of a Timestamp (0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z)");
        }
    }

    private static void CheckDuration(Duration duration, string at, ValidationErrors errors)
    {
        if (duration.Seconds is < -MaxDurationSeconds or > MaxDurationSeconds)
        {
            errors.Add(at, $"seconds {duration.Seconds} is outside the range of a Duration (about 10,000 years either way)");
        }
        else if (duration.Nanos is <= -NanosPerSecond or >= NanosPerSecond)
        {
            errors.Add(at, $"nanos {duration.Nanos} is outside -999999999 to 999999999");
        }
        else if ((duration.Seconds < 0 && duration.Nanos > 0) || (duration.Seconds > 0 && duration.Nanos < 0))
        {
            errors.Add(at, $"seconds {duration.Seconds} and nanos {duration.Nanos} have opposite signs");
        }
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
