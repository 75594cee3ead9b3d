using System.Diagnostics.Metrics;
using NotificationExchange.Domain.Telemetry;

namespace NotificationExchange.Api.Authentication;

/// <summary>
/// What operators watch of authentication: calls refused and why (a burst of revoked or expired keys is a client
/// someone forgot to move), calls authenticated by kind of credential, and revocations learnt from other instances.
/// On the exchange's meter.
/// </summary>
internal sealed class AuthenticationMetrics
{
    private readonly Counter<long> _refused;
    private readonly Counter<long> _authenticated;
    private readonly Counter<long> _revocationsReceived;

    public AuthenticationMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(ExchangeMetrics.MeterName);
        _refused = meter.CreateCounter<long>("nx.auth.refused", "{call}",
            "Calls refused as unauthenticated, by reason (malformed, unknown_key, revoked_key, expired_key, untrusted_certificate, unregistered_certificate)");
        _authenticated = meter.CreateCounter<long>("nx.auth.authenticated", "{call}", "Calls authenticated, by credential (key, certificate)");
        _revocationsReceived = meter.CreateCounter<long>("nx.auth.revocations_received", "{credential}",
            "Credentials revoked on another instance and forgotten here on the bus's word");
    }

    public void Refused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Authenticated(string credential) => _authenticated.Add(1, new KeyValuePair<string, object?>("credential", credential));

    public void RevocationsReceived(int count) => _revocationsReceived.Add(count);
}
