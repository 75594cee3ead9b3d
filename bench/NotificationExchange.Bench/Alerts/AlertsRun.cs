using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using NotificationExchange.Orbits.Screening;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Bench.Alerts;

internal sealed record AlertsSettings(TimeSpan Duration, double Rate, int Launches, string CataloguePath, DateTime SimulationStart);

/// <summary>
/// One repeat of the alerts benchmark against one exchange process: an owner registers ISS and two Starlinks, the
/// administrator loads the catalogue (the owner's objects then get their standing screen, which the run waits for), and
/// a filer files maneuvers and proximity operations of catalogue objects at a fixed rate, then launches. For each
/// filing it measures, on the benchmark's one clock, from the start of its FileNotification call to its first RAISED
/// alert on the owner's stream and on the filer's, and to the first GetNotification that shows it screened.
/// </summary>
internal sealed class AlertsRun(string server, string adminKey, AlertsSettings settings, CatalogueObjects objects, StandingScreenLog standing)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ScreenTimeout = TimeSpan.FromMinutes(5);

    private readonly ConcurrentBag<Filing> _filings = [];
    // First RAISED alert event per notification id on each party's stream (benchmark timestamp), and on the filer's
    // per launch payload (the alert's primary object's name).
    private readonly ConcurrentDictionary<string, long> _ownerAlerts = new();
    private readonly ConcurrentDictionary<string, long> _filerAlerts = new();
    private readonly ConcurrentDictionary<string, long> _payloadAlerts = new();
    // "<notification id>/<secondary's catalogue number>" of every RAISED alert on the owner's stream.
    private readonly ConcurrentDictionary<string, bool> _ownerAlertsMeeting = new();
    private long _ownerRaised;
    private long _filerRaised;

    public async Task<AlertsResult> RunAsync()
    {
        var runId = Guid.NewGuid().ToString("N")[..6];
        using var adminChannel = AuthorizedChannel.For(server, adminKey);
        var admin = new OperatorService.OperatorServiceClient(adminChannel);
        var adminRegistry = new ObjectRegistryService.ObjectRegistryServiceClient(adminChannel);
        var ownerKey = (await admin.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = $"owner-{runId}", DisplayName = "bench owner" })).ApiKey;
        var filerKey = (await admin.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = $"filer-{runId}", DisplayName = "bench filer" })).ApiKey;
        using var ownerChannel = AuthorizedChannel.For(server, ownerKey);
        using var filerChannel = AuthorizedChannel.For(server, filerKey);
        var registry = new ObjectRegistryService.ObjectRegistryServiceClient(ownerChannel);
        var notifications = new NotificationService.NotificationServiceClient(filerChannel);

        foreach (var tle in objects.Registered)
        {
            await registry.RegisterObjectAsync(new RegisterObjectRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                Object = new SpaceObject { NoradCatId = (uint)tle.CatalogNumber, Name = tle.Name ?? "" },
                Maneuverable = true,
                HardBodyRadiusM = tle.CatalogNumber == CatalogueObjects.Iss ? 50 : 5,
                Orbit = new ObjectOrbit { Tle = new TwoLineElementSet { Line1 = tle.Line1, Line2 = tle.Line2 } },
            });
        }
        Console.WriteLine($"  owner registered {string.Join(", ", objects.Registered.Select(t => $"{t.Name} ({t.CatalogNumber})"))}");

        var loading = Stopwatch.StartNew();
        var report = await adminRegistry.LoadCatalogueAsync(new LoadCatalogueRequest
        {
            RequestId = Guid.NewGuid().ToString(), Path = settings.CataloguePath, Source = Path.GetFileName(settings.CataloguePath),
        }, deadline: DateTime.UtcNow.AddMinutes(10));
        var loadSeconds = loading.Elapsed.TotalSeconds;
        Console.WriteLine($"  catalogue load {report.LoadId}: {report.Total} entries read as {report.Format}, {report.Added.Count} added, {report.Rejected.Count} rejected, in {loadSeconds:0.0} s");
        var standingTook = await standing.WaitAsync(report.LoadId, objects.Registered.Count, TimeSpan.FromMinutes(15));
        var standingSeconds = loading.Elapsed.TotalSeconds - loadSeconds;
        var status = await adminRegistry.GetCatalogueStatusAsync(new GetCatalogueStatusRequest());
        // The exchange's clock is simulated: filings are timed on it, from its reading now plus the time since.
        var offset = status.Now.ToDateTime() - DateTime.UtcNow;
        DateTime Now() => DateTime.UtcNow + offset;
        Console.WriteLine($"  standing screen of the registered objects took {standingTook.TotalSeconds:0.0} s, done {standingSeconds:0.0} s after the load; the exchange's clock reads {status.Now.ToDateTime():yyyy-MM-dd HH:mm:ss}Z (simulated: {status.Simulated}), {status.Objects} objects");

        using var stop = new CancellationTokenSource();
        var ownerStream = await OpenStreamAsync(new SubscriptionService.SubscriptionServiceClient(ownerChannel), "owner", _ownerAlerts, null, () => Interlocked.Increment(ref _ownerRaised), stop.Token);
        var filerStream = await OpenStreamAsync(new SubscriptionService.SubscriptionServiceClient(filerChannel), "filer", _filerAlerts, _payloadAlerts, () => Interlocked.Increment(ref _filerRaised), stop.Token);

        var targets = objects.Registered.Select(Trajectory.FromTle).ToArray();
        var polls = new List<Task>();
        var number = 0;
        var paced = Stopwatch.StartNew();
        await PaceAsync(settings.Duration, i =>
        {
            // A cycle of six: a maneuver built to meet a registered object, a LEO maneuver, a proximity operation, a MEO
            // maneuver, a GEO maneuver, a proximity operation (LEO and GEO chasers in turn).
            var n = number++;
            var cycle = n / 6;
            var (kind, request, meets) = (n % 6) switch
            {
                0 => (AlertsNotices.Kind.Maneuver, AlertsNotices.ManeuverToMeet(objects.Leo[200 + cycle % 100], targets[cycle % targets.Length], Now(), n), (int?)objects.Registered[cycle % targets.Length].CatalogNumber),
                1 => (AlertsNotices.Kind.Maneuver, AlertsNotices.Maneuver(objects.Leo[cycle % 100], Now(), n), null),
                2 => (AlertsNotices.Kind.Rpo, AlertsNotices.ProximityOperation(objects.Leo[100 + 2 * (cycle % 50)], objects.Leo[101 + 2 * (cycle % 50)], Now(), n), null),
                3 => (AlertsNotices.Kind.Maneuver, AlertsNotices.Maneuver(objects.Meo[cycle % objects.Meo.Count], Now(), n), null),
                4 => (AlertsNotices.Kind.Maneuver, AlertsNotices.Maneuver(objects.Geo[cycle % objects.Geo.Count], Now(), n), null),
                _ => (AlertsNotices.Kind.Rpo, AlertsNotices.ProximityOperation(objects.Geo[(2 * cycle + 10) % objects.Geo.Count], objects.Geo[(2 * cycle + 11) % objects.Geo.Count], Now(), n), null),
            };
            polls.Add(FileAndWatchAsync(notifications, kind, request, 0, meets));
        });
        var filingSeconds = paced.Elapsed.TotalSeconds;
        Console.WriteLine($"  filed {number} maneuvers and proximity operations in {filingSeconds:0.0} s; filing {settings.Launches} launches");
        var launches = 0;
        await PaceAsync(TimeSpan.FromSeconds(settings.Launches / settings.Rate), _ =>
        {
            var payloads = launches % 4 + 1;
            polls.Add(FileAndWatchAsync(notifications, AlertsNotices.Kind.Launch, AlertsNotices.Launch(payloads, Now(), launches++), payloads, null));
        });
        await Task.WhenAll(polls);
        // Every screen is recorded with its alerts in one write; give the streams a moment to deliver the last ones.
        var settle = Stopwatch.StartNew();
        while (settle.Elapsed < TimeSpan.FromSeconds(10) && _filings.Any(f => f.Id is { } id && f.Screening?.AlertIds.Count > 0 && !_filerAlerts.ContainsKey(id)))
        {
            await Task.Delay(100);
        }
        await stop.CancelAsync();
        await Task.WhenAll(ownerStream, filerStream);
        return Summarise();
    }

    private AlertsResult Summarise()
    {
        var filings = _filings.ToList();
        var previous = DateTime.MinValue;
        foreach (var f in filings.Where(f => f.Screening is not null).OrderBy(f => f.ScreenedAt))
        {
            f.OwnScreenMs = (f.ScreenedAt - (f.FiledAt > previous ? f.FiledAt : previous)).TotalMilliseconds;
            previous = f.ScreenedAt;
        }
        LatencySummary Own(AlertsNotices.Kind kind) => LatencySummary.Of(filings.Where(f => f.Kind == kind && double.IsFinite(f.OwnScreenMs)).Select(f => f.OwnScreenMs));
        double Since(Filing f, long at) => Stopwatch.GetElapsedTime(f.Started, at).TotalMilliseconds;
        LatencySummary Screened(AlertsNotices.Kind kind) => LatencySummary.Of(filings.Where(f => f.Kind == kind && double.IsFinite(f.ScreenedMs)).Select(f => f.ScreenedMs));
        LatencySummary InExchange(AlertsNotices.Kind kind) => LatencySummary.Of(filings.Where(f => f.Kind == kind && double.IsFinite(f.ServerScreenedMs)).Select(f => f.ServerScreenedMs));
        LatencySummary ToAlert(AlertsNotices.Kind kind, ConcurrentDictionary<string, long> stream) =>
            LatencySummary.Of(filings.Where(f => f.Kind == kind && f.Id is not null && stream.ContainsKey(f.Id)).Select(f => Since(f, stream[f.Id!])));
        var launchesById = filings.Where(f => f.Kind == AlertsNotices.Kind.Launch && f.Id is not null).ToDictionary(f => f.Id!);
        var perPayload = LatencySummary.Of(_payloadAlerts.Select(p => (Id: p.Key[..p.Key.IndexOf('/')], At: p.Value))
            .Where(p => launchesById.ContainsKey(p.Id)).Select(p => Since(launchesById[p.Id], p.At)));
        var targeted = filings.Where(f => f.Meets is not null).ToList();
        return new AlertsResult(
            filings.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count()),
            filings.GroupBy(f => f.Screening?.State.ToString() ?? (f.Error is null ? "not screened in time" : "refused")).ToDictionary(g => g.Key, g => g.Count()),
            filings.Where(f => f.Error is not null || f.Screening is null || f.Screening.State != ScreeningState.Screened).Take(10)
                .Select(f => $"{f.Kind} {f.Id} of {f.Subject}: {f.Error ?? (f.Screening is { } s ? string.Join("; ", s.Reasons) : "no outcome in time")}").ToList(),
            Screened(AlertsNotices.Kind.Maneuver), Screened(AlertsNotices.Kind.Rpo), Screened(AlertsNotices.Kind.Launch),
            InExchange(AlertsNotices.Kind.Maneuver), InExchange(AlertsNotices.Kind.Rpo), InExchange(AlertsNotices.Kind.Launch),
            Own(AlertsNotices.Kind.Maneuver), Own(AlertsNotices.Kind.Rpo), Own(AlertsNotices.Kind.Launch),
            ToAlert(AlertsNotices.Kind.Maneuver, _ownerAlerts), ToAlert(AlertsNotices.Kind.Rpo, _ownerAlerts), ToAlert(AlertsNotices.Kind.Launch, _ownerAlerts),
            ToAlert(AlertsNotices.Kind.Maneuver, _filerAlerts), ToAlert(AlertsNotices.Kind.Rpo, _filerAlerts), perPayload,
            filings.GroupBy(f => f.Payloads).Where(g => g.Key > 0).OrderBy(g => g.Key)
                .ToDictionary(g => g.Key, g => LatencySummary.Of(g.Where(f => double.IsFinite(f.ScreenedMs)).Select(f => f.ScreenedMs))),
            targeted.Count, targeted.Count(f => f.Id is not null && _ownerAlertsMeeting.ContainsKey($"{f.Id}/{f.Meets}")),
            Interlocked.Read(ref _ownerRaised), Interlocked.Read(ref _filerRaised),
            filings.Sum(f => (long)(f.Screening?.AlertIds.Count ?? 0)),
            filings.Where(f => f.Screening is not null).Select(f => (double)f.Screening!.ObjectsScreened).DefaultIfEmpty(double.NaN).Max());
    }

    /// <summary>Calls <paramref name="file"/> at the fixed rate for <paramref name="duration"/>, on the clock (not after each call).</summary>
    private async Task PaceAsync(TimeSpan duration, Action<int> file)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; TimeSpan.FromSeconds(i / settings.Rate) < duration; i++)
        {
            var due = TimeSpan.FromSeconds(i / settings.Rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            file(i);
        }
    }

    /// <summary>Files one notice, then asks for it every <see cref="PollInterval"/> until its screen's outcome shows.</summary>
    private async Task FileAndWatchAsync(NotificationService.NotificationServiceClient client, AlertsNotices.Kind kind, FileNotificationRequest request, int payloads, int? meets)
    {
        var subject = request.ContentCase switch
        {
            FileNotificationRequest.ContentOneofCase.Maneuver => $"{request.Maneuver.Object.Name} ({request.Maneuver.Object.NoradCatId})",
            FileNotificationRequest.ContentOneofCase.ProximityOperation => $"{request.ProximityOperation.Chaser.Name} ({request.ProximityOperation.Chaser.NoradCatId})",
            _ => $"{payloads} payload(s)",
        };
        var filing = new Filing(kind, subject, Stopwatch.GetTimestamp(), payloads, meets);
        _filings.Add(filing);
        try
        {
            filing.Id = (await client.FileNotificationAsync(request)).Notification.Id;
        }
        catch (RpcException e)
        {
            filing.Error = e.Status.Detail;
            Console.Error.WriteLine($"  {kind} refused: {e.Status.StatusCode} {e.Status.Detail}");
            return;
        }
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ScreenTimeout)
        {
            var read = await client.GetNotificationAsync(new GetNotificationRequest { NotificationId = filing.Id });
            var at = Stopwatch.GetTimestamp();
            var screening = read.Notification.Screening;
            if (screening is not null && screening.State is not (ScreeningState.Pending or ScreeningState.Unspecified))
            {
                filing.ScreenedMs = Stopwatch.GetElapsedTime(filing.Started, at).TotalMilliseconds;
                filing.ServerScreenedMs = (screening.ScreenedAt.ToDateTime() - read.Notification.FiledAt.ToDateTime()).TotalMilliseconds;
                filing.Screening = screening;
                filing.FiledAt = read.Notification.FiledAt.ToDateTime();
                filing.ScreenedAt = screening.ScreenedAt.ToDateTime();
                return;
            }
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Opens a subscription (every event, from now) and reads it until <paramref name="stop"/>; returns once it caught up.</summary>
    private async Task<Task> OpenStreamAsync(
        SubscriptionService.SubscriptionServiceClient client, string name, ConcurrentDictionary<string, long> firstAlerts,
        ConcurrentDictionary<string, long>? perPrimary, Action raised, CancellationToken stop)
    {
        var subscription = await client.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = $"bench {name}", Start = StartPosition.Latest });
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = ReadAsync();
        await caughtUp.Task;
        return reading;

        async Task ReadAsync()
        {
            ulong? position = null;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var request = new SubscribeRequest { SubscriptionId = subscription.Id };
                    if (position is { } after)
                    {
                        request.ResumeAfterSequence = after;
                    }
                    using var call = client.Subscribe(request, cancellationToken: stop);
                    await foreach (var message in call.ResponseStream.ReadAllAsync(stop))
                    {
                        var at = Stopwatch.GetTimestamp();
                        switch (message.MessageCase)
                        {
                            case SubscriptionMessage.MessageOneofCase.CaughtUp:
                                position = Math.Max(position ?? 0, message.CaughtUp.Sequence);
                                caughtUp.TrySetResult();
                                break;
                            case SubscriptionMessage.MessageOneofCase.Event:
                                position = message.Event.Sequence;
                                break;
                            case SubscriptionMessage.MessageOneofCase.Unreadable:
                                position = message.Unreadable.Sequence;
                                break;
                            case SubscriptionMessage.MessageOneofCase.AlertEvent:
                                var alertEvent = message.AlertEvent;
                                position = alertEvent.Sequence;
                                if (alertEvent.EventType == AlertEventType.Raised && alertEvent.Alert.NotificationId is { Length: > 0 } id)
                                {
                                    raised();
                                    firstAlerts.TryAdd(id, at);
                                    perPrimary?.TryAdd($"{id}/{alertEvent.Alert.Primary.Object.Name}", at);
                                    if (perPrimary is null)
                                    {
                                        _ownerAlertsMeeting.TryAdd($"{id}/{alertEvent.Alert.Secondary.Object.NoradCatId}", true);
                                    }
                                }
                                break;
                        }
                    }
                }
                catch (RpcException e) when (!stop.IsCancellationRequested && e.StatusCode is StatusCode.ResourceExhausted or StatusCode.Unavailable or StatusCode.Internal)
                {
                    Console.Error.WriteLine($"  {name} stream ended ({e.StatusCode}); resuming");
                    await Task.Delay(200, CancellationToken.None);
                }
                catch (RpcException) when (stop.IsCancellationRequested)
                {
                }
                catch (OperationCanceledException)
                {
                }
                catch (Exception e)
                {
                    caughtUp.TrySetException(e);
                    throw;
                }
            }
        }
    }
}
