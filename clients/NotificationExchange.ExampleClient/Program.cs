using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using NotificationExchange.Protocol.V1;

// nx-example: the smallest useful client of the exchange, for the README walkthrough.
//
//   nx-example create-operator <operator-id> <display name>        (needs an administrator key)
//   nx-example file-maneuver <norad-cat-id> [hours-from-now] [delta-v m/s]
//   nx-example subscribe [norad-cat-id ...]                         (prints events until Ctrl+C)
//   nx-example file-ccsds <opm-or-ocm-file> [norad-cat-id]          (what the message lacks: the catalogue number)
//   nx-example export <notification-id> [xml]                       (prints the notification as a CCSDS OCM)
//   nx-example update-profile <operator|agency> <country|-> <display name> [<role> <name> <email-or-phone>] ...
//                                                                   (role: primary, backup or 24/7; replaces the caller's entry)
//   nx-example directory [operator|agency] [country]                (who to call: every entry, with its contacts)
//
// The exchange's address comes from NX_ADDRESS (default http://localhost:5170), the API key from NX_API_KEY.

var address = Environment.GetEnvironmentVariable("NX_ADDRESS") is { Length: > 0 } a ? a : "http://localhost:5170";
var apiKey = Environment.GetEnvironmentVariable("NX_API_KEY");
if (args.Length == 0 || string.IsNullOrEmpty(apiKey))
{
    Console.Error.WriteLine("usage: NX_API_KEY=<key> nx-example create-operator <id> <name> | file-maneuver <norad> [hours] [dv] | subscribe [norad ...]"
        + " | file-ccsds <file> [norad] | export <id> [xml] | update-profile <kind> <country|-> <name> [<role> <name> <email-or-phone>] ..."
        + " | directory [kind] [country]");
    return 2;
}

using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
{
    Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
    {
        metadata.Add("authorization", $"Bearer {apiKey}");
        return Task.CompletedTask;
    })),
    UnsafeUseInsecureChannelCallCredentials = address.StartsWith("http://", StringComparison.Ordinal),
});
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return args[0] switch
    {
        "create-operator" when args.Length >= 3 => await CreateOperator(args[1], string.Join(' ', args[2..])),
        "file-maneuver" when args.Length >= 2 => await FileManeuver(
            uint.Parse(args[1], CultureInfo.InvariantCulture),
            args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 6,
            args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0.5),
        "subscribe" => await Subscribe(args[1..].Select(n => uint.Parse(n, CultureInfo.InvariantCulture)).ToArray()),
        "file-ccsds" when args.Length >= 2 => await FileCcsds(args[1], args.Length > 2 ? uint.Parse(args[2], CultureInfo.InvariantCulture) : 0),
        "export" when args.Length >= 2 => await Export(args[1], args.Length > 2 && args[2] == "xml"),
        "update-profile" when args.Length >= 4 && (args.Length - 4) % 3 == 0 => await UpdateProfile(args[1], args[2], args[3], args[4..]),
        "directory" => await ListDirectory(args.Length > 1 ? args[1] : null, args.Length > 2 ? args[2] : null),
        _ => Usage(),
    };
}
catch (RpcException e)
{
    var violations = e.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations;
    if (violations is { Count: > 0 })
    {
        Console.Error.WriteLine($"{e.StatusCode}: {string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))}");
    }
    else
    {
        Console.Error.WriteLine($"{e.StatusCode}: {e.Status.Detail}");
    }
    return 1;
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("unknown command or missing arguments; run without arguments for usage");
    return 2;
}

async Task<int> CreateOperator(string id, string name)
{
    var created = await new OperatorService.OperatorServiceClient(channel).CreateOperatorAsync(
        new CreateOperatorRequest { OperatorId = id, DisplayName = name });
    Console.WriteLine($"operator {created.Operator.Id} created; its API key (shown once):");
    Console.WriteLine(created.ApiKey);
    return 0;
}

async Task<int> UpdateProfile(string kind, string country, string displayName, string[] contacts)
{
    var request = new UpdateProfileRequest { DisplayName = displayName, Kind = ParseKind(kind), Country = country == "-" ? "" : country };
    for (var i = 0; i < contacts.Length; i += 3)
    {
        var role = contacts[i] switch
        {
            "primary" => ContactRole.Primary,
            "backup" => ContactRole.Backup,
            "24/7" => ContactRole.Operations247,
            var other => throw new FormatException($"role '{other}' is not primary, backup or 24/7"),
        };
        var contact = new ContactPoint { Role = role, Name = contacts[i + 1] };
        if (contacts[i + 2].Contains('@', StringComparison.Ordinal))
        {
            contact.Email = contacts[i + 2];
        }
        else
        {
            contact.Phone = contacts[i + 2];
        }
        if (role == ContactRole.Operations247)
        {
            contact.Hours = new StaffedHours { AroundTheClock = true };
        }
        request.Contacts.Add(contact);
    }
    var entry = await new OperatorService.OperatorServiceClient(channel).UpdateProfileAsync(request, cancellationToken: stop.Token);
    Console.WriteLine($"profile of {entry.OrganizationId} updated:");
    PrintEntry(entry);
    return 0;
}

async Task<int> ListDirectory(string? kind, string? country)
{
    var operators = new OperatorService.OperatorServiceClient(channel);
    var request = new ListDirectoryRequest { Country = country ?? "" };
    if (kind is not null)
    {
        request.Kinds.Add(ParseKind(kind));
    }
    do
    {
        var page = await operators.ListDirectoryAsync(request, cancellationToken: stop.Token);
        foreach (var entry in page.Entries)
        {
            PrintEntry(entry);
        }
        request.PageToken = page.NextPageToken;
    }
    while (request.PageToken.Length > 0);
    return 0;
}

static OrganizationKind ParseKind(string kind) => kind switch
{
    "operator" => OrganizationKind.Operator,
    "agency" => OrganizationKind.Agency,
    _ => throw new FormatException($"kind '{kind}' is not operator or agency"),
};

static void PrintEntry(DirectoryEntry entry)
{
    var country = entry.Country.Length > 0 ? $", {entry.Country}" : "";
    Console.WriteLine($"{entry.OrganizationId}: {entry.DisplayName} ({entry.Kind}{country})");
    foreach (var contact in entry.Contacts)
    {
        var reach = string.Join(", ", new[] { contact.Email, contact.Phone }.Where(r => r.Length > 0));
        Console.WriteLine($"  {contact.Role}: {contact.Name}, {reach}{Hours(contact.Hours)}");
    }
}

static string Hours(StaffedHours? hours) => hours switch
{
    null => "",
    { AroundTheClock: true } => ", 24/7",
    _ => $", {string.Join("; ", hours.Weekly.Select(w => $"{w.FirstDay}-{w.LastDay} {w.Opens}-{w.Closes}"))} ({hours.TimeZone})",
};

async Task<int> FileManeuver(uint norad, double hoursFromNow, double deltaV)
{
    var start = DateTime.UtcNow.AddHours(hoursFromNow);
    var response = await new NotificationService.NotificationServiceClient(channel).FileNotificationAsync(new FileNotificationRequest
    {
        RequestId = Guid.NewGuid().ToString(),
        Maneuver = new ManeuverNotice
        {
            Object = new SpaceObject { NoradCatId = norad },
            ExecutionWindow = new TimeWindow { Start = Timestamp.FromDateTime(start), End = Timestamp.FromDateTime(start.AddMinutes(15)) },
            Purpose = ManeuverPurpose.CollisionAvoidance,
            PlannedDeltaV = new DeltaV { MagnitudeMps = deltaV, ComponentsMps = new RtnVector { InTrack = deltaV } },
            Contact = new PointOfContact { Name = "Flight dynamics on duty", Email = "fdo@example.org" },
        },
    }, cancellationToken: stop.Token);
    var n = response.Notification;
    Console.WriteLine($"filed {n.Id} (sequence {n.Sequence}, version {n.Version}): maneuver of {norad} at {start:yyyy-MM-ddTHH:mm:ssZ}, {deltaV} m/s");
    return 0;
}

async Task<int> FileCcsds(string path, uint norad)
{
    // The supplement gives what an OPM cannot say; an OCM usually says it all itself.
    var supplement = new ManeuverNotice
    {
        Purpose = ManeuverPurpose.CollisionAvoidance,
        Contact = new PointOfContact { Name = "Flight dynamics on duty", Email = "fdo@example.org" },
    };
    if (norad != 0)
    {
        supplement.Object = new SpaceObject { NoradCatId = norad };
    }
    var response = await new NotificationService.NotificationServiceClient(channel).FileNotificationAsync(new FileNotificationRequest
    {
        RequestId = Guid.NewGuid().ToString(),
        CcsdsManeuver = new CcsdsManeuverNotice { Message = await File.ReadAllTextAsync(path), Supplement = supplement },
    }, cancellationToken: stop.Token);
    var n = response.Notification;
    Console.WriteLine($"filed {n.Id} (sequence {n.Sequence}) from {Path.GetFileName(path)}: {Describe(n)}");
    return 0;
}

async Task<int> Export(string id, bool xml)
{
    var exported = await new NotificationService.NotificationServiceClient(channel).ExportNotificationAsync(new ExportNotificationRequest
    {
        NotificationId = id,
        Format = xml ? ExportFormat.OcmXml : ExportFormat.OcmKvn,
    }, cancellationToken: stop.Token);
    Console.Write(exported.Content);
    return 0;
}

async Task<int> Subscribe(uint[] objects)
{
    var subscriptions = new SubscriptionService.SubscriptionServiceClient(channel);
    var subscription = await subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest
    {
        Name = objects.Length == 0 ? "everything" : $"objects {string.Join(',', objects)}",
        Filter = new SubscriptionFilter { NoradCatIds = { objects } },
        Start = StartPosition.Earliest,
    }, cancellationToken: stop.Token);
    Console.WriteLine($"subscription {subscription.Id}; waiting for events (Ctrl+C to stop)");
    // The last sequence this program has processed (printed): the only position it can trust. A stream's
    // nx-resume-after trailer says what the server sent, not what arrived here; some clients drop messages that came
    // in before an error status. Unset until something is processed: the server then starts from the acknowledged
    // position.
    ulong? position = null;
    ulong acknowledged = 0;
    var backoff = TimeSpan.FromSeconds(1);
    while (!stop.IsCancellationRequested)
    {
        var request = new SubscribeRequest { SubscriptionId = subscription.Id };
        if (position is { } resumeAfter)
        {
            request.ResumeAfterSequence = resumeAfter;
        }
        try
        {
            using var call = subscriptions.Subscribe(request, cancellationToken: stop.Token);
            await foreach (var message in call.ResponseStream.ReadAllAsync(stop.Token))
            {
                switch (message.MessageCase)
                {
                    case SubscriptionMessage.MessageOneofCase.Event:
                        var e = message.Event;
                        Console.WriteLine($"#{e.Sequence} {e.EventType} {e.Notification.Id} v{e.Notification.Version} by {e.Notification.FilingOperator}: {Describe(e.Notification)}");
                        position = e.Sequence;
                        break;
                    case SubscriptionMessage.MessageOneofCase.Unreadable:
                        var u = message.Unreadable;
                        Console.WriteLine($"#{u.Sequence} {u.NotificationId} v{u.Version} cannot be read: {u.Reason}");
                        position = u.Sequence;
                        break;
                    case SubscriptionMessage.MessageOneofCase.CaughtUp:
                        // everything matching up to here has been printed: a position too
                        position = Math.Max(position ?? 0, message.CaughtUp.Sequence);
                        Console.WriteLine($"-- live from sequence {message.CaughtUp.Sequence}");
                        break;
                }
                backoff = TimeSpan.FromSeconds(1);
                // Acknowledge now and then (and when the stream is quiet), not after every event: a round trip per
                // event would slow reading down until the exchange cuts the stream off.
                if (position is { } processed && processed > acknowledged
                    && (processed - acknowledged >= 100 || message.MessageCase != SubscriptionMessage.MessageOneofCase.Event))
                {
                    acknowledged = (await subscriptions.AcknowledgeAsync(
                        new AcknowledgeRequest { SubscriptionId = subscription.Id, Sequence = processed }, cancellationToken: stop.Token)).AcknowledgedSequence;
                }
            }
        }
        catch (Exception ex) when (stop.IsCancellationRequested && ex is OperationCanceledException or RpcException)
        {
            break;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.Cancelled or StatusCode.Internal)
        {
            // the server restarted or shut down, cut a slow stream off, or the connection was reset
            Console.WriteLine($"-- stream ended ({ex.StatusCode}: {ex.Status.Detail}); resuming after {position?.ToString(CultureInfo.InvariantCulture) ?? "the acknowledged position"} in {backoff.TotalSeconds:0} s");
            try
            {
                await Task.Delay(backoff, stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            backoff = TimeSpan.FromSeconds(Math.Min(backoff.TotalSeconds * 2, 30));
        }
    }
    return 0;
}

static string Describe(Notification n) => n.ContentCase switch
{
    Notification.ContentOneofCase.Maneuver =>
        $"maneuver of {n.Maneuver.Object.NoradCatId} ({n.Maneuver.Purpose}) {n.Maneuver.ExecutionWindow.Start.ToDateTime():u}, {n.Maneuver.PlannedDeltaV.MagnitudeMps} m/s",
    Notification.ContentOneofCase.ProximityOperation =>
        $"proximity operation of {n.ProximityOperation.Chaser.NoradCatId} near {n.ProximityOperation.Target.NoradCatId}, closest {n.ProximityOperation.PlannedClosestApproachM} m",
    Notification.ContentOneofCase.Launch => $"launch of {n.Launch.Vehicle} from {n.Launch.Site.Name}, {n.Launch.LaunchWindow.Start.ToDateTime():u}",
    _ => n.Kind.ToString(),
};
