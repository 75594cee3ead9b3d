using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>
/// The notice parts that take several values, each read from one option value in the <see cref="Spec"/> syntax. The
/// help text of each option lists its keys (<see cref="ElementsKeys"/> and the like); units are those of the proto
/// fields: km, degrees, metres, m/s.
/// </summary>
internal static class Compound
{
    public const string ElementsKeys = "epoch=TIME, sma=KM and ecc=E, or apogee=KM and perigee=KM (altitudes), inc=DEG, raan=DEG, argp=DEG, ma=DEG";

    private static readonly string[] ElementKeys = ["epoch", "sma", "ecc", "apogee", "perigee", "inc", "raan", "argp", "ma"];

    /// <summary>Mean elements: epoch=TIME,sma=KM,ecc=E (or apogee=KM,perigee=KM),inc=DEG,raan=DEG,argp=DEG,ma=DEG.</summary>
    public static MeanElements Elements(string text) => Elements(Spec.Parse(text, ElementKeys));

    private static MeanElements Elements(Spec spec)
    {
        var elements = new MeanElements
        {
            Epoch = spec.Time("epoch"),
            InclinationDeg = spec.Number("inc") ?? 0,
            RaanDeg = spec.Number("raan") ?? 0,
            ArgOfPerigeeDeg = spec.Number("argp") ?? 0,
            MeanAnomalyDeg = spec.Number("ma") ?? 0,
        };
        if (spec.Number("sma") is { } sma)
        {
            elements.SemiMajorAxisKm = sma;
        }
        if (spec.Number("ecc") is { } ecc)
        {
            elements.Eccentricity = ecc;
        }
        if (spec.Number("apogee") is { } apogee)
        {
            elements.ApogeeAltitudeKm = apogee;
        }
        if (spec.Number("perigee") is { } perigee)
        {
            elements.PerigeeAltitudeKm = perigee;
        }
        return elements;
    }

    public const string BurnKeys = "at=TIME, r=M/S, t=M/S, n=M/S (radial, in-track, cross-track; 0 when left out)";

    /// <summary>A planned impulsive burn: at=TIME,r=..,t=..,n=.. (m/s).</summary>
    public static PlannedBurn Burn(string text)
    {
        var spec = Spec.Parse(text, "at", "r", "t", "n");
        return new PlannedBurn
        {
            Ignition = spec.Time("at"),
            DeltaVMps = new RtnVector { Radial = spec.Number("r") ?? 0, InTrack = spec.Number("t") ?? 0, CrossTrack = spec.Number("n") ?? 0 },
        };
    }

    public static string PhaseKeys => $"type=({EnumWords<ApproachPhaseType>.Choices}), range=M, start=TIME, end=TIME (the phase's window, optional), description=TEXT";

    /// <summary>An approach phase: type=hold,range=1000[,start=TIME,end=TIME][,description="..."].</summary>
    public static ApproachPhase Phase(string text)
    {
        var spec = Spec.Parse(text, "type", "range", "start", "end", "description");
        return new ApproachPhase
        {
            Type = EnumWords<ApproachPhaseType>.Parse(spec.Required("type")),
            RangeM = spec.Number("range") ?? 0,
            Window = spec.Has("start") || spec.Has("end") ? new TimeWindow { Start = spec.Time("start"), End = spec.Time("end") } : null,
            Description = spec.Text("description") ?? "",
        };
    }

    public const string PayloadKeys = "name=TEXT, perigee=KM, apogee=KM, inc=DEG (the target orbit); with epoch=TIME, raan=DEG, argp=DEG, ma=DEG "
        + "(and sma=KM, ecc=E in place of the altitudes) also its insertion orbit as mean elements";

    /// <summary>A payload's target orbit, and its insertion orbit when an epoch is given: the insertion orbit takes
    /// the payload's apsides and inclination unless sma/ecc say otherwise.</summary>
    public static PayloadOrbit Payload(string text)
    {
        var spec = Spec.Parse(text, "name", "perigee", "apogee", "inc", "epoch", "raan", "argp", "ma", "sma", "ecc");
        var payload = new PayloadOrbit
        {
            PayloadName = spec.Text("name") ?? "",
            PerigeeAltitudeKm = spec.Number("perigee") ?? 0,
            ApogeeAltitudeKm = spec.Number("apogee") ?? 0,
            InclinationDeg = spec.Number("inc") ?? 0,
        };
        if (spec.Has("epoch"))
        {
            payload.InsertionOrbit = Elements(spec);
            if (!spec.Has("sma") && !spec.Has("ecc"))
            {
                payload.InsertionOrbit.PerigeeAltitudeKm = payload.PerigeeAltitudeKm;
                payload.InsertionOrbit.ApogeeAltitudeKm = payload.ApogeeAltitudeKm;
            }
        }
        else if (spec.Has("raan") || spec.Has("argp") || spec.Has("ma") || spec.Has("sma") || spec.Has("ecc"))
        {
            throw new FormatException("an insertion orbit needs epoch=TIME");
        }
        return payload;
    }

    public const string StageKeys = "name=TEXT and the mean elements: " + ElementsKeys;

    /// <summary>A stage left in orbit: name=TEXT and its insertion orbit as mean elements.</summary>
    public static StageOrbit Stage(string text)
    {
        var spec = Spec.Parse(text, [.. ElementKeys, "name"]);
        return new StageOrbit { Name = spec.Text("name") ?? "", InsertionOrbit = Elements(spec) };
    }

    public const string HazardKeys = "item=TEXT (what falls), min-lat, max-lat, min-lon, max-lon=DEG (a box) or polygon=LAT:LON;LAT:LON;... "
        + "(at least 3 vertices), start=TIME, end=TIME";

    /// <summary>A hazard area: item=..,min-lat=..,max-lat=..,min-lon=..,max-lon=.. or polygon=LAT:LON;..., start, end.</summary>
    public static HazardArea Hazard(string text)
    {
        var spec = Spec.Parse(text, "item", "min-lat", "max-lat", "min-lon", "max-lon", "polygon", "start", "end");
        var area = new HazardArea { DiscardedItem = spec.Text("item") ?? "" };
        var box = new[] { "min-lat", "max-lat", "min-lon", "max-lon" }.Any(spec.Has);
        if (box && spec.Has("polygon"))
        {
            throw new FormatException("a hazard area is a box or a polygon, not both");
        }
        if (spec.Text("polygon") is { } polygon)
        {
            area.Polygon = new GeoPolygon();
            foreach (var vertex in polygon.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = vertex.Split(':');
                area.Polygon.Vertices.Add(parts.Length == 2
                    ? new GeoPoint { LatitudeDeg = Values.Number(parts[0]), LongitudeDeg = Values.Number(parts[1]) }
                    : throw new FormatException($"polygon=: vertex '{vertex}' is not LAT:LON"));
            }
        }
        else if (box)
        {
            area.Box = new LatLonBox
            {
                MinLatitudeDeg = spec.Number("min-lat") ?? 0,
                MaxLatitudeDeg = spec.Number("max-lat") ?? 0,
                MinLongitudeDeg = spec.Number("min-lon") ?? 0,
                MaxLongitudeDeg = spec.Number("max-lon") ?? 0,
            };
        }
        if (spec.Has("start") || spec.Has("end"))
        {
            area.Window = new TimeWindow { Start = spec.Time("start"), End = spec.Time("end") };
        }
        return area;
    }

    public const string ObjectKeys = "norad=NUMBER (digits or Alpha-5), cospar=YYYY-NNNP, name=TEXT";

    /// <summary>An object as catalogued: norad=..,cospar=..,name=...</summary>
    public static SpaceObject Object(string text)
    {
        var spec = Spec.Parse(text, "norad", "cospar", "name");
        return new SpaceObject { NoradCatId = spec.Norad("norad") ?? 0, CosparId = spec.Text("cospar") ?? "", Name = spec.Text("name") ?? "" };
    }
}
