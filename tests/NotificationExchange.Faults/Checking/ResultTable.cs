using System.Globalization;
using System.Text;

namespace NotificationExchange.Faults.Checking;

/// <summary>The fault table, as Jepsen's total-queue check prints its counts: one row per phase, or per kind of
/// fault summed over a soak's rounds (recovery and gap then the worst of the rounds).</summary>
public static class ResultTable
{
    private static readonly string[] Headers =
        ["fault", "rounds", "filed ok", "failed/indeterminate", "delivered", "lost", "duplicates", "unexpected", "out-of-order", "recovery s", "max filing gap s"];

    public static string Format(IReadOnlyList<PhaseResult> phases, bool byKind)
    {
        var rows = byKind
            ? phases.GroupBy(p => KindOf(p.Fault)).Select(g => Row(g.Key, g.ToList())).ToList()
            : phases.Select(p => Row(p.Fault, [p])).ToList();
        if (phases.Count > 1)
        {
            rows.Add(Row("total", [.. phases]));
        }
        var widths = Headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> cells) =>
            text.AppendLine("| " + string.Join(" | ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))) + " |");
        Line(Headers);
        text.AppendLine("|" + string.Join("|", widths.Select((w, i) => i == 0 ? new string('-', w + 2) : new string('-', w + 1) + ":")) + "|");
        foreach (var row in rows)
        {
            Line(row);
        }
        return text.ToString();
    }

    /// <summary>A fault's kind: its name without the instance or node it hit ("SIGKILL instance 2 + restart" is
    /// "SIGKILL instance + restart").</summary>
    public static string KindOf(string fault)
    {
        var words = fault.Split(' ');
        return string.Join(' ', words.Where((word, i) =>
            !(i > 0 && words[i - 1] is "instance" or "node" && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out _))));
    }

    private static string[] Row(string name, IReadOnlyList<PhaseResult> phases)
    {
        var recoveries = phases.Select(p => p.Recovery).ToList();
        var recovery = recoveries.Any(r => r is null)
            ? "not recovered"
            : recoveries.Count == 0 ? "" : recoveries.Max(r => r!.Value).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return
        [
            name,
            phases.Count.ToString(CultureInfo.InvariantCulture),
            phases.Sum(p => p.FiledOk).ToString(CultureInfo.InvariantCulture),
            $"{phases.Sum(p => p.Failed)}/{phases.Sum(p => p.Indeterminate)}",
            phases.Sum(p => p.Delivered).ToString(CultureInfo.InvariantCulture),
            phases.Sum(p => p.Lost).ToString(CultureInfo.InvariantCulture),
            phases.Sum(p => p.Duplicates).ToString(CultureInfo.InvariantCulture),
            phases.Sum(p => p.Unexpected).ToString(CultureInfo.InvariantCulture),
            phases.Sum(p => p.OutOfOrder).ToString(CultureInfo.InvariantCulture),
            recovery,
            phases.Max(p => p.MaxFilingGap).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
        ];
    }
}
