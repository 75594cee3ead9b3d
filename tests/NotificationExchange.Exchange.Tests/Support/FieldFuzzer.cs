using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// Gives well-formed messages arbitrary field values, as a client that only knows the protos might send them: any
/// field at any depth set to an extreme, odd or invalid value of its type (NaN, year 10000, negative nanos, enum
/// numbers the contract does not define, control characters, huge strings), repeated fields emptied or grown, oneof
/// cases switched. Driven by a seed, so a failing case can be replayed.
/// </summary>
internal static class FieldFuzzer
{
    private static readonly double[] _doubles =
    [
        0, -0.0, 1, -1, 0.5, 1e-300, -1e-300, 1e300, -1e300, double.MaxValue, double.MinValue, double.Epsilon,
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 90, 180, 360, 400, 6378.135, 42164, 1e9, 2e4,
    ];

    private static readonly long[] _integers = [0, 1, -1, 2, 100, 339_999, 340_000, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, uint.MaxValue];

    private static readonly string[] _strings =
    [
        "", " ", "x", "MNV-1", "RPO-2", "LCH-3", "MNV-0", "MNV-99999999999999999999", "sub-0123", "prop-other", "Not An Operator",
        "1998-067A", "ISS (ZARYA)", "fd@example.org", "+49 6151 90 0", "not an email", "\u0000", "line\nbreak", "tab\tand\r",
        "\u001b[31m", "é", "\U0001F6F0\uFE0F", "\u202Eevil", "ᚠᛇᚻ", new string('x', 129), new string('y', 2001), new string('z', 5000),
        Notices.IssLine1, Notices.IssLine2, "CCSDS_OPM_VERS = 2.0", "<ndm/>", "2026-12-01T00:00:00Z",
    ];

    /// <summary>Applies <paramref name="mutations"/> random changes to <paramref name="message"/> (in place).</summary>
    public static void Mutate(IMessage message, Random random, int mutations)
    {
        for (var i = 0; i < mutations; i++)
        {
            MutateOnce(message, random, depth: 0);
        }
    }

    /// <summary>
    /// Changes one field, chosen evenly among every field of every message set in the tree (so that a timestamp deep in
    /// an orbit is as likely to change as the request id).
    /// </summary>
    private static void MutateOnce(IMessage message, Random random, int depth)
    {
        var slots = new List<(IMessage Owner, FieldDescriptor Field)>();
        Collect(message, slots, depth);
        if (slots.Count == 0)
        {
            return;
        }
        var (owner, field) = slots[random.Next(slots.Count)];
        if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(owner);
            switch (random.Next(3))
            {
                case 0:
                    list.Clear();
                    break;
                case 1 when list.Count > 0:
                    list[random.Next(list.Count)] = Arbitrary(field, random);
                    break;
                default:
                    for (var n = random.Next(1, 4); n > 0; n--)
                    {
                        list.Add(Arbitrary(field, random));
                    }
                    break;
            }
            return;
        }
        field.Accessor.SetValue(owner, Arbitrary(field, random));
    }

    private static void Collect(IMessage message, List<(IMessage, FieldDescriptor)> slots, int depth)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            slots.Add((message, field));
            if (depth >= 8 || field.FieldType != FieldType.Message || IsWellKnown(field.MessageType))
            {
                continue;
            }
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated)
            {
                foreach (var element in (IList)value)
                {
                    Collect((IMessage)element, slots, depth + 1);
                }
            }
            else if (value is IMessage nested)
            {
                Collect(nested, slots, depth + 1);
            }
        }
    }

    private static object Arbitrary(FieldDescriptor field, Random random) => field.FieldType switch
    {
        FieldType.Double => Pick(_doubles, random),
        FieldType.Float => (float)Pick(_doubles, random),
        FieldType.Bool => random.Next(2) == 1,
        FieldType.String => random.Next(8) == 0 ? RandomText(random) : Pick(_strings, random),
        FieldType.Bytes => ByteString.CopyFrom([.. Enumerable.Range(0, random.Next(8)).Select(_ => (byte)random.Next(256))]),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => unchecked((int)Pick(_integers, random)),
        FieldType.UInt32 or FieldType.Fixed32 => unchecked((uint)Pick(_integers, random)),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Pick(_integers, random),
        FieldType.UInt64 or FieldType.Fixed64 => unchecked((ulong)Pick(_integers, random)),
        FieldType.Enum => ArbitraryEnum(field.EnumType, random),
        FieldType.Message => ArbitraryMessage(field.MessageType, random),
        _ => throw new NotSupportedException(field.FieldType.ToString()),
    };

    private static object ArbitraryEnum(EnumDescriptor type, Random random)
    {
        var number = random.Next(3) switch
        {
            0 => Pick([-1, 99, 1000, int.MaxValue, int.MinValue], random),
            _ => type.Values[random.Next(type.Values.Count)].Number,
        };
        return System.Enum.ToObject(type.ClrType, number);
    }

    private static IMessage ArbitraryMessage(MessageDescriptor type, Random random)
    {
        if (type.ClrType == typeof(Timestamp))
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            return random.Next(7) switch
            {
                0 or 6 => new Timestamp { Seconds = now + random.Next(-86_400 * 30, 86_400 * 30), Nanos = random.Next(1_000_000_000) },
                1 => new Timestamp { Seconds = 253_402_300_800 }, // 10000-01-01
                2 => new Timestamp { Seconds = -62_135_596_801 }, // before 0001-01-01
                3 => new Timestamp { Seconds = now, Nanos = Pick([-1, 1_000_000_000, int.MaxValue], random) },
                4 => new Timestamp { Seconds = Pick([0, -62_135_596_800, 253_402_300_799, 4_102_444_800], random) },
                _ => new Timestamp(),
            };
        }
        if (type.ClrType == typeof(Duration))
        {
            return new Duration { Seconds = Pick(_integers, random), Nanos = random.Next(-1_000_000_001, 1_000_000_001) };
        }
        var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
        Mutate(message, random, random.Next(4));
        return message;
    }

    private static bool IsWellKnown(MessageDescriptor? type) => type?.ClrType == typeof(Timestamp) || type?.ClrType == typeof(Duration);

    private static string RandomText(Random random) =>
        new([.. Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(0, 0x3000))]);

    private static T Pick<T>(IReadOnlyList<T> values, Random random) => values[random.Next(values.Count)];
}
