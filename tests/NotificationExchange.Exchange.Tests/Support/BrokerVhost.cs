using NotificationExchange.Testing;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// A virtual host of its own on the shared broker, so that a test may take the broker away from its exchange
/// processes (refuse them, close all their connections) without touching anyone else's: `rabbitmqctl`, as root
/// (directly, or through `sudo -n` as scripts/rabbitmq.sh does). Disposing deletes the virtual host.
/// </summary>
internal sealed class BrokerVhost : IAsyncDisposable
{
    private readonly string _user;

    private BrokerVhost(string name, string address, string user)
    {
        Name = name;
        Address = address;
        _user = user;
    }

    public string Name { get; }

    /// <summary>The broker's address with this virtual host.</summary>
    public string Address { get; }

    public static async Task<BrokerVhost> CreateAsync(string broker)
    {
        var name = $"nx-test-{Guid.NewGuid():N}"[..20];
        var uri = new UriBuilder(broker) { Path = "/" + name };
        var user = Uri.UnescapeDataString(uri.UserName.Length > 0 ? uri.UserName : "guest");
        var vhost = new BrokerVhost(name, uri.Uri.ToString(), user);
        await RabbitMqCtl.SharedBrokerAsync("add_vhost", name);
        await vhost.AllowAsync();
        return vhost;
    }

    /// <summary>Lets the test's user in again.</summary>
    public Task AllowAsync() => RabbitMqCtl.SharedBrokerAsync("set_permissions", "--vhost", Name, _user, ".*", ".*", ".*");

    /// <summary>Refuses the test's user: connections it opens from now on are refused (ACCESS_REFUSED).</summary>
    public Task RefuseAsync() => RabbitMqCtl.SharedBrokerAsync("clear_permissions", "--vhost", Name, _user);

    /// <summary>`rabbitmqctl close_all_connections` for this virtual host: the broker closes every connection to it.</summary>
    public Task CloseAllConnectionsAsync() =>
        RabbitMqCtl.SharedBrokerAsync("close_all_connections", "--vhost", Name, "--limit", "1000", "test: the broker closes all connections");

    public async ValueTask DisposeAsync() => await RabbitMqCtl.SharedBrokerAsync("delete_vhost", Name);
}
