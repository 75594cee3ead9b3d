using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Output;

/// <summary>
/// Every field of a message for people, one "label: value" line each, nested messages indented: what nxc show prints
/// of a notice, so that nothing a notice says is left out whatever its kind. Labels are the proto field names in
/// words, with the unit their name ends with moved to the value ("planned closest approach: 50 m"); fields left at
/// their default are left out; small messages (times, windows, objects, vectors, contacts) are written on one line.
/// </summary>
internal static class ProtoText
{
    private static readonly (string Suffix, string Unit)[] Units = [("_mps", "m/s"), ("_km", "km"), ("_deg", "deg"), ("_m", "m"), ("_bytes", "bytes")];

    public static IEnumerable<string> Lines(IMessage message, int indent = 0)
    {
        var pad = new string(' ', indent);
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            var (label, unit) = Label(field);
            if (field.IsRepeated)
            {
                var items = ((IEnumerable)value).Cast<object>().ToList();
                if (items.Count == 0)
                {
                    continue;
                }
                if (items.All(i => i is not IMessage m || OneLine(m) is not null))
                {
                    yield return $"{pad}{label}: {string.Join("; ", items.Select(i => Scalar(i, unit)))}";
                    continue;
                }
                yield return $"{pad}{label}:";
                foreach (var item in items.Cast<IMessage>())
                {
                    var lines = Lines(item, indent + 4).ToList();
                    if (lines.Count > 0)
                    {
                        lines[0] = $"{pad}  - {lines[0].TrimStart()}";
                    }
                    foreach (var line in lines)
                    {
                        yield return line;
                    }
                }
                continue;
            }
            if (!IsSet(field, message, value))
            {
                continue;
            }
            if (value is IMessage nested && OneLine(nested) is null)
            {
                yield return $"{pad}{label}:";
                foreach (var line in Lines(nested, indent + 2))
                {
                    yield return line;
                }
                continue;
            }
            yield return $"{pad}{label}: {Scalar(value, unit)}";
        }
    }

    private static bool IsSet(FieldDescriptor field, IMessage message, object? value) =>
        field.HasPresence ? field.Accessor.HasValue(message) : value switch
        {
            null => false,
            string s => s.Length > 0,
            bool b => b,
            ByteString bytes => !bytes.IsEmpty,
            System.Enum e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture) != 0,
            IConvertible number => Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture) != 0,
            _ => true,
        };

    private static string Scalar(object value, string? unit)
    {
        var text = value switch
        {
            IMessage m => OneLine(m) ?? string.Join(", ", Lines(m).Select(l => l.Trim())),
            System.Enum e => Words.Token(e),
            bool b => b ? "yes" : "no",
            double d => Words.Number(d, "0.######"),
            float f => Words.Number(f, "0.######"),
            IFormattable n => n.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return unit is null ? text : $"{text} {unit}";
    }

    /// <summary>The messages that read best on one line; null for the others.</summary>
    private static string? OneLine(IMessage message) => message switch
    {
        Timestamp t => Words.Time(t),
        TimeWindow w => Words.Window(w),
        RtnVector v => Words.Rtn(v),
        DeltaV d => Words.DeltaV(d),
        GeoPoint p => $"{Words.Number(p.LatitudeDeg, "0.####")}, {Words.Number(p.LongitudeDeg, "0.####")}",
        SpaceObject o => string.Join(" ", new[] { o.NoradCatId == 0 ? "" : o.NoradCatId.ToString(System.Globalization.CultureInfo.InvariantCulture), o.CosparId, o.Name }.Where(s => s.Length > 0)),
        PointOfContact c => string.Join(", ", new[] { c.Name, c.Organization, c.Email, c.Phone }.Where(s => s.Length > 0)),
        TwoLineElementSet tle => $"{tle.Line1} / {tle.Line2}",
        PlannedBurn b => $"{Words.Time(b.Ignition)} {(b.DeltaVMps is { } v ? Words.Rtn(v) : "-")} m/s",
        _ => null,
    };

    private static (string Label, string? Unit) Label(FieldDescriptor field)
    {
        foreach (var (suffix, unit) in Units)
        {
            if (field.Name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return (field.Name[..^suffix.Length].Replace('_', ' '), unit);
            }
        }
        return (field.Name.Replace('_', ' '), null);
    }
}
