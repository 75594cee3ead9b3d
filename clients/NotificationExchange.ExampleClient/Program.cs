using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using NotificationExchange.ExampleClient.Alerts;
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
//   nx-example consult <counterpart> <routine|priority|urgent> <subject> [notification-id]
//                                                                   (requests a consultation about a notification or the subject)
//   nx-example consultations                                        (the caller's consultations, newest first)
//   nx-example acknowledge|accept <consultation-id>
//   nx-example decline|withdraw <consultation-id> <reason>
//   nx-example say <consultation-id> <text>                         (one message on the consultation's conversation)
//   nx-example conversation <consultation-id>                       (every message so far, then live ones until Ctrl+C)
//   nx-example propose-closure <consultation-id> <summary> [<organisation> <action>] ...
//   nx-example confirm-closure <consultation-id>
//   nx-example consultation <consultation-id>                       (its state and every change)
//   nx-example transcript <consultation-id> [json]                  (the full record, and its SHA-256)
//   nx-example propose-line <organisation> <purpose>                (a standing direct line; active once the other accepts)
//   nx-example accept-line <line-id>
//   nx-example lines                                                (the caller's direct lines)
//   nx-example ring <line-id> <subject>                             (an urgent consultation, open at once)
//   nx-example register-object <norad> <tle-line1> <tle-line2> [full|derived] [radius-m]   (an object the caller operates)
//   nx-example register-object <norad> --from-catalogue <file> [full|derived] [radius-m]  (its element set from a TLE/3LE file)
//   nx-example objects                                              (every registered object)
//   nx-example catalogue-status                                     (the exchange's clock, the catalogue, standing screening)
//   nx-example load-catalogue <file>                                (administrators: load or refresh the reference catalogue)
//   nx-example alerts                                               (alerts on the caller's objects and filings, by TCA)
//   nx-example alert <alert-id>                                     (one alert, both sides, every version)
//   nx-example ack-alert <alert-id> <will|wont|undecided> [note]    (acknowledge with the caller's maneuver intent)
//   nx-example cdm <alert-id> [xml]                                 (the alert as a CCSDS CDM)
//   nx-example file-encounter <own-norad> <target-norad> [minutes-to-tca] [miss-km]
//                                                                   (demo: a maneuver whose new orbit passes miss-km above the
//                                                                    registered target at the exchange's now + minutes)
//
// The exchange's address comes from NX_ADDRESS (default http://localhost:5170), the API key from NX_API_KEY.

var address = Environment.GetEnvironmentVariable("NX_ADDRESS") is { Length: > 0 } a ? a : "http://localhost:5170";
var apiKey = Environment.GetEnvironmentVariable("NX_API_KEY");
if (args.Length == 0 || string.IsNullOrEmpty(apiKey))
{
    Console.Error.WriteLine("usage: NX_API_KEY=<key> nx-example create-operator <id> <name> | file-maneuver <norad> [hours] [dv] | subscribe [norad ...]"
        + " | file-ccsds <file> [norad] | export <id> [xml] | update-profile <kind> <country|-> <name> [<role> <name> <email-or-phone>] ..."
        + " | directory [kind] [country] | consult <counterpart> <urgency> <subject> [notification-id] | consultations"
        + " | acknowledge|accept <id> | decline|withdraw <id> <reason> | say <id> <text> | conversation <id>"
        + " | propose-closure <id> <summary> [<org> <action>] ... | confirm-closure <id> | consultation <id> | transcript <id> [json]"
        + " | propose-line <org> <purpose> | accept-line <line-id> | lines | ring <line-id> <subject>"
        + " | register-object <norad> (<line1> <line2> | --from-catalogue <file>) [full|derived] [radius-m] | objects | catalogue-status"
        + " | load-catalogue <file> | alerts | alert <id> | ack-alert <id> <will|wont|undecided> [note] | cdm <id> [xml]"
        + " | file-encounter <own-norad> <target-norad> [minutes-to-tca] [miss-km]");
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
var alerts = new AlertCommands(channel, stop.Token);

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
        "consult" when args.Length >= 4 => await Consult(args[1], args[2], args[3], args.Length > 4 ? args[4] : null),
        "consultations" => await ListConsultations(),
        "acknowledge" when args.Length >= 2 => Print(await Consultations().AcknowledgeConsultationAsync(new AcknowledgeConsultationRequest { RequestId = NewRequestId(), ConsultationId = args[1] })),
        "accept" when args.Length >= 2 => Print(await Consultations().AcceptConsultationAsync(new AcceptConsultationRequest { RequestId = NewRequestId(), ConsultationId = args[1] })),
        "decline" when args.Length >= 3 => Print(await Consultations().DeclineConsultationAsync(
            new DeclineConsultationRequest { RequestId = NewRequestId(), ConsultationId = args[1], Reason = string.Join(' ', args[2..]) })),
        "withdraw" when args.Length >= 3 => Print(await Consultations().WithdrawConsultationAsync(
            new WithdrawConsultationRequest { RequestId = NewRequestId(), ConsultationId = args[1], Reason = string.Join(' ', args[2..]) })),
        "say" when args.Length >= 3 => await Say(args[1], string.Join(' ', args[2..])),
        "conversation" when args.Length >= 2 => await Conversation(args[1]),
        "propose-closure" when args.Length >= 3 && (args.Length - 3) % 2 == 0 => await ProposeClosure(args[1], args[2], args[3..]),
        "confirm-closure" when args.Length >= 2 => Print(await Consultations().ConfirmClosureAsync(new ConfirmClosureRequest { RequestId = NewRequestId(), ConsultationId = args[1] })),
        "consultation" when args.Length >= 2 => await ShowConsultation(args[1]),
        "transcript" when args.Length >= 2 => await Transcript(args[1], args.Length > 2 && args[2] == "json"),
        "propose-line" when args.Length >= 3 => PrintLine(await Consultations().ProposeDirectLineAsync(
            new ProposeDirectLineRequest { RequestId = NewRequestId(), Counterpart = args[1], Purpose = string.Join(' ', args[2..]) })),
        "accept-line" when args.Length >= 2 => PrintLine(await Consultations().AcceptDirectLineAsync(new AcceptDirectLineRequest { RequestId = NewRequestId(), DirectLineId = args[1] })),
        "lines" => (await Consultations().ListDirectLinesAsync(new ListDirectLinesRequest())).DirectLines.Sum(PrintLine),
        "ring" when args.Length >= 3 => Print(await Consultations().RingDirectLineAsync(
            new RingDirectLineRequest { RequestId = NewRequestId(), DirectLineId = args[1], Subject = string.Join(' ', args[2..]) })),
        "register-object" when args.Length is >= 4 and <= 6 => await alerts.RegisterObject(args[1..]),
        "objects" => await alerts.ListObjects(),
        "catalogue-status" => await alerts.CatalogueStatus(),
        "load-catalogue" when args.Length == 2 => await alerts.LoadCatalogue(args[1]),
        "alerts" => await alerts.ListAlerts(),
        "alert" when args.Length == 2 => await alerts.ShowAlert(args[1]),
        "ack-alert" when args.Length >= 3 => await alerts.AcknowledgeAlert(args[1], args[2], string.Join(' ', args[3..])),
        "cdm" when args.Length >= 2 => await alerts.ExportCdm(args[1], args.Length > 2 && args[2] == "xml"),
        "file-encounter" when args.Length is >= 3 and <= 5 => await alerts.FileEncounter(args[1], args[2], args.Length > 3 ? args[3] : null, args.Length > 4 ? args[4] : null),
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

ConsultationService.ConsultationServiceClient Consultations() => new(channel);

// One request id per invocation: a retry of the same command (the same process) would reuse it; a new command gets a new one.
static string NewRequestId() => Guid.NewGuid().ToString("N");

async Task<int> Consult(string counterpart, string urgency, string subject, string? notificationId)
{
    var request = new RequestConsultationRequest
    {
        RequestId = NewRequestId(),
        Counterparts = { counterpart },
        Subject = subject,
        Urgency = urgency switch
        {
            "routine" => ConsultationUrgency.Routine,
            "priority" => ConsultationUrgency.Priority,
            "urgent" => ConsultationUrgency.Urgent,
            var other => throw new FormatException($"urgency '{other}' is not routine, priority or urgent"),
        },
    };
    if (notificationId is null)
    {
        request.Topic = subject;
    }
    else
    {
        request.NotificationId = notificationId;
    }
    return Print(await Consultations().RequestConsultationAsync(request));
}

async Task<int> ListConsultations()
{
    foreach (var consultation in (await Consultations().ListConsultationsAsync(new ListConsultationsRequest())).Consultations)
    {
        Print(consultation);
    }
    return 0;
}

async Task<int> ProposeClosure(string id, string summary, string[] actions)
{
    var request = new ProposeClosureRequest { RequestId = NewRequestId(), ConsultationId = id, OutcomeSummary = summary };
    for (var i = 0; i < actions.Length; i += 2)
    {
        request.Actions.Add(new AgreedAction { OrganizationId = actions[i], Action = actions[i + 1] });
    }
    return Print(await Consultations().ProposeClosureAsync(request));
}

async Task<int> ShowConsultation(string id)
{
    var found = await Consultations().GetConsultationAsync(new GetConsultationRequest { ConsultationId = id });
    Print(found.Consultation);
    foreach (var change in found.History)
    {
        Console.WriteLine($"  #{change.Sequence} {change.RecordedAt.ToDateTime():u} {change.EventType} by {(change.Actor.Length > 0 ? change.Actor : "the exchange")}"
            + (change.Reason.Length > 0 ? $": {change.Reason}" : "")
            + (change.EscalatedOrganization.Length > 0 ? $" ({change.EscalatedOrganization}; call {string.Join(", ", change.Contacts.Select(c => $"{c.Name} {c.Phone}{c.Email}"))})" : ""));
    }
    return 0;
}

async Task<int> Say(string id, string text)
{
    using var call = Consultations().Converse(cancellationToken: stop.Token);
    await call.RequestStream.WriteAsync(new ConverseRequest { Open = new ConverseOpen { ConsultationId = id } });
    var messageId = NewRequestId();
    await call.RequestStream.WriteAsync(new ConverseRequest { Say = new ConverseSay { ClientMessageId = messageId, Text = text } });
    await foreach (var response in call.ResponseStream.ReadAllAsync(stop.Token))
    {
        if (response.KindCase == ConverseResponse.KindOneofCase.Accepted && response.Accepted.ClientMessageId == messageId)
        {
            Console.WriteLine($"message {response.Accepted.Sequence} stored");
            break;
        }
    }
    await call.RequestStream.CompleteAsync();
    return 0;
}

async Task<int> Conversation(string id)
{
    using var call = Consultations().Converse(cancellationToken: stop.Token);
    await call.RequestStream.WriteAsync(new ConverseRequest { Open = new ConverseOpen { ConsultationId = id } });
    try
    {
        await foreach (var response in call.ResponseStream.ReadAllAsync(stop.Token))
        {
            switch (response.KindCase)
            {
                case ConverseResponse.KindOneofCase.Message:
                    var message = response.Message;
                    Console.WriteLine($"#{message.Sequence} {message.SentAt.ToDateTime():u} {message.FromOrganization}: {message.Text}");
                    // tell the others how far this party has read
                    await call.RequestStream.WriteAsync(new ConverseRequest { Receipt = new ConverseReceipt { DeliveredThrough = message.Sequence, ReadThrough = message.Sequence } });
                    break;
                case ConverseResponse.KindOneofCase.Receipt:
                    Console.WriteLine($"  {response.Receipt.OrganizationId} has read up to #{response.Receipt.ReadThrough}");
                    break;
                case ConverseResponse.KindOneofCase.CaughtUp:
                    Console.WriteLine($"-- caught up at #{response.CaughtUp.Sequence}; live (Ctrl+C to stop)");
                    break;
            }
        }
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
    }
    catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && stop.IsCancellationRequested)
    {
    }
    return 0;
}

async Task<int> Transcript(string id, bool json)
{
    var transcript = await Consultations().ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = id });
    Console.WriteLine(json ? transcript.Json : transcript.Text);
    Console.WriteLine($"sha256 {transcript.Sha256}");
    return 0;
}

static int PrintLine(DirectLine line)
{
    Console.WriteLine($"{line.Id} {line.State}: {line.ProposedBy} and {line.Counterpart}, {line.Purpose}");
    return 0;
}

static int Print(Consultation c)
{
    Console.WriteLine($"{c.Id} v{c.Version} {c.State} {c.Urgency} from {c.Requester}: {c.Subject}");
    foreach (var counterpart in c.Counterparts)
    {
        Console.WriteLine($"  {counterpart.OrganizationId}: {counterpart.State}"
            + (counterpart.DeclineReason.Length > 0 ? $" ({counterpart.DeclineReason})" : "")
            + (counterpart.EscalatedAt is { } escalated ? $", escalated {escalated.ToDateTime():u}" : ""));
    }
    if (c.State == ConsultationState.Requested)
    {
        Console.WriteLine($"  acknowledge by {c.AcknowledgeBy.ToDateTime():u}");
    }
    if (c.Closure is { } closure)
    {
        Console.WriteLine($"  outcome by {closure.ProposedBy}: {closure.OutcomeSummary}; confirmed by {string.Join(", ", closure.ConfirmedBy)}");
        foreach (var action in closure.Actions)
        {
            Console.WriteLine($"    {action.OrganizationId}: {action.Action}");
        }
        if (closure.TranscriptSha256.Length > 0)
        {
            Console.WriteLine($"  transcript sha256 {closure.TranscriptSha256}");
        }
    }
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
                    case SubscriptionMessage.MessageOneofCase.ConsultationEvent:
                        var c = message.ConsultationEvent;
                        Console.WriteLine($"#{c.Sequence} consultation {c.Consultation.Id} {c.EventType} by {(c.Actor.Length > 0 ? c.Actor : "the exchange")}: "
                            + $"{c.Consultation.Subject} ({c.Consultation.State})"
                            + (c.EscalatedOrganization.Length > 0 ? $"; {c.EscalatedOrganization} did not acknowledge, call {string.Join(", ", c.Contacts.Select(p => $"{p.Name} {p.Phone}{p.Email}"))}" : ""));
                        position = c.Sequence;
                        break;
                    case SubscriptionMessage.MessageOneofCase.DirectLineEvent:
                        var d = message.DirectLineEvent;
                        Console.WriteLine($"#{d.Sequence} direct line {d.DirectLine.Id} {d.EventType}: {d.DirectLine.ProposedBy} and {d.DirectLine.Counterpart} ({d.DirectLine.State})");
                        position = d.Sequence;
                        break;
                    case SubscriptionMessage.MessageOneofCase.AlertEvent:
                        Console.WriteLine(AlertText.Event(message.AlertEvent));
                        position = message.AlertEvent.Sequence;
                        break;
                    case SubscriptionMessage.MessageOneofCase.Unreadable:
                        var u = message.Unreadable;
                        Console.WriteLine($"#{u.Sequence} {new[] { u.ConsultationId, u.DirectLineId, u.AlertId, u.NotificationId }.FirstOrDefault(id => id.Length > 0)} v{u.Version} cannot be read: {u.Reason}");
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
