using MassTransit;
using NotificationExchange.Filing;

namespace NotificationExchange.Api.Bus;

/// <summary>
/// Tells the outbox relay when the bus's connection goes and comes back, from this instance's receive endpoint: on
/// RabbitMQ it shares the publishes' connection, faults when that connection is lost (a broker restart, connections
/// closed by an operator) and is ready again once MassTransit has reconnected and declared the queue anew.
/// </summary>
internal sealed class ReceiveEndpointConnectivity(IBus bus, BusConnectivity connectivity, ILogger<ReceiveEndpointConnectivity> logger)
    : IHostedService, IReceiveEndpointObserver
{
    private ConnectHandle? _handle;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _handle = bus.ConnectReceiveEndpointObserver(this);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _handle?.Disconnect();
        return Task.CompletedTask;
    }

    public Task Ready(ReceiveEndpointReady ready)
    {
        logger.LogInformation("Bus receive endpoint {Address} is ready", ready.InputAddress);
        connectivity.Ready();
        return Task.CompletedTask;
    }

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        logger.LogWarning(faulted.Exception, "Bus receive endpoint {Address} faulted; publishes under way are abandoned to the outbox", faulted.InputAddress);
        connectivity.Lost();
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;
}
