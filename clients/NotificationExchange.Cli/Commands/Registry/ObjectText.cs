using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Registry;

/// <summary>How nxc writes registered objects for people.</summary>
internal static class ObjectText
{
    /// <summary>"25544 ISS (ZARYA)"</summary>
    public static string Name(SpaceObject o) => $"{o.NoradCatId}{(o.Name.Length > 0 ? $" {o.Name}" : "")}";

    /// <summary>LEO, MEO, GEO, HEO.</summary>
    public static string Regime(OrbitalRegime regime) => regime == OrbitalRegime.Unspecified ? "-" : regime.ToString().ToUpperInvariant();

    public static string Sharing(SharingPolicy sharing) => sharing == SharingPolicy.FullState ? "full state" : "derived only";

    /// <summary>"TLE", "OMM", "OEM", or "not shared" when the orbit is not shown to the caller.</summary>
    public static string Orbit(ObjectOrbit? orbit) => orbit?.DataCase switch
    {
        ObjectOrbit.DataOneofCase.Tle => "TLE",
        ObjectOrbit.DataOneofCase.Omm => "OMM",
        ObjectOrbit.DataOneofCase.Oem => "OEM",
        _ => "not shared",
    };

    /// <summary>"25544 ISS (ZARYA) (1998-067A), operated by iss-ops: LEO, maneuverable, radius 50 m, sharing full
    /// state, TLE of 2022-07-15 12:14:42Z"</summary>
    public static string Summary(RegisteredObject o) =>
        $"{Name(o.Object)}{(o.Object.CosparId.Length > 0 ? $" ({o.Object.CosparId})" : "")}, operated by {o.OperatorId}: {Regime(o.Regime)},"
        + $" {(o.Maneuverable ? "maneuverable" : "not maneuverable")}, radius {Words.Number(o.HardBodyRadiusM)} m, sharing {Sharing(o.Sharing)},"
        + $" {(o.Orbit is null ? "orbit not shared with you" : Orbit(o.Orbit))} of {Words.Time(o.OrbitEpoch)}";
}
