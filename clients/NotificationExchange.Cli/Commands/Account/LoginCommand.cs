using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Client;
using NotificationExchange.Protocol.V1;
using Spectre.Console;
using Profile = NotificationExchange.Cli.Profiles.Profile;

namespace NotificationExchange.Cli.Commands.Account;

/// <summary>nxc login: checks an address and key (or client certificate) with WhoAmI, then saves them as a named
/// profile (mode 0600).</summary>
internal static class LoginCommand
{
    public static Command Build(VerbContext context)
    {
        var address = ValueOptions.Text("--server", $"The exchange's address; NX_ADDRESS when absent, else {Session.DefaultAddress}");
        var key = ValueOptions.Text("--key", "The API key; read from stdin when absent (a prompt on a terminal)");
        var authority = ValueOptions.Reference("--ca-file", "PEM file of the CA that signed the exchange's TLS certificate, for a private CA", Values.FilePath, "FILE");
        var certificate = ValueOptions.Reference("--client-certificate", "PEM file of a client certificate registered to your organisation, for the exchange's mutual TLS endpoint (instead of a key)", Values.FilePath, "FILE");
        var certificateKey = ValueOptions.Reference("--client-key", "PEM file of the client certificate's private key (when not in the certificate's file)", Values.FilePath, "FILE");
        var makeDefault = new Option<bool>("--no-default") { Description = "Save the profile without making it the default" };
        var command = new Command("login", "Check an address and API key (or client certificate), and save them as a profile (--profile NAME, default \"default\")")
        {
            address, key, authority, certificate, certificateKey, makeDefault,
        };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var certificateFile = session.Parse.GetValue(certificate);
            var certificateKeyFile = session.Parse.GetValue(certificateKey);
            foreach (var (file, option) in new[] { (certificateFile, "--client-certificate"), (certificateKeyFile, "--client-key") })
            {
                if (file is { Exists: false })
                {
                    throw new UsageException($"{option}: {file.FullName} does not exist");
                }
            }
            if (certificateKeyFile is not null && certificateFile is null)
            {
                throw new UsageException("--client-key: give the certificate too (--client-certificate)");
            }
            // with a certificate the key is optional: the certificate says who calls
            var apiKey = session.Parse.GetValue(key) ?? (certificateFile is null ? ReadKey(session) : null);
            if (certificateFile is null && string.IsNullOrWhiteSpace(apiKey))
            {
                throw new UsageException("no API key given (--key, or on stdin), nor a client certificate (--client-certificate)");
            }
            var caFile = session.Parse.GetValue(authority);
            if (caFile is { Exists: false })
            {
                throw new UsageException($"--ca-file: {caFile.FullName} does not exist");
            }
            if (caFile is not null && !HoldsCertificates(caFile))
            {
                throw new UsageException($"--ca-file: {caFile.FullName} holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
            }
            var (server, serverFrom) = session.Parse.GetValue(address) is { } given ? (given, "--server")
                : Session.NonEmpty(session.Environment.Variable("NX_ADDRESS")) is { } variable ? (variable, "NX_ADDRESS")
                : (Session.DefaultAddress, "the default address");
            var profile = new Profile(Session.ParseAddress(server, serverFrom).ToString().TrimEnd('/'),
                string.IsNullOrWhiteSpace(apiKey) ? null : Session.CheckKey(apiKey.Trim(), "the API key"), caFile?.FullName,
                certificateFile?.FullName, certificateKeyFile?.FullName);
            using var client = NxClient.Create(new NxClientOptions
            {
                Address = new Uri(profile.Address),
                ApiKey = profile.ApiKey,
                TrustedCertificateAuthorityPath = profile.CertificateAuthorityPath,
                ClientCertificatePath = profile.ClientCertificatePath,
                ClientKeyPath = profile.ClientKeyPath,
                CallTimeout = session.CallTimeout,
            });
            var caller = await client.Operators.WhoAmIAsync(new WhoAmIRequest(), cancellationToken);
            var name = session.ProfileName;
            var profiles = session.Profiles.Load();
            profiles.Profiles[name] = profile;
            if (!session.Parse.GetValue(makeDefault) || profiles.Default is null)
            {
                profiles.Default = name;
            }
            session.Profiles.Save(profiles);
            if (session.Print.Json)
            {
                session.Print.Message(caller);
            }
            else
            {
                session.Print.Line($"logged in to {profile.Address} as {caller.Id} ({caller.DisplayName}); profile {name} saved in {session.Profiles.FilePath}");
            }
            return ExitCodes.Ok;
        });
    }

    /// <summary>The key from stdin: piped, a line; at a terminal, typed without echo (Spectre's secret prompt).</summary>
    private static string? ReadKey(Session session) =>
        session.Environment.InputIsTerminal && session.Environment.OutputIsTerminal
            ? session.Print.Console.Prompt(new TextPrompt<string>("API key:").Secret())
            : session.Environment.In.ReadLine();

    private static bool HoldsCertificates(FileInfo file)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(file.FullName);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
        return authorities.Count > 0;
    }
}
