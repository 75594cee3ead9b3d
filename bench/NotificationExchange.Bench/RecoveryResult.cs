using System.Globalization;

namespace NotificationExchange.Bench;

/// <summary>One recovery measurement (rates a second; latencies in ms; the outage as rabbitmqctl saw it).</summary>
internal sealed record RecoveryResult(
    double FilingBefore, double FilingAway, double FilingP99BeforeMs, double FilingP99AwayMs, double FilingMaxAwayMs, int Failures,
    double DeliveryP99BeforeMs, double RecoverySeconds, double OutageSeconds, long Lost, long Duplicated)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"filing {FilingBefore:0}/s before, {FilingAway:0}/s while away (p99 {FilingP99BeforeMs:0.0} / {FilingP99AwayMs:0.0} ms, slowest {FilingMaxAwayMs:0.0} ms, {Failures} failed); " +
        $"delivery p99 before {DeliveryP99BeforeMs:0.0} ms; normal again {RecoverySeconds:0.0} s after the broker's return (away {OutageSeconds:0.0} s); " +
        $"lost {Lost}, duplicated {Duplicated}");
}
