using System.Buffers;
using System.Text.Unicode;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Api.Services;

/// <summary>
/// Names the string fields of a request's bytes that are not UTF-8, by wire path (counterparts[1], actions[0].action).
/// A protobuf string must be UTF-8, so such bytes are no valid message and the parser refuses them whole; but they are a
/// client's mistake in one field, not garbage: a JavaScript or Java string holding a lone surrogate is encoded as
/// bytes no UTF-8 decoder accepts, and that client deserves INVALID_ARGUMENT naming the field it can fix.
/// </summary>
/// <remarks>
/// The bytes are walked by the message's descriptor: each length-delimited field the descriptor knows as a string is
/// checked, each known as a message is walked in turn, everything else is skipped as the parser would. Bytes that are
/// malformed in any other way (a length past the end, a bad tag, nesting deeper than the parser allows) name nothing:
/// they stay INTERNAL "error parsing request".
/// </remarks>
internal static class InvalidUtf8Fields
{
    // Google.Protobuf's default recursion limit: the parser refuses deeper messages whatever their strings hold.
    private const int MaxDepth = 100;

    private const string Description = "is not valid UTF-8 (a protobuf string must be; a lone UTF-16 surrogate cannot be encoded as UTF-8)";

    /// <summary>The string fields that are not UTF-8, in the order they come; empty when there are none or the bytes are malformed otherwise.</summary>
    public static IReadOnlyList<FieldViolation> Find(MessageDescriptor type, ReadOnlySequence<byte> payload)
    {
        var violations = new List<FieldViolation>();
        try
        {
            return Walk(type, payload.ToArray(), "", 0, violations) ? violations : [];
        }
        catch (InvalidProtocolBufferException)
        {
            return [];
        }
    }

    /// <returns>False when the bytes are malformed otherwise (too deep); the parser's own refusals throw.</returns>
    private static bool Walk(MessageDescriptor type, byte[] bytes, string path, int depth, List<FieldViolation> violations)
    {
        if (depth > MaxDepth)
        {
            return false;
        }
        var input = new CodedInputStream(bytes);
        // Occurrences so far of each repeated field: its next element's index.
        var counts = new Dictionary<int, int>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var field = type.FindFieldByNumber(WireFormat.GetTagFieldNumber(tag));
            if (field is null
                || WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited
                || field.FieldType is not (FieldType.String or FieldType.Message))
            {
                input.SkipLastField();
                continue;
            }
            var at = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            if (field.IsRepeated && !field.IsMap)
            {
                counts.TryGetValue(field.FieldNumber, out var index);
                counts[field.FieldNumber] = index + 1;
                at = $"{at}[{index}]";
            }
            var value = input.ReadBytes();
            if (field.FieldType == FieldType.String)
            {
                if (!Utf8.IsValid(value.Span))
                {
                    violations.Add(new FieldViolation(at, Description));
                }
            }
            else if (!Walk(field.MessageType, value.ToByteArray(), at, depth + 1, violations))
            {
                return false;
            }
        }
        return true;
    }
}
