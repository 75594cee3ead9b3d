using NotificationExchange.Cli.Demo;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// Maneuvers built to meet an object (<see cref="EncounterDesign"/>, which nxc demo uses too, so that the README
/// walkthrough's encounter is the one these tests screen).
/// </summary>
internal static class Encounters
{
    /// <summary>ISS's element set of the tests' fixtures (epoch 2022-07-15 12:14 UTC).</summary>
    public static Trajectory Iss() => Trajectory.FromTle(TleParser.Parse(Notices.IssLine1, Notices.IssLine2));

    /// <inheritdoc cref="EncounterDesign.BeforeBurnToMeet"/>
    public static MeanElements BeforeBurnToMeet(Trajectory target, DateTime ignition, DateTime tca, double radialOffsetKm, RtnVector burn) =>
        EncounterDesign.BeforeBurnToMeet(target, ignition, tca, radialOffsetKm, burn);
}
