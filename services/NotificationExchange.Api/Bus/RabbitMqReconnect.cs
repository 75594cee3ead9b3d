using System.Reflection;
using MassTransit;

namespace NotificationExchange.Api.Bus;

/// <summary>
/// MassTransit restarts a RabbitMQ receive endpoint that lost its connection on a fixed schedule: exponential, 3 s at
/// first and up to 30 s (RabbitMqHostConfiguration's ReceiveTransportRetryPolicy, a property with a getter only; sends
/// use the same policy). Measured here: the instance queue came back 7 to 15 s after the broker did, and until then
/// an instance had its peers' events only from the log, half a second late. This replaces the policy, before the bus
/// starts, with one that retries exactly what MassTransit's retries (it asks the original) on a schedule of 0.2 s up
/// to the longest wait given: a broker that is back is found within that. While the broker is away each endpoint
/// tries once every the longest wait given, which a broker that is up handles trivially.
/// The policy lives in a private field: should a MassTransit upgrade move it, nothing is replaced, the exchange runs
/// on MassTransit's schedule and says so in its log (BrokerConnectionLossTests then fails on the slower return).
/// </summary>
internal static class RabbitMqReconnect
{
    private const string PolicyField = "<ReceiveTransportRetryPolicy>k__BackingField";

    public static bool TryQuicken(IRabbitMqBusFactoryConfigurator configurator, TimeSpan longest, out string failure)
    {
        var hostConfiguration = configurator.GetType().GetField("_hostConfiguration", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(configurator);
        if (hostConfiguration is null)
        {
            failure = $"{configurator.GetType().FullName} has no _hostConfiguration";
            return false;
        }
        var replaced = 0;
        for (var type = hostConfiguration.GetType(); type is not null; type = type.BaseType)
        {
            if (type.GetField(PolicyField, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly) is not { } field
                || field.GetValue(hostConfiguration) is not IRetryPolicy original)
            {
                continue;
            }
            field.SetValue(hostConfiguration, Retry.CreatePolicy(retry =>
            {
                retry.Handle<Exception>(original.IsHandled);
                retry.Exponential(int.MaxValue, TimeSpan.FromMilliseconds(200), longest, TimeSpan.FromMilliseconds(200));
            }));
            replaced++;
        }
        failure = replaced == 0 ? $"{hostConfiguration.GetType().FullName} has no {PolicyField} holding a retry policy" : "";
        return replaced > 0;
    }
}
