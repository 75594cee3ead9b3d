using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Profiles;
using NotificationExchange.Client.Transparency;

namespace NotificationExchange.Cli.Commands.Transparency;

/// <summary>The pinned log key of the exchange a command talks to, by its address.</summary>
internal static class LogKeys
{
    /// <summary>The address the pins are kept under: the exchange's URL without a trailing slash.</summary>
    public static string Address(Session session) => session.ClientOptions(needsKey: false).Address.ToString().TrimEnd('/');

    /// <summary>The key pinned for this exchange; a usage error when none is (nothing can be verified without one).</summary>
    public static TrustedLogKey Pinned(Session session)
    {
        var address = Address(session);
        var pins = new LogKeyPins(session.Environment.ConfigDirectory);
        return pins.Load().TryGetValue(address, out var pin)
            ? TrustedLogKey.FromPem(pin.Origin, pin.PublicKeyPem)
            : throw new UsageException($"no log key pinned for {address} in {pins.FilePath}: run nxc log key (and compare its key id with the one the exchange's operator publishes)");
    }
}
