using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Cli.Commands.Consultations;
using NotificationExchange.Cli.Commands.Filing;
using NotificationExchange.Cli.Commands.Subscriptions;
using NotificationExchange.Cli.Output;
using NotificationExchange.Client;
using NotificationExchange.Client.Errors;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Demo;

/// <summary>
/// nxc demo: a newcomer's first five minutes against a running exchange, every step a real call. Two operators and an
/// agency join; they register objects; Aurora files a maneuver whose new orbit passes Boreal's satellite, an RPO intent
/// and Boreal a launch; the streams of Boreal and the agency show what arrives, the proximity alert among it; both
/// operators acknowledge the alert with their intents; Boreal opens a consultation, they talk and close it with an
/// agreed action, and the transcript's digest is shown. Ids carry a random tag, so the demo runs again on the same
/// store; the organisations' keys are printed so that the newcomer can go on as any of them.
/// </summary>
/// <param name="administrator">The connection, with an administrator's key (it creates the organisations).</param>
/// <param name="say">Where the narrative goes, line by line (stdout for people, stderr beside a JSON summary).</param>
/// <param name="alertWait">How long to wait for the alert before going on without it.</param>
internal sealed class FirstFiveMinutes(NxClientOptions administrator, Action<string> say, TimeSpan alertWait)
{
    private readonly List<DemoOrganisation> _organisations = [];

    public async Task<DemoSummary> RunAsync(CancellationToken cancellationToken)
    {
        using var admin = NxClient.Create(administrator);
        var now = (await admin.Registry.GetCatalogueStatusAsync(new GetCatalogueStatusRequest(), cancellationToken)).Now.ToDateTime();
        var tag = Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.Next()))[..4];
        var firstNorad = (uint)Random.Shared.Next(80_000, 89_990);
        try
        {
            Step($"1. Three organisations join (tag {tag}; the exchange's time is {Words.Time(Timestamp.FromDateTime(now))})");
            var aurora = await JoinAsync(admin, $"aurora-{tag}", "Aurora Orbital (demo)", OrganizationKind.Operator, "FR", cancellationToken);
            var boreal = await JoinAsync(admin, $"boreal-{tag}", "Boreal Space (demo)", OrganizationKind.Operator, "NO", cancellationToken);
            var agency = await JoinAsync(admin, $"agency-{tag}", "Demo National Space Agency", OrganizationKind.Agency, "DE", cancellationToken);

            Step("2. They register the objects they fly (orbits as TLEs, epoch now)");
            var borealSat = firstNorad;
            var auroraSat = firstNorad + 1;
            var servicer = firstNorad + 2;
            var client = firstNorad + 3;
            var borealElements = DemoOrbits.Circular((int)borealSat, now, 550, 53, 40, 0);
            await RegisterAsync(boreal, borealSat, $"BOREAL-7 {tag}", "2026-900A", DemoOrbits.Tle(borealElements, "2026-900A"), cancellationToken);
            var encounter = EncounterManeuver.Design(auroraSat, $"AURORA-1 {tag}", DemoOrbits.Path(borealElements), borealSat, now, 90, 0.3);
            await RegisterAsync(aurora, auroraSat, $"AURORA-1 {tag}", "2026-901A",
                DemoOrbits.Tle(DemoOrbits.FromNotice((int)auroraSat, encounter.BeforeBurn), "2026-901A"), cancellationToken);
            await RegisterAsync(aurora, servicer, $"AURORA-SERVICER {tag}", "2026-901B",
                DemoOrbits.Tle(DemoOrbits.Circular((int)servicer, now, 700, 98.2, 120, 10), "2026-901B"), cancellationToken);
            await RegisterAsync(aurora, client, $"AURORA-2 {tag}", "2026-901C",
                DemoOrbits.Tle(DemoOrbits.Circular((int)client, now, 700, 98.2, 120, 12), "2026-901C"), cancellationToken);

            Step("3. Boreal and the agency follow what concerns them (subscriptions, streamed live)");
            using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var alertRaised = new TaskCompletionSource<Alert>(TaskCreationOptions.RunContinuationsAsynchronously);
            var watchers = new[]
            {
                await WatchAsync(boreal, alertRaised, stopWatching.Token),
                await WatchAsync(agency, null, stopWatching.Token),
            };

            Step("4. Aurora files a maneuver and an RPO intent; Boreal files a launch");
            var maneuver = await FileAsync(aurora, encounter.Request, cancellationToken);
            var rpo = await FileAsync(aurora, new FileNotificationRequest { ProximityOperation = DemoNotices.Servicing(servicer, client, aurora.Name, now) }, cancellationToken);
            var launch = await FileAsync(boreal, new FileNotificationRequest { Launch = DemoNotices.Launch(now) }, cancellationToken);

            Step($"5. The exchange screens the maneuver: Boreal is warned of AURORA-1 passing BOREAL-7 (waiting up to {alertWait.TotalSeconds:0} s)");
            var alert = await Task.WhenAny(alertRaised.Task, Task.Delay(alertWait, cancellationToken)) == alertRaised.Task ? alertRaised.Task.Result : null;
            string? consultationAbout = null;
            if (alert is null)
            {
                say($"   no alert within {alertWait.TotalSeconds:0} s (the exchange may still be screening: nxc alerts list as {boreal.Id} later)");
            }
            else
            {
                say($"   {alert.Id}: TCA {Words.Time(alert.Tca)}, miss {Words.Number(alert.MissDistanceM, "0")} m, {Words.Number(alert.RelativeSpeedMps, "0")} m/s");
                Step("6. Both operators acknowledge it and say what they will do");
                await boreal.Client.Alerts.AcknowledgeAlertAsync(new AcknowledgeAlertRequest
                {
                    AlertId = alert.Id, NoradCatId = borealSat, Intent = ManeuverIntent.WillNotManeuver, Note = "BOREAL-7 has no propellant margin this week.",
                }, cancellationToken);
                var acknowledged = await aurora.Client.Alerts.AcknowledgeAlertAsync(new AcknowledgeAlertRequest
                {
                    AlertId = alert.Id, NoradCatId = auroraSat, Intent = ManeuverIntent.WillManeuver, Note = "We will retarget the burn.",
                }, cancellationToken);
                say($"   {alert.Id} v{acknowledged.Version}: {boreal.Id} will not maneuver, {aurora.Id} will");
                consultationAbout = alert.Id;
            }

            // The filer sees the alerts its notice raised; to anyone else they exist only when a party.
            Step("7. Each filer reads its notices back, with how the exchange screened each so far");
            foreach (var (id, filer) in new[] { (maneuver, aurora), (rpo, aurora), (launch, boreal) })
            {
                var read = await filer.Client.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = id }, cancellationToken);
                say($"   {id} v{read.Notification.Version} by {read.Notification.FilingOperator}: screening {Screening(read.Notification.Screening)}");
            }

            Step("8. Boreal opens a consultation with Aurora; they talk and close it with an agreed action");
            var request = new RequestConsultationRequest
            {
                Subject = "AURORA-1 passing BOREAL-7 after your maneuver",
                Body = "Please confirm how you will retarget the burn.",
                Urgency = ConsultationUrgency.Priority,
            };
            request.Counterparts.Add(aurora.Id);
            if (consultationAbout is { } alertId)
            {
                request.AlertId = alertId;
            }
            else
            {
                request.NotificationId = maneuver;
            }
            var consultation = await boreal.Client.Consultations.RequestConsultationAsync(request, cancellationToken);
            say($"   {consultation.Id} requested by {boreal.Id}");
            await aurora.Client.Consultations.AcceptConsultationAsync(new AcceptConsultationRequest { ConsultationId = consultation.Id }, cancellationToken);
            say($"   {aurora.Id} accepts");
            await SayAsync(boreal, consultation.Id, "Our satellite cannot move this week. Can you delay your burn by 10 minutes?", cancellationToken);
            await SayAsync(aurora, consultation.Id, "Yes: we burn 10 minutes later and file an amendment within the hour.", cancellationToken);
            var closure = new ProposeClosureRequest { ConsultationId = consultation.Id, OutcomeSummary = $"{aurora.Id} delays its burn by 10 minutes and amends {maneuver}" };
            closure.Actions.Add(new AgreedAction { OrganizationId = aurora.Id, Action = $"Amend {maneuver} with the burn 10 minutes later" });
            await boreal.Client.Consultations.ProposeClosureAsync(closure, cancellationToken);
            var closed = await aurora.Client.Consultations.ConfirmClosureAsync(new ConfirmClosureRequest { ConsultationId = consultation.Id }, cancellationToken);
            var transcript = await boreal.Client.Consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = consultation.Id }, cancellationToken);
            say($"   {consultation.Id} {Words.Token(closed.State)}; transcript SHA-256 {transcript.Sha256}");

            await stopWatching.CancelAsync();
            await Task.WhenAll(watchers);

            Step("Go on as any of them:");
            foreach (var organisation in _organisations)
            {
                // On stdin, not as --key: echo is the shell's own, so the key shows in no process list.
                say($"   echo {organisation.ApiKey} | nxc login --server {administrator.Address.ToString().TrimEnd('/')} --profile {organisation.Id}");
            }
            say($"   then e.g. nxc alerts list --profile {boreal.Id}; nxc consult transcript {consultation.Id} --profile {aurora.Id}; nxc show {maneuver} --profile {agency.Id}");
            return new DemoSummary(
                _organisations.Select(o => new DemoSummary.Organisation(o.Id, o.Name, o.ApiKey)).ToArray(),
                [borealSat, auroraSat, servicer, client], [maneuver, rpo, launch], alert?.Id, consultation.Id, transcript.Sha256);
        }
        finally
        {
            foreach (var organisation in _organisations)
            {
                organisation.Client.Dispose();
            }
        }
    }

    private void Step(string text) => say(text);

    private static string Screening(ScreeningStatus? status) => status switch
    {
        null => "-",
        { State: ScreeningState.Screened } screened => $"screened against {screened.ObjectsScreened} objects, "
            + (screened.AlertIds.Count == 0 ? "no alert" : $"alerts {string.Join(", ", screened.AlertIds)}"),
        var other => Words.Token(other.State) + (other.Reasons.Count > 0 ? $" ({string.Join("; ", other.Reasons)})" : ""),
    };

    private async Task<DemoOrganisation> JoinAsync(NxClient admin, string id, string name, OrganizationKind kind, string country, CancellationToken cancellationToken)
    {
        var request = new CreateOperatorRequest { OperatorId = id, DisplayName = name, Kind = kind, Country = country };
        request.Contacts.Add(new ContactPoint { Role = ContactRole.Primary, Name = "Flight dynamics duty engineer", Email = $"fdo@{id}.example" });
        request.Contacts.Add(new ContactPoint { Role = ContactRole.Operations247, Name = "Operations desk", Phone = "+33 5 61 00 00 00" });
        var created = await admin.Operators.CreateOperatorAsync(request, cancellationToken);
        var options = new NxClientOptions
        {
            Address = administrator.Address,
            ApiKey = created.ApiKey,
            CallTimeout = administrator.CallTimeout,
            TrustedCertificateAuthorityPath = administrator.TrustedCertificateAuthorityPath,
        };
        var organisation = new DemoOrganisation(id, name, created.ApiKey, NxClient.Create(options));
        _organisations.Add(organisation);
        say($"   {id}: {name}, {Words.Kind(kind)}, {country}");
        return organisation;
    }

    private async Task RegisterAsync(DemoOrganisation owner, uint norad, string name, string cospar, TwoLineElementSet tle, CancellationToken cancellationToken)
    {
        var registered = await owner.Client.Registry.RegisterObjectAsync(new RegisterObjectRequest
        {
            Object = new SpaceObject { NoradCatId = norad, Name = name, CosparId = cospar },
            Maneuverable = true,
            HardBodyRadiusM = 5,
            Orbit = new ObjectOrbit { Tle = tle },
            Sharing = SharingPolicy.FullState,
        }, cancellationToken);
        say($"   {owner.Id} registers {norad} {registered.Object.Name} ({Words.Token(registered.Regime)})");
    }

    private async Task<string> FileAsync(DemoOrganisation filer, FileNotificationRequest request, CancellationToken cancellationToken)
    {
        var filed = (await filer.Client.Notifications.FileNotificationAsync(request, cancellationToken)).Notification;
        say($"   {filer.Id} files {filed.Id} (sequence {filed.Sequence}): {NotificationText.Detail(filed)}");
        return filed.Id;
    }

    private async Task SayAsync(DemoOrganisation speaker, string consultationId, string text, CancellationToken cancellationToken)
    {
        var accepted = await OneMessage.SayAsync(speaker.Client, consultationId, text, administrator.CallTimeout, cancellationToken);
        say($"   {speaker.Id} (message {accepted.Sequence}): {text}");
    }

    /// <summary>Creates a subscription for <paramref name="organisation"/> and prints what arrives on it until stopped;
    /// the first RAISED alert on a Boreal object completes <paramref name="alertRaised"/>.</summary>
    private async Task<Task> WatchAsync(DemoOrganisation organisation, TaskCompletionSource<Alert>? alertRaised, CancellationToken cancellationToken)
    {
        var subscription = await organisation.Client.Subscriptions.CreateSubscriptionAsync(
            new CreateSubscriptionRequest { Name = "nxc demo", Start = StartPosition.Latest, Filter = new SubscriptionFilter() }, cancellationToken);
        say($"   {organisation.Id} subscribes ({subscription.Id})");
        return Task.Run(async () =>
        {
            try
            {
                await foreach (var message in organisation.Client.Subscriptions.Watch(subscription.Id, cancellationToken: cancellationToken))
                {
                    if (EventText.Line(message) is { } line)
                    {
                        say($"   [{organisation.Id} stream] {line}");
                    }
                    if (message.AlertEvent is { EventType: AlertEventType.Raised } raised)
                    {
                        alertRaised?.TrySetResult(raised.Alert);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (NxException e)
            {
                say($"   [{organisation.Id} stream] ended: {e.Error.Code}: {e.Error.Message}");
            }
        }, CancellationToken.None);
    }
}
