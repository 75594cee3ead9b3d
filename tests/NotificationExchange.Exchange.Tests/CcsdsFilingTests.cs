using System.Globalization;
using Grpc.Core;
using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>Maneuvers filed straight from operators' OPMs and OCMs, kept with their source, and given back as OCMs.</summary>
public class CcsdsFilingTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private ExchangeClient _esa = null!;
    private DateTime _ignition;

    [SetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        _esa = await _host.NewOperatorAsync("esa-ops");
        _ignition = DateTime.UtcNow.Date.AddDays(2).AddHours(10).AddMinutes(30);
    }

    [TearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task An_opm_maneuver_is_filed_with_what_the_message_gives_and_the_supplement_fills_in()
    {
        var opm = Opm(_ignition);
        var supplement = new ManeuverNotice
        {
            Object = new SpaceObject { NoradCatId = 39634 },
            Purpose = ManeuverPurpose.CollisionAvoidance,
            Contact = new PointOfContact { Name = "Sentinel-1 flight dynamics", Email = "s1-fd@example.org" },
        };

        var filed = (await _esa.Notifications.FileNotificationAsync(new FileNotificationRequest
        {
            RequestId = "from-opm",
            CcsdsManeuver = new CcsdsManeuverNotice { Message = opm, Supplement = supplement },
        })).Notification;

        var maneuver = filed.Maneuver;
        Assert.Multiple(() =>
        {
            Assert.That(maneuver.Object.NoradCatId, Is.EqualTo(39634), "from the supplement: an OPM has no catalogue number");
            Assert.That(maneuver.Object.CosparId, Is.EqualTo("2014-016A"), "from OBJECT_ID");
            Assert.That(maneuver.Object.Name, Is.EqualTo("SENTINEL-1A"));
            Assert.That(maneuver.ExecutionWindow.Start.ToDateTime(), Is.EqualTo(_ignition));
            Assert.That(maneuver.ExecutionWindow.End.ToDateTime(), Is.EqualTo(_ignition.AddSeconds(120)), "ignition plus MAN_DURATION");
            Assert.That(maneuver.PlannedDeltaV.MagnitudeMps, Is.EqualTo(0.35).Within(1e-12));
            Assert.That(maneuver.PlannedDeltaV.ComponentsMps, Is.EqualTo(new RtnVector { InTrack = 0.35 }).Using<RtnVector>(SameVector));
            Assert.That(maneuver.Purpose, Is.EqualTo(ManeuverPurpose.CollisionAvoidance));
            Assert.That(maneuver.CurrentOrbit.MeanElements.InclinationDeg, Is.EqualTo(45).Within(1e-9), "osculating elements of the EME2000 state");
            Assert.That(filed.Regimes, Is.EqualTo(new[] { OrbitalRegime.Leo }));
            Assert.That(maneuver.Remarks, Does.Contain("Avoidance of debris 48274"));
            Assert.That(filed.Attachments.Single().Role, Is.EqualTo(AttachmentRole.Source));
            Assert.That(filed.Attachments.Single().MediaType, Is.EqualTo("text/x-ccsds-opm"));
        });
        var source = await _esa.Notifications.GetAttachmentAsync(new GetAttachmentRequest { NotificationId = filed.Id, Role = AttachmentRole.Source });
        Assert.That(source.Content, Is.EqualTo(opm), "the original is kept exactly");
    }

    [Test]
    public async Task An_ocm_in_xml_carries_object_purpose_and_contact_itself()
    {
        var ocm = new OcmMessage
        {
            Header = new() { CreationDate = CcsdsTime.FromDateTime(DateTime.UtcNow), Originator = "JAXA" },
            Metadata = new OcmMetadata
            {
                ObjectName = "GCOM-W",
                InternationalDesignator = "2012-025A",
                CatalogName = "SATCAT",
                ObjectDesignator = "38337",
                OriginatorPoc = "GCOM-W operations",
                OriginatorPhone = "+81 50 3362 0000",
                EpochTzero = CcsdsTime.FromDateTime(_ignition.AddHours(-1)),
            },
        };
        var section = new OcmManeuver
        {
            ManId = "DMU-2026-11",
            ManBasis = "PLANNED",
            ManPurpose = "STATION_KEEPING",
            ManRefFrame = "RSW_ROTATING",
            ManComposition = ["TIME_RELATIVE", "MAN_DURA", "DV_X", "DV_Y", "DV_Z"],
            ManUnits = ["s", "m/s", "m/s", "m/s"],
        };
        section.AddLine(3600.0, 30.0, 0.0, -0.12, 0.05);
        ocm.Maneuvers.Add(section);
        var xml = OcmWriter.Write(ocm, CcsdsSyntax.Xml);

        var filed = (await _esa.Notifications.FileNotificationAsync(new FileNotificationRequest
        {
            RequestId = "from-ocm",
            CcsdsManeuver = new CcsdsManeuverNotice { Message = xml },
        })).Notification;

        var maneuver = filed.Maneuver;
        Assert.Multiple(() =>
        {
            Assert.That(maneuver.Object.NoradCatId, Is.EqualTo(38337), "OBJECT_DESIGNATOR of CATALOG_NAME SATCAT");
            Assert.That(maneuver.Purpose, Is.EqualTo(ManeuverPurpose.StationKeeping), "MAN_PURPOSE");
            Assert.That(maneuver.ExecutionWindow.Start.ToDateTime(), Is.EqualTo(_ignition), "TIME_RELATIVE from EPOCH_TZERO");
            Assert.That(maneuver.PlannedDeltaV.MagnitudeMps, Is.EqualTo(Math.Sqrt(0.12 * 0.12 + 0.05 * 0.05)).Within(1e-12), "MAN_UNITS m/s");
            Assert.That(maneuver.Contact.Name, Is.EqualTo("GCOM-W operations"));
            Assert.That(maneuver.Contact.Phone, Is.EqualTo("+81 50 3362 0000"));
            Assert.That(filed.Attachments.Single().MediaType, Is.EqualTo("application/x-ccsds-ocm+xml"));
        });
    }

    [Test]
    public async Task A_bad_message_is_refused_with_every_error_and_its_line()
    {
        var broken = Opm(_ignition)
            .Replace("MAN_DV_2 = 0.00035 [km/s]", "MAN_DV_2 = 0.0o035 [km/s]")
            .Replace("REF_FRAME = EME2000", "REF_FRAME = NOT_A_FRAME")
            .Replace("MAN_DURATION = 120.0 [s]", "MAN_DURATION = 120.0 [kg]");

        var violations = await GrpcAssert.ViolationsAsync(async () => await _esa.Notifications.FileNotificationAsync(new FileNotificationRequest
        {
            RequestId = "broken",
            CcsdsManeuver = new CcsdsManeuverNotice { Message = broken },
        }));

        Assert.That(violations.Select(v => v.Field).Distinct(), Is.EqualTo(new[] { "ccsds_maneuver.message" }));
        var problems = violations.Select(v => v.Description).ToArray();
        Assert.That(problems, Has.Length.EqualTo(3));
        Assert.That(problems, Has.Some.Match(@"^line \d+, REF_FRAME: .*UnknownFrame"));
        Assert.That(problems, Has.Some.Match(@"^line \d+, MAN_DURATION: .*IncompatibleUnit"));
        Assert.That(problems, Has.Some.Match(@"^line \d+, MAN_DV_2: .*UnparsableNumber"));
    }

    [Test]
    public async Task What_neither_the_message_nor_the_supplement_gives_is_named_under_the_ccsds_field()
    {
        var fields = await GrpcAssert.InvalidFieldsAsync(async () => await _esa.Notifications.FileNotificationAsync(new FileNotificationRequest
        {
            RequestId = "bare-opm",
            CcsdsManeuver = new CcsdsManeuverNotice { Message = Opm(_ignition) },
        }));

        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "ccsds_maneuver.object.norad_cat_id", "ccsds_maneuver.purpose", "ccsds_maneuver.contact" }));
        Assert.That(fields["ccsds_maneuver.object.norad_cat_id"], Does.Contain("add it to ccsds_maneuver.supplement"));
    }

    [Test]
    public async Task Messages_that_hold_no_planned_maneuver_are_refused()
    {
        var omm = "CCSDS_OMM_VERS = 2.0\nCREATION_DATE = 2026-11-26T00:00:00\nORIGINATOR = X\n";
        var ocm = OcmWriter.Write(new OcmMessage
        {
            Header = new() { CreationDate = CcsdsTime.FromDateTime(DateTime.UtcNow), Originator = "X" },
            Metadata = new OcmMetadata { EpochTzero = CcsdsTime.FromDateTime(_ignition) },
            Maneuvers =
            {
                new OcmManeuver { ManId = "DONE", ManBasis = "DETERMINED", ManComposition = ["TIME_RELATIVE", "DV_X", "DV_Y", "DV_Z"], Lines = { new OcmManeuverLine { Values = ["0", "0.001", "0", "0"] } } },
            },
        }, CcsdsSyntax.Kvn);

        var notOpm = await GrpcAssert.InvalidFieldsAsync(async () => await _esa.Notifications.FileNotificationAsync(new FileNotificationRequest
        {
            RequestId = "omm",
            CcsdsManeuver = new CcsdsManeuverNotice { Message = omm },
        }));
        var determined = await GrpcAssert.InvalidFieldsAsync(async () => await _esa.Notifications.FileNotificationAsync(new FileNotificationRequest
        {
            RequestId = "determined",
            CcsdsManeuver = new CcsdsManeuverNotice { Message = ocm },
        }));

        Assert.That(notOpm["ccsds_maneuver.message"], Does.Contain("is a CCSDS OMM; expected a OPM or OCM"));
        Assert.That(determined["ccsds_maneuver.message"], Does.Contain("MAN_BASIS DETERMINED"));
    }

    [Test]
    public async Task A_planned_ephemeris_is_kept_when_it_covers_the_window_and_refused_when_it_does_not()
    {
        var maneuver = Notices.Maneuver();
        maneuver.Object.CosparId = "2014-016A";
        var window = maneuver.ExecutionWindow;
        var covering = CcsdsSamples.OemKvn(window.Start.ToDateTime().AddMinutes(-10), window.End.ToDateTime().AddMinutes(10));
        var short_ = CcsdsSamples.OemKvn(window.Start.ToDateTime().AddMinutes(5), window.End.ToDateTime().AddMinutes(10));

        var filed = (await _esa.Notifications.FileNotificationAsync(new FileNotificationRequest { RequestId = "with-oem", Maneuver = maneuver, PlannedEphemerisOem = covering })).Notification;
        var kept = await _esa.Notifications.GetAttachmentAsync(new GetAttachmentRequest { NotificationId = filed.Id, Role = AttachmentRole.PlannedEphemeris });
        var refused = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _esa.Notifications.FileNotificationAsync(new FileNotificationRequest { RequestId = "short-oem", Maneuver = maneuver, PlannedEphemerisOem = short_ }));
        var notManeuver = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _esa.Notifications.FileNotificationAsync(new FileNotificationRequest { RequestId = "launch-oem", Launch = Notices.Launch(), PlannedEphemerisOem = covering }));

        Assert.That(kept.Content, Is.EqualTo(covering));
        Assert.That(kept.Info.MediaType, Is.EqualTo("text/x-ccsds-oem"));
        Assert.That(refused["planned_ephemeris_oem"], Does.Contain("not the whole execution window"));
        Assert.That(notManeuver["planned_ephemeris_oem"], Does.StartWith("a launch has no planned ephemeris").And.Contain("payload_orbits[].insertion_orbit and stage_orbits"));
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () =>
            await _esa.Notifications.GetAttachmentAsync(new GetAttachmentRequest { NotificationId = filed.Id, Role = AttachmentRole.Source }));
    }

    [Test]
    public async Task A_proximity_operation_keeps_the_chasers_planned_ephemeris_when_it_covers_the_operations_window()
    {
        var rpo = Notices.ProximityOperationWithBurns();
        rpo.Chaser.CosparId = CcsdsSamples.CosparId;
        var window = rpo.OperationsWindow;
        var covering = CcsdsSamples.OemKvn(window.Start.ToDateTime().AddMinutes(-10), window.End.ToDateTime().AddMinutes(10));
        var short_ = CcsdsSamples.OemKvn(window.Start.ToDateTime(), window.End.ToDateTime().AddHours(-1));
        var otherChaser = rpo.Clone();
        otherChaser.Chaser.CosparId = "2020-001B";

        var filed = (await _esa.Notifications.FileNotificationAsync(new FileNotificationRequest { RequestId = "rpo-oem", ProximityOperation = rpo, PlannedEphemerisOem = covering })).Notification;
        var kept = await _esa.Notifications.GetAttachmentAsync(new GetAttachmentRequest { NotificationId = filed.Id, Role = AttachmentRole.PlannedEphemeris });
        var refused = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _esa.Notifications.FileNotificationAsync(new FileNotificationRequest { RequestId = "rpo-short-oem", ProximityOperation = rpo, PlannedEphemerisOem = short_ }));
        var notTheChaser = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _esa.Notifications.FileNotificationAsync(new FileNotificationRequest { RequestId = "rpo-other-oem", ProximityOperation = otherChaser, PlannedEphemerisOem = covering }));
        var amended = (await _esa.Notifications.AmendNotificationAsync(new AmendNotificationRequest
        {
            NotificationId = filed.Id, RequestId = "rpo-amend-oem", ProximityOperation = rpo, PlannedEphemerisOem = covering, Reason = "same plan, ephemeris kept",
        })).Notification;
        var otherEphemeris = await GrpcAssert.InvalidFieldsAsync(async () =>
            await _esa.Notifications.FileNotificationAsync(new FileNotificationRequest
            {
                RequestId = "rpo-oem", ProximityOperation = rpo, PlannedEphemerisOem = CcsdsSamples.OemKvn(window.Start.ToDateTime().AddMinutes(-20), window.End.ToDateTime().AddMinutes(20)),
            }));

        Assert.Multiple(() =>
        {
            Assert.That(filed.Attachments.Select(a => a.Role), Is.EqualTo(new[] { AttachmentRole.PlannedEphemeris }));
            Assert.That(kept.Content, Is.EqualTo(covering));
            Assert.That(kept.Info, Is.EqualTo(filed.Attachments.Single()));
            Assert.That(kept.Info.MediaType, Is.EqualTo("text/x-ccsds-oem"));
            Assert.That(filed.ProximityOperation, Is.EqualTo(rpo), "the notice is kept beside its ephemeris, burns included");
            Assert.That(refused["planned_ephemeris_oem"], Does.Contain("not the whole operations window"));
            Assert.That(notTheChaser["planned_ephemeris_oem"], Does.Contain($"OBJECT_ID {CcsdsSamples.CosparId} is not the chaser 2020-001B"));
            Assert.That(amended.Attachments.Select(a => a.Role), Is.EqualTo(new[] { AttachmentRole.PlannedEphemeris }), "an amendment carries its own ephemeris");
            Assert.That(otherEphemeris["request_id"], Does.Contain("planned_ephemeris_oem"), "a retry with another ephemeris is another request");
        });
    }

    [Test]
    public async Task A_maneuver_exported_as_an_ocm_reads_back_the_same_in_kvn_and_xml_and_files_the_same_notice()
    {
        var notice = Notices.Maneuver();
        notice.CurrentOrbit = new OrbitSpec
        {
            MeanElements = new MeanElements
            {
                Epoch = notice.ExecutionWindow.Start,
                SemiMajorAxisKm = 6798.1,
                Eccentricity = 0.0005,
                InclinationDeg = 51.64,
                RaanDeg = 196.3,
                ArgOfPerigeeDeg = 13.8,
                MeanAnomalyDeg = 97.4,
            },
        };
        notice.ExpectedOrbit.MeanElements.ClearApogeeAltitudeKm();
        notice.ExpectedOrbit.MeanElements.ClearPerigeeAltitudeKm();
        notice.ExpectedOrbit.MeanElements.SemiMajorAxisKm = 6799.0;
        notice.ExpectedOrbit.MeanElements.Eccentricity = 0.0004;
        var filed = (await _esa.Notifications.FileNotificationAsync(Notices.File(notice))).Notification;

        var kvn = await _esa.Notifications.ExportNotificationAsync(new ExportNotificationRequest { NotificationId = filed.Id, Format = ExportFormat.OcmKvn });
        var xml = await _esa.Notifications.ExportNotificationAsync(new ExportNotificationRequest { NotificationId = filed.Id, Format = ExportFormat.OcmXml });
        var fromKvn = OcmReader.Read(kvn.Content);
        var fromXml = OcmReader.Read(xml.Content);
        var refiled = (await _esa.Notifications.FileNotificationAsync(new FileNotificationRequest
        {
            RequestId = "refile",
            CcsdsManeuver = new CcsdsManeuverNotice { Message = kvn.Content },
        })).Notification;

        Assert.Multiple(() =>
        {
            Assert.That(kvn.FileName, Is.EqualTo($"{filed.Id}-v1.ocm"));
            Assert.That(xml.MediaType, Is.EqualTo("application/x-ccsds-ocm+xml"));
            Assert.That(OcmWriter.Write(fromXml, CcsdsSyntax.Kvn), Is.EqualTo(OcmWriter.Write(fromKvn, CcsdsSyntax.Kvn)), "KVN and XML forms carry the same content");
            Assert.That(fromKvn.Metadata.ObjectDesignator, Is.EqualTo("25544"));
            Assert.That(fromKvn.Metadata.InternationalDesignator, Is.EqualTo("1998-067A"));
            Assert.That(fromKvn.Maneuvers.Single().ManBasis, Is.EqualTo("PLANNED"));
            Assert.That(fromKvn.Maneuvers.Single().ManPurpose, Is.EqualTo("COLLISION_AVOIDANCE"));
            Assert.That(fromKvn.Trajectories.Select(t => t.TrajId), Is.EqualTo(new[] { "CURRENT_ORBIT", "EXPECTED_ORBIT" }));
            Assert.That(Normalized(refiled.Maneuver), Is.EqualTo(Normalized(filed.Maneuver)), "filing the exported OCM gives the same maneuver");
        });
    }

    [Test]
    public async Task A_proximity_operation_exported_as_an_ocm_carries_its_intent_in_user_defined_parameters()
    {
        var filed = (await _esa.Notifications.FileNotificationAsync(Notices.File(Notices.ProximityOperation()))).Notification;

        var exported = await _esa.Notifications.ExportNotificationAsync(new ExportNotificationRequest { NotificationId = filed.Id });
        var ocm = OcmReader.Read(exported.Content);
        var parameters = ocm.UserDefined!.Parameters.ToDictionary(p => p.Key, p => p.Value);
        var launch = (await _esa.Notifications.FileNotificationAsync(Notices.File(Notices.Launch()))).Notification;

        Assert.Multiple(() =>
        {
            Assert.That(ocm.Metadata.ObjectDesignator, Is.EqualTo("53000"), "the chaser is the OCM's object");
            Assert.That(parameters["NX_TARGET_NORAD_CAT_ID"], Is.EqualTo("41000"));
            Assert.That(parameters["NX_CONSENT"], Is.EqualTo("COOPERATIVE"));
            Assert.That(parameters["NX_CONSENT_REFERENCE"], Is.EqualTo("Servicing agreement SA-2026-014"));
            Assert.That(double.Parse(parameters["NX_PLANNED_CLOSEST_APPROACH_M"], CultureInfo.InvariantCulture), Is.EqualTo(50));
            Assert.That(parameters["NX_PHASE_COUNT"], Is.EqualTo("3"));
            Assert.That(parameters["NX_PHASE_2_TYPE"], Is.EqualTo("HOLD"));
            Assert.That(parameters["NX_ABORT_PLAN"], Does.StartWith("Radial separation burn"));
            Assert.That(ocm.Trajectories.Single().TrajType, Is.EqualTo("KEPLERIANMEAN"));
        });
        await GrpcAssert.FailsWithAsync(StatusCode.InvalidArgument, async () =>
            await _esa.Notifications.ExportNotificationAsync(new ExportNotificationRequest { NotificationId = launch.Id }));
    }

    private static string Opm(DateTime ignition) => $"""
        CCSDS_OPM_VERS = 2.0
        CREATION_DATE = {CcsdsSamples.Time(DateTime.UtcNow)}
        ORIGINATOR = ESA-SDO
        OBJECT_NAME = SENTINEL-1A
        OBJECT_ID = 2014-016A
        CENTER_NAME = EARTH
        REF_FRAME = EME2000
        TIME_SYSTEM = UTC
        COMMENT State vector before the maneuver
        EPOCH = {CcsdsSamples.Time(ignition.AddHours(-2))}
        X = 7000.0 [km]
        Y = 0.0 [km]
        Z = 0.0 [km]
        X_DOT = 0.0 [km/s]
        Y_DOT = 5.336 [km/s]
        Z_DOT = 5.336 [km/s]
        MASS = 2157.0 [kg]
        SOLAR_RAD_AREA = 20.0 [m**2]
        SOLAR_RAD_COEFF = 1.3
        DRAG_AREA = 20.0 [m**2]
        DRAG_COEFF = 2.2
        COMMENT Avoidance of debris 48274, predicted miss 180 m
        MAN_EPOCH_IGNITION = {CcsdsSamples.Time(ignition)}
        MAN_DURATION = 120.0 [s]
        MAN_DELTA_MASS = -0.5 [kg]
        MAN_REF_FRAME = RTN
        MAN_DV_1 = 0.0 [km/s]
        MAN_DV_2 = 0.00035 [km/s]
        MAN_DV_3 = 0.0 [km/s]
        """;

    private static bool SameVector(RtnVector a, RtnVector b) =>
        Math.Abs(a.Radial - b.Radial) < 1e-12 && Math.Abs(a.InTrack - b.InTrack) < 1e-12 && Math.Abs(a.CrossTrack - b.CrossTrack) < 1e-12;

    /// <summary>The maneuver with its numbers rounded to what an OCM written with CCSDS number formatting keeps.</summary>
    private static string Normalized(ManeuverNotice maneuver)
    {
        var copy = maneuver.Clone();
        copy.Remarks = copy.Remarks.Trim();
        return Google.Protobuf.JsonFormatter.Default.Format(copy)
            .Split(',')
            .Select(part => System.Text.RegularExpressions.Regex.Replace(part, @"(-?\d+\.\d{9})\d*", "$1"))
            .Aggregate((a, b) => a + "," + b);
    }
}
