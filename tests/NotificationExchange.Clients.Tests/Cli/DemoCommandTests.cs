using NotificationExchange.Cli.Cli;
using NotificationExchange.Clients.Tests.Support;
using NotificationExchange.Protocol.V1;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>nxc demo against a real exchange: everything it says it made is there, read back by the parties.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DemoCommandTests : ExchangeFixture
{
    [Test]
    public async Task The_demo_files_three_notices_raises_an_alert_and_closes_a_consultation_that_the_parties_read_back()
    {
        var result = await Admin.RunAsync("demo", "--output", "json", "--alert-wait", "60");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Ok), result.ToString());
        var summary = result.Json();
        var organisations = summary.GetProperty("organisations").EnumerateArray().ToArray();
        Assert.That(organisations, Has.Length.EqualTo(3));
        var boreal = Exchange.Client(organisations[1].GetProperty("apiKey").GetString()!);
        var alertId = summary.GetProperty("alertId").GetString();
        Assert.That(alertId, Does.StartWith("ALR-"), result.Error);
        var alert = (await boreal.Alerts.GetAlertAsync(new GetAlertRequest { AlertId = alertId })).Alert;
        Assert.That(alert.MissDistanceM, Is.EqualTo(300).Within(5), "the designed encounter: 0.3 km above BOREAL-7");
        Assert.That(new[] { alert.Primary.Response.Intent, alert.Secondary.Response.Intent },
            Is.EquivalentTo(new[] { ManeuverIntent.WillManeuver, ManeuverIntent.WillNotManeuver }));
        var notifications = summary.GetProperty("notifications").EnumerateArray().Select(n => n.GetString()).ToArray();
        Assert.That(notifications, Has.Length.EqualTo(3));
        Assert.That(notifications.Select(n => n![..4]), Is.EqualTo(new[] { "MNV-", "RPO-", "LCH-" }));
        var consultation = await boreal.Consultations.GetConsultationAsync(new GetConsultationRequest { ConsultationId = summary.GetProperty("consultationId").GetString() });
        Assert.That(consultation.Consultation.State, Is.EqualTo(ConsultationState.Closed));
        Assert.That(consultation.Consultation.AlertId, Is.EqualTo(alertId));
        var transcript = await boreal.Consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = consultation.Consultation.Id });
        Assert.That(transcript.Sha256, Is.EqualTo(summary.GetProperty("transcriptSha256").GetString()));
        Assert.That(result.Error, Does.Contain($"alert raised {alertId}"), "the narrative (on stderr beside JSON) shows the alert arriving on the stream");
    }

    [Test]
    public async Task The_demo_runs_again_on_the_same_exchange()
    {
        var first = await Admin.RunAsync("demo", "--alert-wait", "0");
        var second = await Admin.RunAsync("demo", "--alert-wait", "0");

        Assert.That((first.ExitCode, second.ExitCode), Is.EqualTo((ExitCodes.Ok, ExitCodes.Ok)), first + "\n" + second);
    }

    [Test]
    public async Task The_demo_needs_an_administrator()
    {
        var key = await Exchange.NewOperatorKeyAsync("not-an-admin");

        var result = await As(key).RunAsync("demo");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString());
        Assert.That(result.ErrorLines[0], Does.StartWith("nxc: refused: PermissionDenied"));
    }

    [TestCase("--tca-in", "5", "nxc: --tca-in: 5 is not 20 to 10080 minutes (the burn is half-way, at least 10 minutes from now)")]
    [TestCase("--miss-km", "51", "nxc: --miss-km: 51 is not 0 to 50")]
    public async Task An_encounter_out_of_range_is_a_usage_error(string option, string value, string error)
    {
        var result = await Admin.RunAsync("demo", "encounter", "--object", "70001", "--target", "25544", option, value);

        Assert.That((result.ExitCode, result.Error.TrimEnd('\n'), result.Output), Is.EqualTo((ExitCodes.Usage, error, "")));
    }
}
