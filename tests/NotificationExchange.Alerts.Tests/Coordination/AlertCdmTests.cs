using NotificationExchange.Alerts.Cdm;
using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Cdm;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Orbits.Frames;
using NotificationExchange.Orbits.Geometry;
using NUnit.Framework;

namespace NotificationExchange.Alerts.Tests.Coordination;

public class AlertCdmTests
{
    private static readonly DateTime Created = new(2026, 3, 1, 13, 30, 0, DateTimeKind.Utc);

    private static readonly Dictionary<string, OrganizationProfile?> Profiles = new()
    {
        ["ops-a"] = new OrganizationProfile("Alpha Flight Dynamics", OrganizationKind.Operator, "DE",
            [new ContactPoint(ContactRole.Primary, "Duty engineer", "fd@alpha.example", "+49 6151 900", WebhookUrl: "https://alpha.example/hook")]),
    };

    [TestCase(CcsdsSyntax.Kvn, "text/x-ccsds-cdm", "ALR-17-v3.cdm")]
    [TestCase(CcsdsSyntax.Xml, "application/x-ccsds-cdm+xml", "ALR-17-v3.cdm.xml")]
    public void An_alert_written_as_a_CDM_reads_back_to_the_same_values(CcsdsSyntax syntax, string mediaType, string fileName)
    {
        var alert = SampleAlerts.Between("ops-a", null);

        var exported = AlertCdm.Write(alert, "ops-a", Profiles, syntax, Created);
        var cdm = CdmReader.Read(exported.Content, new CcsdsReadOptions { AllowMissingCdmCovariance = true });

        Assert.Multiple(() =>
        {
            Assert.That((exported.MediaType, exported.FileName), Is.EqualTo((mediaType, fileName)));
            Assert.That(cdm.Header.MessageFor, Is.EqualTo("ISS (ZARYA)"), "the asking operator's object");
            Assert.That(cdm.Header.MessageId, Is.EqualTo("ALR-17-v3"));
            Assert.That(cdm.Header.Originator, Is.EqualTo(AlertCdm.Originator));
            Assert.That(cdm.Header.CreationDate.ToDateTime(DateTimeKind.Utc), Is.EqualTo(Created));
            var relative = cdm.RelativeMetadata;
            Assert.That(relative.Tca.ToDateTime(DateTimeKind.Utc), Is.EqualTo(alert.Tca));
            Assert.That(relative.MissDistance, Is.EqualTo(alert.MissDistanceM));
            Assert.That(relative.RelativeSpeed, Is.EqualTo(alert.RelativeSpeedMps));
            Assert.That((relative.RelativePositionR, relative.RelativePositionT, relative.RelativePositionN),
                Is.EqualTo((alert.RelativePositionM.Radial, alert.RelativePositionM.InTrack, alert.RelativePositionM.CrossTrack)));
            Assert.That((relative.ScreenVolumeFrame, relative.ScreenVolumeShape, relative.ScreenVolumeX, relative.ScreenVolumeY, relative.ScreenVolumeZ),
                Is.EqualTo(("RTN", "ELLIPSOID", 2000.0, 25000.0, 25000.0)));
            Assert.That(relative.CollisionProbability, Is.EqualTo(alert.Probability.Value));
            Assert.That(relative.CollisionProbabilityMethod, Is.EqualTo("ALFANO-2005"));

            var one = cdm.Object1.Metadata;
            Assert.That((one.Object, one.ObjectDesignator, one.ObjectName, one.InternationalDesignator), Is.EqualTo(("OBJECT1", "25544", "ISS (ZARYA)", "1998-067A")));
            Assert.That((one.OperatorOrganization, one.OperatorContactPosition, one.OperatorEmail, one.OperatorPhone),
                Is.EqualTo(("Alpha Flight Dynamics", "Duty engineer", "fd@alpha.example", "+49 6151 900")));
            Assert.That(exported.Content, Does.Not.Contain("alpha.example/hook"), "a webhook is its organisation's own");
            Assert.That((one.Maneuverable, one.RefFrame), Is.EqualTo(("YES", "ITRF")));
            var two = cdm.Object2.Metadata;
            Assert.That((two.Object, two.ObjectDesignator, two.ObjectName, two.InternationalDesignator), Is.EqualTo(("OBJECT2", "48274", "CSS (TIANHE)", "2021-035A")));
            Assert.That((two.Maneuverable, two.OperatorOrganization), Is.EqualTo(("N/A", (string?)null)), "an unregistered object: not known, nobody named");
            Assert.That(cdm.Object1.Covariance, Is.Null);
            AssertState(cdm.Object1.StateVector, alert.Primary.StateAtTca!, alert.Tca);
            AssertState(cdm.Object2.StateVector, alert.Secondary.StateAtTca!, alert.Tca);
        });
    }

    [Test]
    public void A_filer_who_operates_neither_object_gets_a_CDM_for_no_object_in_particular()
    {
        var cdm = CdmReader.Read(AlertCdm.Write(SampleAlerts.Between("ops-a", null), "filer-ops", Profiles, CcsdsSyntax.Kvn, Created).Content,
            new CcsdsReadOptions { AllowMissingCdmCovariance = true });
        Assert.That(cdm.Header.MessageFor, Is.Null);
    }

    [Test]
    public void An_alert_whose_states_are_not_shared_is_refused_naming_the_object()
    {
        var alert = SampleAlerts.Between("ops-a", "ops-b") is var a ? a with { Secondary = a.Secondary with { StateAtTca = null } } : null!;
        var error = Assert.Throws<ExchangeRuleException>(() => AlertCdm.Write(alert, "ops-a", Profiles, CcsdsSyntax.Kvn, Created))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(RuleViolationKind.FailedPrecondition));
            Assert.That(error.Message, Does.Contain("object 48274 (CSS (TIANHE))").And.Contain("state vectors at TCA").And.Not.Contain("25544"));
        });
    }

    /// <summary>The CDM's ITRF state, rotated back to TEME, is the alert's (to well under a millimetre).</summary>
    private static void AssertState(CdmStateVector written, StateAtTca expected, DateTime tca)
    {
        var teme = EarthRotation.EarthFixedToTeme(
            new StateVector(new Vector3d(written.X, written.Y, written.Z), new Vector3d(written.XDot, written.YDot, written.ZDot)), tca);
        Assert.That(new[] { teme.PositionKm.X, teme.PositionKm.Y, teme.PositionKm.Z }, Is.EqualTo(new[] { expected.XKm, expected.YKm, expected.ZKm }).Within(1e-6));
        Assert.That(new[] { teme.VelocityKmPerS.X, teme.VelocityKmPerS.Y, teme.VelocityKmPerS.Z },
            Is.EqualTo(new[] { expected.XDotKmps, expected.YDotKmps, expected.ZDotKmps }).Within(1e-9));
    }
}
