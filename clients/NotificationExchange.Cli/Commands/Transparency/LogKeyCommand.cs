using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Profiles;
using NotificationExchange.Client.Transparency;

namespace NotificationExchange.Cli.Commands.Transparency;

/// <summary>
/// nxc log key: fetches the key the exchange signs tree heads with, prints it (algorithm, key id, origin, PEM) and pins
/// it for this exchange in log-keys.json. A key already pinned is kept: a different one is a verification failure
/// (exit 5) naming both ids, unless --replace says the operator announced a new key; a key that is not what it says (another
/// algorithm, an id that is not its hash) fails the same way. Compare the key id with the one
/// the exchange's operator publishes (README): pinning the first key seen trusts it.
/// </summary>
internal static class LogKeyCommand
{
    public static Command Build(VerbContext context)
    {
        var replace = new Option<bool>("--replace") { Description = "Pin the exchange's key even when another is pinned (after an announced key rotation)" };
        return new Command("key", "Print the log's public key and pin it for this exchange (verifications use the pinned key)") { replace }
            .Runs(context, async (session, cancellationToken) =>
            {
                var answer = await session.ClientWithOptionalKey.Transparency.GetLogKeyAsync(cancellationToken);
                TrustedLogKey key;
                try
                {
                    key = TrustedLogKey.From(answer);
                }
                catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException)
                {
                    return VerificationOutput.Print(session, new VerificationReport([VerificationCheck.Fail("log key", $"the exchange's log key is not usable: {e.Message}")], null));
                }
                var address = LogKeys.Address(session);
                var pins = new LogKeyPins(session.Environment.ConfigDirectory);
                var pinned = pins.Load();
                if (pinned.TryGetValue(address, out var old) && (old.KeyId != key.KeyId || old.Origin != key.Origin) && !session.Parse.GetValue(replace))
                {
                    return VerificationOutput.Print(session, new VerificationReport([VerificationCheck.Fail("log key",
                        $"the exchange signs with another key than the one pinned for {address}; pin it with --replace only if its operator announced the change",
                        expected: $"{old.KeyId} ({old.Origin})", found: $"{key.KeyId} ({key.Origin})")], null));
                }
                pinned[address] = new LogKeyPin(key.Origin, key.PublicKeyPem, key.KeyId);
                pins.Save(pinned);
                if (session.Print.Json)
                {
                    session.Print.Message(answer);
                }
                else
                {
                    session.Print.Line($"algorithm {answer.Algorithm}");
                    session.Print.Line($"key id {key.KeyId}");
                    session.Print.Line($"origin {key.Origin}");
                    session.Print.Line(key.PublicKeyPem);
                    session.Print.Note($"pinned for {address} in {pins.FilePath}");
                }
                return ExitCodes.Ok;
            });
    }
}
