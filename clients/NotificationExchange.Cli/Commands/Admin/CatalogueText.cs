using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Admin;

/// <summary>How nxc writes catalogue loads for people.</summary>
internal static class CatalogueText
{
    /// <summary>At most this many rejections are listed in text; JSON has them all.</summary>
    public const int RejectionsShown = 20;

    /// <summary>"load 1 from spacetrack.txt (3LE) at ...: 24132 entries, 24132 added, 0 changed, 0 dropped, 0 unchanged, 0 rejected"</summary>
    public static string Load(CatalogueLoadReport load) =>
        $"load {load.LoadId} from {load.Source} ({load.Format}) at {Words.Time(load.LoadedAt)}: {load.Total} entries, {load.Added.Count} added,"
        + $" {load.Changed.Count} changed, {load.Dropped.Count} dropped, {load.Unchanged} unchanged, {load.Rejected.Count} rejected"
        + (load.Replayed ? " (the answer to an earlier identical request)" : "");

    public static IEnumerable<string> Rejections(CatalogueLoadReport load)
    {
        foreach (var rejection in load.Rejected.Take(RejectionsShown))
        {
            yield return $"  line {rejection.Line}{(rejection.NoradCatId != 0 ? $" ({rejection.NoradCatId})" : "")}: {rejection.Reason}";
        }
        if (load.Rejected.Count > RejectionsShown)
        {
            yield return $"  ... and {load.Rejected.Count - RejectionsShown} more rejected (--output json lists them all)";
        }
    }
}
