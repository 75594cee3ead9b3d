namespace NotificationExchange.Bench.Alerts;

/// <summary>What one repeat of the alerts benchmark measured; latencies from the start of the FileNotification call.</summary>
/// <remarks>
/// <para>Filed: Filings by kind (refused ones included).</para>
/// <para>Outcomes: Filings by their screen's state (or "refused", "not screened in time").</para>
/// <para>Unscreened: A few filings that were refused or not SCREENED, with the reasons.</para>
/// <para>ManeuverScreened: Filing to the first GetNotification showing the screen's outcome, maneuvers.</para>
/// <para>ManeuverInExchange: The exchange's filed_at to screened_at, maneuvers.</para>
/// <para>ManeuverOwnScreen: Of that, the time on its own screen (see <see cref="Filing.OwnScreenMs"/>); the rest waited for earlier screens.</para>
/// <para>ManeuverToOwner: Filing to the first RAISED alert of the notification on the registered objects' operator's stream.</para>
/// <para>ManeuverToFiler: The same on the filer's stream (every alert of its notifications).</para>
/// <para>PayloadToFiler: Launches, per payload: filing to the first RAISED alert whose primary is that payload, on the filer's stream.</para>
/// <para>LaunchScreenedByPayloads: Launches' filing to screened by their number of payloads.</para>
/// <para>Targeted: Maneuvers built to pass 300 m from a registered object.</para>
/// <para>TargetedAlerted: Of those, how many raised an alert with that object on its operator's stream.</para>
/// <para>AlertsRecorded: Alert ids the screens of the filings list.</para>
/// <para>ObjectsScreened: The most objects one screen screened against.</para>
/// </remarks>
internal sealed record AlertsResult(
    IReadOnlyDictionary<AlertsNotices.Kind, int> Filed,
    IReadOnlyDictionary<string, int> Outcomes,
    IReadOnlyList<string> Unscreened,
    LatencySummary ManeuverScreened, LatencySummary RpoScreened, LatencySummary LaunchScreened,
    LatencySummary ManeuverInExchange, LatencySummary RpoInExchange, LatencySummary LaunchInExchange,
    LatencySummary ManeuverOwnScreen, LatencySummary RpoOwnScreen, LatencySummary LaunchOwnScreen,
    LatencySummary ManeuverToOwner, LatencySummary RpoToOwner, LatencySummary LaunchToOwner,
    LatencySummary ManeuverToFiler, LatencySummary RpoToFiler, LatencySummary PayloadToFiler,
    IReadOnlyDictionary<int, LatencySummary> LaunchScreenedByPayloads,
    int Targeted, int TargetedAlerted, long OwnerRaised, long FilerRaised, long AlertsRecorded, double ObjectsScreened)
{
    /// <summary>Every filing was accepted and its screen recorded (SCREENED, NOT_SCREENABLE or FAILED) in time.</summary>
    public bool AllScreened => Outcomes.Keys.All(k => k is "Screened" or "NotScreenable" or "Failed");
}
