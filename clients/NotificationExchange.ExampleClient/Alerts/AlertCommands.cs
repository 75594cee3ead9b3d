using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using NotificationExchange.ExampleClient.Encounters;
using NotificationExchange.Orbits.Catalog;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Protocol.V1;
using TwoLineElementSet = NotificationExchange.Protocol.V1.TwoLineElementSet;

namespace NotificationExchange.ExampleClient.Alerts;

/// <summary>
/// The example client's verbs for the object registry and proximity alerts. Each returns the process's exit code; a
/// mistake in the arguments is a <see cref="FormatException"/> naming the argument (the caller prints it as one line).
/// </summary>
public sealed class AlertCommands(GrpcChannel channel, CancellationToken cancellationToken)
{
    private ObjectRegistryService.ObjectRegistryServiceClient Registry => new(channel);

    private AlertService.AlertServiceClient Alerts => new(channel);

    /// <summary>register-object &lt;norad&gt; &lt;line1&gt; &lt;line2&gt; | --from-catalogue &lt;file&gt;, then [full|derived] [radius-m].</summary>
    public async Task<int> RegisterObject(string[] args)
    {
        var norad = Norad(args[0], "norad-cat-id");
        // From a catalogue, the entry's name and designator come with it; lines given here go to the exchange as they are,
        // which names any fault by line and column.
        var (line1, line2, name, cospar) = args[1] == "--from-catalogue"
            ? FromCatalogue(args[2], norad)
            : (args[1], args[2], "", "");
        var sharing = args.Length > 3 ? args[3] switch
        {
            "full" => SharingPolicy.FullState,
            "derived" => SharingPolicy.DerivedOnly,
            var other => throw new FormatException($"sharing: '{other}' is not full or derived"),
        } : SharingPolicy.DerivedOnly;
        var radius = args.Length > 4 ? Number(args[4], "radius-m") : 10;
        var registered = await Registry.RegisterObjectAsync(new RegisterObjectRequest
        {
            RequestId = NewRequestId(),
            Object = new SpaceObject { NoradCatId = norad, Name = name, CosparId = cospar },
            Maneuverable = true,
            HardBodyRadiusM = radius,
            Orbit = new ObjectOrbit { Tle = new TwoLineElementSet { Line1 = line1, Line2 = line2 } },
            Sharing = sharing,
        }, cancellationToken: cancellationToken);
        Console.WriteLine($"registered {AlertText.Object(registered)}");
        return 0;
    }

    public async Task<int> ListObjects()
    {
        var request = new ListObjectsRequest();
        do
        {
            var page = await Registry.ListObjectsAsync(request, cancellationToken: cancellationToken);
            foreach (var registered in page.Objects)
            {
                Console.WriteLine(AlertText.Object(registered));
            }
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return 0;
    }

    public async Task<int> CatalogueStatus()
    {
        var status = await Registry.GetCatalogueStatusAsync(new GetCatalogueStatusRequest(), cancellationToken: cancellationToken);
        Console.WriteLine($"exchange time {status.Now.ToDateTime():u}{(status.Simulated ? " (simulated)" : "")}");
        Console.WriteLine($"catalogue: {status.Objects} objects; registered: {status.RegisteredObjects}");
        if (status.LastLoad is { } load)
        {
            Console.WriteLine($"last load: {Describe(load)}");
        }
        Console.WriteLine($"standing screening every {status.StandingIntervalMinutes} min"
            + (status.LastStandingScreen is { } last ? $", last finished {last.ToDateTime():u}" : ", not run yet"));
        return 0;
    }

    /// <summary>Administrators: the file's content is sent (it is read here, not on the exchange's host).</summary>
    public async Task<int> LoadCatalogue(string path)
    {
        var report = await Registry.LoadCatalogueAsync(new LoadCatalogueRequest
        {
            RequestId = NewRequestId(),
            Content = await File.ReadAllTextAsync(path, cancellationToken),
            Source = Path.GetFileName(path),
        }, cancellationToken: cancellationToken);
        Console.WriteLine(Describe(report));
        foreach (var rejection in report.Rejected.Take(20))
        {
            Console.WriteLine($"  line {rejection.Line}{(rejection.NoradCatId != 0 ? $" ({rejection.NoradCatId})" : "")}: {rejection.Reason}");
        }
        if (report.Rejected.Count > 20)
        {
            Console.WriteLine($"  ... and {report.Rejected.Count - 20} more rejected");
        }
        return 0;
    }

    public async Task<int> ListAlerts()
    {
        var request = new ListAlertsRequest();
        do
        {
            var page = await Alerts.ListAlertsAsync(request, cancellationToken: cancellationToken);
            foreach (var alert in page.Alerts)
            {
                Console.WriteLine(AlertText.Summary(alert));
            }
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return 0;
    }

    public async Task<int> ShowAlert(string id)
    {
        var found = await Alerts.GetAlertAsync(new GetAlertRequest { AlertId = id }, cancellationToken: cancellationToken);
        PrintAlert(found.Alert);
        foreach (var change in found.History)
        {
            Console.WriteLine($"  {AlertText.Event(change)} by {(change.Actor.Length > 0 ? change.Actor : "the exchange")} at {change.RecordedAt.ToDateTime():u}");
        }
        return 0;
    }

    public async Task<int> AcknowledgeAlert(string id, string intent, string note)
    {
        var acknowledged = await Alerts.AcknowledgeAlertAsync(new AcknowledgeAlertRequest
        {
            RequestId = NewRequestId(),
            AlertId = id,
            Intent = intent switch
            {
                "will" => ManeuverIntent.WillManeuver,
                "wont" => ManeuverIntent.WillNotManeuver,
                "undecided" => ManeuverIntent.Undecided,
                var other => throw new FormatException($"intent: '{other}' is not will, wont or undecided"),
            },
            Note = note,
        }, cancellationToken: cancellationToken);
        PrintAlert(acknowledged);
        return 0;
    }

    public async Task<int> ExportCdm(string id, bool xml)
    {
        var cdm = await Alerts.ExportAlertCdmAsync(new ExportAlertCdmRequest { AlertId = id, Format = xml ? CdmFormat.Xml : CdmFormat.Kvn },
            cancellationToken: cancellationToken);
        Console.Write(cdm.Content);
        return 0;
    }

    /// <summary>
    /// A demonstration maneuver notice for the caller's object <paramref name="ownArg"/>: before a 0.5 m/s in-track burn
    /// half-way to the TCA, on the orbit that the burn turns into one crossing the registered target's path, miss-km above
    /// it, minutes after the exchange's now (<see cref="EncounterDesign"/>). The target's TLE is the registration's, as
    /// GetObject shows it: only when its operator shares its full state (or the caller operates it).
    /// </summary>
    public async Task<int> FileEncounter(string ownArg, string targetArg, string? minutesArg, string? missArg)
    {
        var own = Norad(ownArg, "norad-of-own-object");
        var targetNorad = Norad(targetArg, "target-norad");
        var minutes = minutesArg is null ? 90 : Number(minutesArg, "minutes-to-tca");
        var missKm = missArg is null ? 0.2 : Number(missArg, "miss-km");
        if (minutes is < 20 or > 7 * 24 * 60)
        {
            throw new FormatException($"minutes-to-tca: {minutesArg} is not 20 to 10080 (the burn is half-way, at least 10 minutes from now)");
        }
        if (missKm is < 0 or > 50)
        {
            throw new FormatException($"miss-km: {missArg} is not 0 to 50");
        }
        var target = await Registry.GetObjectAsync(new GetObjectRequest { NoradCatId = targetNorad }, cancellationToken: cancellationToken);
        if (target.Orbit?.DataCase != ObjectOrbit.DataOneofCase.Tle)
        {
            Console.Error.WriteLine(target.Orbit is null
                ? $"FailedPrecondition: {targetNorad}'s orbit is not shared with you (its operator {target.OperatorId} shares {target.Sharing}); file-encounter needs its TLE"
                : $"FailedPrecondition: {targetNorad} is registered with an {target.Orbit.DataCase}; file-encounter needs a TLE");
            return 1;
        }
        var status = await Registry.GetCatalogueStatusAsync(new GetCatalogueStatusRequest(), cancellationToken: cancellationToken);
        // Whole seconds: the times printed are the times filed.
        var now = status.Now.ToDateTime();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).AddSeconds(1);
        var tca = now.AddMinutes(minutes);
        var ignition = now.AddMinutes(minutes / 2);
        var burn = new RtnVector { InTrack = 0.5 };
        var path = Trajectory.FromTle(TleParser.Parse(target.Orbit.Tle.Line1, target.Orbit.Tle.Line2));
        var response = await new NotificationService.NotificationServiceClient(channel).FileNotificationAsync(new FileNotificationRequest
        {
            RequestId = NewRequestId(),
            Maneuver = new ManeuverNotice
            {
                Object = new SpaceObject { NoradCatId = own },
                ExecutionWindow = new TimeWindow { Start = Timestamp.FromDateTime(ignition), End = Timestamp.FromDateTime(ignition.AddMinutes(10)) },
                Purpose = ManeuverPurpose.OrbitRaising,
                PlannedDeltaV = new DeltaV { MagnitudeMps = 0.5, ComponentsMps = burn },
                CurrentOrbit = new OrbitSpec { MeanElements = EncounterDesign.BeforeBurnToMeet(path, ignition, tca, missKm, burn) },
                Remarks = $"Demonstration (nx-example file-encounter): after the burn, crosses {targetNorad} {missKm.ToString(CultureInfo.InvariantCulture)} km above it at {tca:u}",
                Contact = new PointOfContact { Name = "Flight dynamics on duty", Email = "fdo@example.org" },
            },
        }, cancellationToken: cancellationToken);
        var n = response.Notification;
        Console.WriteLine($"filed {n.Id} (sequence {n.Sequence}): maneuver of {own} at {ignition:u}, 0.5 m/s in-track;"
            + $" its new orbit crosses {targetNorad} {missKm.ToString(CultureInfo.InvariantCulture)} km above it at {tca:u}");
        return 0;
    }

    private static void PrintAlert(Alert alert)
    {
        Console.WriteLine(AlertText.Summary(alert));
        Console.WriteLine(AlertText.Side("primary", alert.Primary));
        Console.WriteLine(AlertText.Side("secondary", alert.Secondary));
        if (alert.IntentConflict != IntentConflict.Unspecified)
        {
            Console.WriteLine($"  intent conflict: {alert.IntentConflict}");
        }
    }

    private static string Describe(CatalogueLoadReport load) =>
        $"load {load.LoadId} from {load.Source} ({load.Format}) at {load.LoadedAt.ToDateTime():u}: {load.Total} entries, {load.Added.Count} added,"
        + $" {load.Changed.Count} changed, {load.Dropped.Count} dropped, {load.Unchanged} unchanged, {load.Rejected.Count} rejected";

    /// <summary>The object's element set in a TLE/3LE catalogue file (the last one, when the file has several).</summary>
    private static (string Line1, string Line2, string Name, string Cospar) FromCatalogue(string path, uint norad)
    {
        if (!File.Exists(path))
        {
            throw new FormatException($"--from-catalogue: {Path.GetFullPath(path)} does not exist");
        }
        var tle = TleCatalog.Load(path).Entries.LastOrDefault(e => e.Tle.CatalogNumber == norad)?.Tle
            ?? throw new FormatException($"--from-catalogue: {path} has no element set of {norad}");
        return (tle.Line1, tle.Line2, tle.Name ?? "", Cospar(tle.InternationalDesignator));
    }

    // A TLE's designator (98067A) as a COSPAR id (1998-067A); launches from 1957 to 2056, as TLEs count them.
    private static string Cospar(string? designator)
    {
        if (designator is not { Length: >= 6 } d || !d[..5].All(char.IsAsciiDigit))
        {
            return "";
        }
        var year = int.Parse(d[..2], CultureInfo.InvariantCulture);
        return $"{(year < 57 ? 2000 + year : 1900 + year)}-{d[2..5]}{d[5..].Trim()}";
    }

    private static uint Norad(string text, string name) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var norad)
            ? norad
            : throw new FormatException($"{name}: '{text}' is not a catalogue number");

    private static double Number(string text, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"{name}: '{text}' is not a number");

    private static string NewRequestId() => Guid.NewGuid().ToString("N");
}
