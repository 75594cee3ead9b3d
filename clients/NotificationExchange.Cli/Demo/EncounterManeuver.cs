using System.Globalization;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Demo;

/// <summary>A demonstration maneuver notice: a 0.5 m/s in-track burn half-way to an encounter, from the orbit that this
/// burn turns into one crossing the target's path a chosen distance above it at a chosen time
/// (<see cref="EncounterDesign"/>). Times are whole seconds, so that the times printed are the times filed.</summary>
internal sealed record EncounterManeuver(FileNotificationRequest Request, DateTime Ignition, DateTime Tca, MeanElements BeforeBurn)
{
    public const double BurnMps = 0.5;

    public static EncounterManeuver Design(uint own, string? ownName, Trajectory target, uint targetNorad, DateTime now, double minutesToTca, double missKm)
    {
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).AddSeconds(1);
        var tca = now.AddMinutes(minutesToTca);
        var ignition = now.AddTicks((tca - now).Ticks / 2 / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond);
        var burn = new RtnVector { InTrack = BurnMps };
        var before = EncounterDesign.BeforeBurnToMeet(target, ignition, tca, missKm, burn);
        var request = new FileNotificationRequest
        {
            Maneuver = new ManeuverNotice
            {
                Object = new SpaceObject { NoradCatId = own, Name = ownName ?? "" },
                ExecutionWindow = new TimeWindow { Start = DemoOrbits.At(ignition), End = DemoOrbits.At(ignition.AddMinutes(10)) },
                Purpose = ManeuverPurpose.OrbitRaising,
                PlannedDeltaV = new DeltaV { MagnitudeMps = BurnMps, ComponentsMps = burn },
                CurrentOrbit = new OrbitSpec { MeanElements = before },
                Remarks = string.Create(CultureInfo.InvariantCulture,
                    $"Demonstration (nxc demo): after the burn, crosses {targetNorad} {missKm} km above it at {tca:yyyy-MM-dd HH:mm:ss}Z"),
                Contact = new PointOfContact { Name = "Flight dynamics on duty", Email = "fdo@example.org" },
            },
        };
        return new EncounterManeuver(request, ignition, tca, before);
    }
}
