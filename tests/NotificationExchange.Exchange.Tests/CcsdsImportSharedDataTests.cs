using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Filing.Ccsds;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// Maneuver notices read from the public CCSDS examples in ../shared/data. (They describe maneuvers of 1998-2000, so
/// only the reading is tested here; filing them would be refused as past.)
/// </summary>
public class CcsdsImportSharedDataTests
{
    [Test]
    public void The_two_maneuver_blocks_of_an_opm_make_one_window_and_a_summed_delta_v()
    {
        var notice = Import("ccsds/opm/orekit_OPMExample2.txt");

        var first = Math.Sqrt(0.02325700 * 0.02325700 + 0.01683160 * 0.01683160 + 0.00893444 * 0.00893444) * 1000;
        var second = Math.Sqrt(0.00101500 * 0.00101500 + 0.00187300 * 0.00187300) * 1000;
        Assert.Multiple(() =>
        {
            Assert.That(notice.Object!.CosparId, Is.EqualTo("2000-028A"));
            Assert.That(notice.ExecutionWindow!.Start, Is.EqualTo(new DateTime(2000, 6, 3, 9, 0, 34, 100, DateTimeKind.Utc)));
            Assert.That(notice.ExecutionWindow.End, Is.EqualTo(new DateTime(2000, 6, 5, 18, 59, 21, DateTimeKind.Utc)), "the later, impulsive burn ends the window");
            Assert.That(notice.PlannedDeltaV!.MagnitudeMps, Is.EqualTo(first + second).Within(1e-9));
            Assert.That(notice.PlannedDeltaV.ComponentsMps, Is.Null, "two burns in different frames have no single RTN vector");
            Assert.That(notice.CurrentOrbit, Is.TypeOf<MeanElementsOrbit>(), "from the TOD state vector");
        });
    }

    [Test]
    public void The_kvn_and_xml_forms_of_an_opm_give_the_same_notice()
    {
        var kvn = Import("ccsds/opm/beyond_opm_impulsive_man_qsw.kvn");
        var xml = Import("ccsds/opm/beyond_opm_impulsive_man_qsw.xml");

        Assert.That(NotificationJson.Serialize(Wrap(xml)), Is.EqualTo(NotificationJson.Serialize(Wrap(kvn))));
        Assert.That(kvn.PlannedDeltaV!.MagnitudeMps, Is.GreaterThan(0));
    }

    [Test]
    public void An_ocm_thrust_section_gives_the_window_and_leaves_the_delta_v_to_the_supplement()
    {
        var notice = Import("ccsds/ocm/orekit_OCMExample3.txt");

        Assert.Multiple(() =>
        {
            Assert.That(notice.ExecutionWindow!.Start, Is.EqualTo(new DateTime(1998, 12, 18, 14, 36, 35, DateTimeKind.Utc).AddTicks(1172000)));
            Assert.That(notice.ExecutionWindow.End, Is.EqualTo(notice.ExecutionWindow.Start!.Value.AddSeconds(100)), "MAN_DURA of the thrust line");
            Assert.That(notice.PlannedDeltaV, Is.Null, "THR_* lines give thrust, not delta-v; the deployment section moves other objects");
            Assert.That(notice.Purpose, Is.EqualTo(ManeuverPurpose.Other));
            Assert.That(notice.Remarks, Does.StartWith("MAN_PURPOSE = ORBIT"));
        });
    }

    [Test]
    public void An_ocm_whose_maneuver_section_moves_nothing_is_refused()
    {
        var errors = new ValidationErrors();

        var imported = CcsdsManeuverImport.Read(File.ReadAllText(SharedData.Require("ccsds/ocm/orekit_OCMMinimal.txt")), null, "ccsds_maneuver", errors);

        Assert.That(imported, Is.Null);
        Assert.That(errors.Violations.Single().Description, Does.Contain("no maneuver section that moves the object"));
    }

    private static ManeuverNotice Import(string path)
    {
        var errors = new ValidationErrors();
        var imported = CcsdsManeuverImport.Read(File.ReadAllText(SharedData.Require(path)), null, "ccsds_maneuver", errors);
        Assert.That(errors.Violations, Is.Empty, string.Join("; ", errors.Violations));
        return imported!.Value.Notice;
    }

    private static Notification Wrap(ManeuverNotice notice) => new()
    {
        Id = "MNV-1",
        Sequence = 1,
        FilingOperator = "x",
        FiledAt = DateTime.UnixEpoch,
        UpdatedAt = DateTime.UnixEpoch,
        Version = 1,
        Status = NotificationStatus.Filed,
        Content = notice,
    };
}
