using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// What a notice says of where its objects will be (a proximity operation's planned burns, a payload's insertion
/// orbit, a launch's stage orbits) is filed, amended, read back and retried like every other field.
/// </summary>
public class PlannedTrajectoryFilingTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private ExchangeClient _operator = null!;

    [OneTimeSetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        _operator = await _host.NewOperatorAsync("trajectory-ops");
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task A_proximity_operations_planned_burns_are_filed_and_read_back_as_sent()
    {
        var notice = Notices.ProximityOperationWithBurns();

        var filed = (await _operator.Notifications.FileNotificationAsync(Notices.File(notice))).Notification;
        var read = (await _operator.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id })).Notification;

        Assert.Multiple(() =>
        {
            Assert.That(filed.ProximityOperation, Is.EqualTo(notice), "the whole notice, burns included, comes back as sent");
            Assert.That(read.AsAnswered(), Is.EqualTo(filed), "what Get returns is what File answered");
            Assert.That(read.ProximityOperation.PlannedManeuvers.Select(b => b.DeltaVMps.Radial), Is.EqualTo(new[] { 0, 0.012 }));
            Assert.That(filed.Screening, Is.Null, "the answer to a filing comes before any screen");
        });
    }

    [Test]
    public async Task A_launchs_insertion_and_stage_orbits_are_filed_read_back_and_give_their_regimes()
    {
        var notice = Notices.LaunchWithOrbits();
        notice.StageOrbits.Add(new StageOrbit
        {
            Name = "second stage, left in transfer orbit",
            InsertionOrbit = new MeanElements
            {
                Epoch = notice.LaunchWindow.Start,
                PerigeeAltitudeKm = 250,
                ApogeeAltitudeKm = 35786,
                InclinationDeg = 6,
                RaanDeg = 10,
                ArgOfPerigeeDeg = 178,
                MeanAnomalyDeg = 0,
            },
        });

        var filed = (await _operator.Notifications.FileNotificationAsync(Notices.File(notice))).Notification;
        var read = (await _operator.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id })).Notification;

        Assert.Multiple(() =>
        {
            Assert.That(filed.Launch, Is.EqualTo(notice), "the whole notice, orbits included, comes back as sent");
            Assert.That(read.AsAnswered(), Is.EqualTo(filed), "what Get returns is what File answered");
            Assert.That(read.Launch.PayloadOrbits[0].InsertionOrbit.HasSemiMajorAxisKm, Is.True, "the way the size was given is kept");
            Assert.That(read.Launch.StageOrbits[1].InsertionOrbit.HasSemiMajorAxisKm, Is.False);
            Assert.That(read.Regimes, Is.EquivalentTo(new[] { OrbitalRegime.Meo, OrbitalRegime.Heo }), "the stage left in transfer orbit is HEO; the payload MEO");
        });
    }

    [Test]
    public async Task An_amendment_replaces_the_burns_and_orbits_and_the_earlier_version_keeps_its_own()
    {
        var rpo = Notices.ProximityOperationWithBurns();
        var filedRpo = (await _operator.Notifications.FileNotificationAsync(Notices.File(rpo))).Notification;
        var changedRpo = rpo.Clone();
        changedRpo.PlannedManeuvers.RemoveAt(0);
        changedRpo.PlannedManeuvers[0].DeltaVMps.InTrack = -0.03;
        var launch = Notices.LaunchWithOrbits();
        var filedLaunch = (await _operator.Notifications.FileNotificationAsync(Notices.File(launch))).Notification;
        var changedLaunch = launch.Clone();
        changedLaunch.StageOrbits.Clear();
        changedLaunch.PayloadOrbits[0].InsertionOrbit = null;

        var amendedRpo = (await _operator.Notifications.AmendNotificationAsync(new AmendNotificationRequest
        {
            NotificationId = filedRpo.Id, RequestId = Guid.NewGuid().ToString(), ProximityOperation = changedRpo, Reason = "first burn dropped",
        })).Notification;
        var amendedLaunch = (await _operator.Notifications.AmendNotificationAsync(new AmendNotificationRequest
        {
            NotificationId = filedLaunch.Id, RequestId = Guid.NewGuid().ToString(), Launch = changedLaunch, Reason = "stage to be deorbited",
        })).Notification;
        var rpoHistory = await _operator.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filedRpo.Id, IncludeHistory = true });
        var launchHistory = await _operator.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filedLaunch.Id, IncludeHistory = true });

        Assert.Multiple(() =>
        {
            Assert.That(amendedRpo.ProximityOperation.PlannedManeuvers, Is.EqualTo(changedRpo.PlannedManeuvers));
            Assert.That(rpoHistory.Notification.AsAnswered(), Is.EqualTo(amendedRpo));
            Assert.That(rpoHistory.History.Select(h => h.Notification.ProximityOperation.PlannedManeuvers.Count), Is.EqualTo(new[] { 2, 1 }));
            Assert.That(rpoHistory.History[0].Notification.ProximityOperation, Is.EqualTo(rpo));
            Assert.That(amendedLaunch.Launch, Is.EqualTo(changedLaunch));
            Assert.That(amendedLaunch.Regimes, Is.EqualTo(new[] { OrbitalRegime.Meo }));
            Assert.That(launchHistory.History[0].Notification.Launch, Is.EqualTo(launch));
        });
    }

    [Test]
    public async Task A_retry_with_a_different_planned_burn_is_refused_on_the_request_id_naming_the_burn()
    {
        var request = Notices.File(Notices.ProximityOperationWithBurns(), "burns-once");
        var first = await _operator.Notifications.FileNotificationAsync(request);
        var changed = request.Clone();
        changed.ProximityOperation.PlannedManeuvers[1].DeltaVMps.CrossTrack = 0.002;
        var launch = Notices.File(Notices.LaunchWithOrbits(), "orbits-once");
        await _operator.Notifications.FileNotificationAsync(launch);
        var otherStage = launch.Clone();
        otherStage.Launch.StageOrbits[0].InsertionOrbit.MeanAnomalyDeg = 201;

        var replay = await _operator.Notifications.FileNotificationAsync(request.Clone());
        var refused = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(changed));
        var refusedLaunch = await GrpcAssert.InvalidFieldsAsync(async () => await _operator.Notifications.FileNotificationAsync(otherStage));

        Assert.Multiple(() =>
        {
            Assert.That(replay.Replayed, Is.True);
            Assert.That(replay.Notification, Is.EqualTo(first.Notification));
            Assert.That(refused.Keys, Is.EqualTo(new[] { "request_id" }));
            Assert.That(refused["request_id"], Does.Contain("proximity_operation.planned_maneuvers[1].delta_v_mps.cross_track (first 0.001, now 0.002)"));
            Assert.That(refusedLaunch["request_id"], Does.Contain("launch.stage_orbits[0].insertion_orbit.mean_anomaly_deg (first 200, now 201)"));
        });
    }

    [Test]
    public async Task A_notification_stored_before_notices_had_burns_or_orbits_reads_back_without_them()
    {
        using var database = new TestDatabase();
        string rpoId, launchId;
        await using (var before = await ExchangeHost.StartAsync(database.Path))
        {
            var filer = await before.NewOperatorAsync("older-ops");
            rpoId = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.ProximityOperation()))).Notification.Id;
            launchId = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Launch()))).Notification.Id;
        }
        // as a build before these fields wrote the snapshots: without the (empty) lists at all
        await TestStore.ExecuteAsync(database.Path, "UPDATE events SET snapshot = replace(replace(snapshot, ',\"planned_maneuvers\":[]', ''), ',\"stage_orbits\":[]', '');");
        Assert.That(await TestStore.ScalarAsync(database.Path, "SELECT count(*) FROM events WHERE snapshot LIKE '%planned_maneuvers%' OR snapshot LIKE '%stage_orbits%';"),
            Is.Zero, "the snapshots now have neither list");
        await using var after = await ExchangeHost.StartAsync(database.Path);
        var reader = await after.NewOperatorAsync("newer-ops");

        var rpo = await reader.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = rpoId, IncludeHistory = true });
        var launch = await reader.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = launchId, IncludeHistory = true });

        Assert.Multiple(() =>
        {
            Assert.That(rpo.History.Select(h => h.UnreadableReason), Is.EqualTo(new[] { "" }));
            Assert.That(rpo.Notification.ProximityOperation.PlannedManeuvers, Is.Empty);
            Assert.That(rpo.Notification.ProximityOperation.AbortPlan, Is.EqualTo(Notices.ProximityOperation().AbortPlan));
            Assert.That(launch.History.Select(h => h.UnreadableReason), Is.EqualTo(new[] { "" }));
            Assert.That(launch.Notification.Launch.StageOrbits, Is.Empty);
            Assert.That(launch.Notification.Launch.PayloadOrbits.Single().InsertionOrbit, Is.Null);
        });
    }

    [Test]
    public async Task A_burn_at_either_end_of_the_operations_window_is_inside_it()
    {
        var notice = Notices.ProximityOperation();
        notice.PlannedManeuvers.Add(new PlannedBurn { Ignition = notice.OperationsWindow.Start, DeltaVMps = new RtnVector { Radial = 0.01 } });
        notice.PlannedManeuvers.Add(new PlannedBurn { Ignition = notice.OperationsWindow.End, DeltaVMps = new RtnVector { CrossTrack = -0.01 } });

        var filed = (await _operator.Notifications.FileNotificationAsync(Notices.File(notice))).Notification;

        Assert.That(filed.ProximityOperation.PlannedManeuvers, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task An_insertion_orbit_within_1_km_and_0_01_deg_of_the_target_orbit_agrees_with_it()
    {
        var notice = Notices.LaunchWithOrbits();
        var payload = notice.PayloadOrbits[0];
        payload.InsertionOrbit = new MeanElements
        {
            Epoch = notice.LaunchWindow.End,
            PerigeeAltitudeKm = payload.PerigeeAltitudeKm - 1,
            ApogeeAltitudeKm = payload.ApogeeAltitudeKm + 1,
            InclinationDeg = payload.InclinationDeg + 0.01,
            RaanDeg = 360,
            ArgOfPerigeeDeg = 0,
            MeanAnomalyDeg = 0,
        };

        var filed = (await _operator.Notifications.FileNotificationAsync(Notices.File(notice))).Notification;

        Assert.That(filed.Launch.PayloadOrbits[0].InsertionOrbit, Is.EqualTo(payload.InsertionOrbit));
    }
}
