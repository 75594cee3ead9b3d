using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// A maneuver whose delta-v is known only by its magnitude, exported as an OCM in KVN and in XML, files back as the
/// same maneuver: the OCM keeps the magnitude in the exchange's own user-defined parameter and gives no direction.
/// </summary>
public class CcsdsMagnitudeOnlyRoundTripTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private ExchangeClient _esa = null!;

    [SetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        _esa = await _host.NewOperatorAsync("esa-ops");
    }

    [TearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task A_magnitude_only_maneuver_exported_as_kvn_and_as_xml_files_back_with_the_same_content()
    {
        // the standard notice has a TLE as its current orbit and apogee/perigee altitudes as its expected one
        var notice = Notices.Maneuver();
        notice.PlannedDeltaV = new DeltaV { MagnitudeMps = 0.42 };
        var filed = (await _esa.Notifications.FileNotificationAsync(Notices.File(notice, "magnitude-only"))).Notification;

        foreach (var format in new[] { ExportFormat.OcmKvn, ExportFormat.OcmXml })
        {
            var exported = await _esa.Notifications.ExportNotificationAsync(new ExportNotificationRequest { NotificationId = filed.Id, Format = format });
            var ocm = OcmReader.Read(exported.Content);
            var refiled = (await _esa.Notifications.FileNotificationAsync(new FileNotificationRequest
            {
                RequestId = $"refile-{format}",
                CcsdsManeuver = new CcsdsManeuverNotice { Message = exported.Content },
            })).Notification;

            Assert.Multiple(() =>
            {
                Assert.That(ocm.Maneuvers.Single().ManComposition, Is.EqualTo(new[] { "TIME_ABSOLUTE", "MAN_DURA" }), $"{format}: no direction is made up");
                Assert.That(refiled.Id, Is.Not.EqualTo(filed.Id), $"{format}: filed as a notification of its own");
                Assert.That(refiled.Maneuver.PlannedDeltaV.ComponentsMps, Is.Null, $"{format}: still no components");
                Assert.That(refiled.Maneuver, Is.EqualTo(filed.Maneuver), $"{format}: the same maneuver");
                Assert.That(refiled.Attachments.Single().Role, Is.EqualTo(AttachmentRole.Source), $"{format}: the OCM is kept as its source");
            });
        }
    }
}
