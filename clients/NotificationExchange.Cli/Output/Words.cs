using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Output;

/// <summary>How nxc writes values for people, the same in every verb: UTC times as "2026-12-02 03:12:10Z", roles and
/// kinds in words.</summary>
internal static class Words
{
    public static string Time(Timestamp? time) =>
        time is null ? "-" : time.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Kind(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Agency => "agency",
        OrganizationKind.Operator => "operator",
        _ => "organisation",
    };

    public static string Role(ContactRole role) => role switch
    {
        ContactRole.Primary => "primary",
        ContactRole.Backup => "backup",
        ContactRole.Operations247 => "24/7",
        _ => "contact",
    };

    /// <summary>"primary: Space debris duty engineer, sdo@esa.example, +49 ..."</summary>
    public static string Contact(ContactPoint contact) =>
        $"{Role(contact.Role)}: " + string.Join(", ", new[] { contact.Name, contact.Email, contact.Phone }.Where(v => v.Length > 0));

    /// <summary>A proto enum value in lower-case words, as its name says it: WillNotManeuver is "will not maneuver".</summary>
    public static string Enum(System.Enum value) =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>A number as the protos carry it, with the invariant culture.</summary>
    public static string Number(double value, string format = "0.###") => value.ToString(format, CultureInfo.InvariantCulture);

    // Filing and subscriptions.

    /// <summary>An enum value of the protos as nxc writes and reads it: ManeuverPurpose.CollisionAvoidance is
    /// "collision-avoidance", NotificationEventType.ExecutionReported "execution-reported".</summary>
    public static string Token(System.Enum value) =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>"0.35 m/s (R 0, T 0.35, N 0)"; the components only when given.</summary>
    public static string DeltaV(DeltaV? deltaV) =>
        deltaV is null ? "-"
        : $"{Number(deltaV.MagnitudeMps, "0.####")} m/s" + (deltaV.ComponentsMps is { } c ? $" ({Rtn(c)})" : "");

    /// <summary>"R 0, T 0.35, N 0"</summary>
    public static string Rtn(RtnVector vector) =>
        $"R {Number(vector.Radial, "0.####")}, T {Number(vector.InTrack, "0.####")}, N {Number(vector.CrossTrack, "0.####")}";

    /// <summary>"2026-06-01 10:00:00Z to 2026-06-01 10:20:00Z"</summary>
    public static string Window(TimeWindow? window) => window is null ? "-" : $"{Time(window.Start)} to {Time(window.End)}";
}
