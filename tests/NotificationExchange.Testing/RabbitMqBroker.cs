using System.Net.Sockets;
using NUnit.Framework;

namespace NotificationExchange.Testing;

/// <summary>
/// The RabbitMQ broker tests run against: NX_TEST_RABBITMQ (scripts/test.sh sets it and starts the broker), else
/// amqp://guest:guest@localhost:5672/. A test that needs it fails under CI=true when it is unreachable, and elsewhere
/// reports itself skipped, saying how to start it.
/// </summary>
public static class RabbitMqBroker
{
    public static Uri Address => new(Environment.GetEnvironmentVariable("NX_TEST_RABBITMQ") is { Length: > 0 } configured
        ? configured
        : "amqp://guest:guest@localhost:5672/");

    /// <summary>
    /// The virtual host of <see cref="Address"/> ("/" when it names none). scripts/test.sh gives each test process that
    /// runs beside others one of its own, since exchanges on one virtual host share the bus's exchanges and would
    /// receive each other's events.
    /// </summary>
    public static string VirtualHost => Address.AbsolutePath.Trim('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "/";

    public static string Require()
    {
        var address = Address;
        try
        {
            using var client = new TcpClient();
            client.Connect(address.Host, address.IsDefaultPort || address.Port <= 0 ? 5672 : address.Port);
            return address.ToString();
        }
        catch (SocketException e)
        {
            var message = $"RabbitMQ is not reachable at {address.Host}:{address.Port} ({e.SocketErrorCode}); run scripts/test.sh, which installs and starts it";
            if (SharedData.RunningInCi)
            {
                Assert.Fail(message);
            }
            Assert.Ignore(message);
            throw;
        }
    }
}
