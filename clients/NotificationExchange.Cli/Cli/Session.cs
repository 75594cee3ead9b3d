using System.CommandLine;
using NotificationExchange.Cli.Output;
using NotificationExchange.Cli.Profiles;
using NotificationExchange.Client;

namespace NotificationExchange.Cli.Cli;

/// <summary>One invocation of a verb: the parsed command line, the printer, the profiles, and the client, connected
/// on first use with the settings <see cref="GlobalOptions"/> describes.</summary>
internal sealed class Session(CliEnvironment environment, GlobalOptions globals, ParseResult parse) : IDisposable
{
    private NxClient? _client;

    public const string DefaultAddress = "http://localhost:5170";

    public CliEnvironment Environment { get; } = environment;

    public ParseResult Parse { get; } = parse;

    public Printer Print { get; } = new(environment, parse.GetValue(globals.Output) ?? OutputFormat.Text);

    public ProfileStore Profiles { get; } = new(environment.ConfigDirectory);

    /// <summary>The profile nxc login saves to: --profile, else NX_PROFILE, else "default" (never the saved default, which
    /// a bare login would otherwise overwrite with another key).</summary>
    public string ProfileName =>
        NonEmpty(Parse.GetValue(globals.Profile)) ?? NonEmpty(Environment.Variable("NX_PROFILE")) ?? "default";

    /// <summary>The connection settings, resolved as <see cref="GlobalOptions"/> says; a missing key is a usage error.</summary>
    public NxClientOptions ClientOptions(bool needsKey = true)
    {
        var explicitProfile = NonEmpty(Parse.GetValue(globals.Profile)) ?? NonEmpty(Environment.Variable("NX_PROFILE"));
        var profiles = Profiles.Load();
        Profile? profile = null;
        if (explicitProfile is { Length: > 0 } && !profiles.Profiles.TryGetValue(explicitProfile, out profile))
        {
            throw new UsageException($"no profile named {explicitProfile} in {Profiles.FilePath}: run nxc login --profile {explicitProfile}");
        }
        profile ??= profiles.Default is { } name && profiles.Profiles.TryGetValue(name, out var saved) ? saved : null;
        var (address, addressFrom) = Parse.GetValue(globals.Address) is { } option ? (option, "--address")
            : NonEmpty(Environment.Variable("NX_ADDRESS")) is { } variable ? (variable, "NX_ADDRESS")
            : (profile?.Address ?? DefaultAddress, "the profile");
        var (key, keyFrom) = Parse.GetValue(globals.ApiKey) is { } given ? (given, "--api-key")
            : NonEmpty(Environment.Variable("NX_API_KEY")) is { } keyVariable ? (keyVariable, "NX_API_KEY")
            : (profile?.ApiKey, "the profile");
        var uri = ParseAddress(address, addressFrom);
        var profileAddress = profile is null ? null : ParseAddress(profile.Address, "the profile");
        // the profile's client certificate, for the exchange it was saved for only
        var certificate = profileAddress == uri ? profile?.ClientCertificatePath : null;
        if (needsKey && string.IsNullOrEmpty(key) && certificate is null)
        {
            throw new UsageException("no API key: run nxc login, or set NX_API_KEY");
        }
        if (!string.IsNullOrEmpty(key))
        {
            CheckKey(key, keyFrom);
        }
        // A profile's key and CA belong to the exchange it was saved for: never sent to another one (a prod key to
        // whatever NX_ADDRESS says), unless the key comes from elsewhere too.
        if (keyFrom == "the profile" && key is not null && profileAddress is not null && Uri.Compare(uri, profileAddress, UriComponents.SchemeAndServer | UriComponents.Path,
                UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new UsageException($"the profile's key is for {profile!.Address}, not {uri.ToString().TrimEnd('/')} ({addressFrom}): give its key with NX_API_KEY or --api-key");
        }
        return new NxClientOptions
        {
            Address = uri,
            ApiKey = key,
            CallTimeout = CallTimeout,
            TrustedCertificateAuthorityPath = profileAddress == uri || keyFrom == "the profile" ? profile?.CertificateAuthorityPath : null,
            ClientCertificatePath = certificate,
            ClientKeyPath = certificate is null ? null : profile?.ClientKeyPath,
        };
    }

    /// <summary>--timeout, checked: above 0 and at most <see cref="MaxTimeout"/>, a bound that keeps every deadline
    /// computed from it a representable time.</summary>
    public TimeSpan CallTimeout
    {
        get
        {
            var timeout = Parse.GetValue(globals.Timeout) ?? GlobalOptions.DefaultTimeoutSeconds;
            return timeout > 0 && timeout <= MaxTimeout.TotalSeconds
                ? TimeSpan.FromSeconds(timeout)
                : throw new UsageException($"--timeout: {timeout.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not a number of seconds above 0 and at most {MaxTimeout.TotalSeconds:0}");
        }
    }

    /// <summary>Whether --timeout was given (a verb that may take long waits longer otherwise).</summary>
    public bool TimeoutGiven => Parse.Given(globals.Timeout);

    public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(365);

    /// <summary>The client, connected on first use.</summary>
    public NxClient Client => _client ??= NxClient.Create(ClientOptions());

    /// <summary>The client for calls that need no key (the transparency log's): with the key when one is configured,
    /// without one otherwise.</summary>
    public NxClient ClientWithOptionalKey => _client ??= NxClient.Create(ClientOptions(needsKey: false));

    /// <summary>An API key goes in a request header, which holds visible ASCII only; the exchange's keys are such.
    /// Anything else is a usage error naming where the key came from, before the HTTP stack refuses to send it.</summary>
    public static string CheckKey(string key, string from) =>
        key.Length > 0 && key.All(c => c is > ' ' and <= '~')
            ? key
            : throw new UsageException($"{from}: an API key is visible ASCII characters, without spaces (as the exchange issues them)");

    /// <summary>An http or https URL; anything else is a usage error naming where it came from.</summary>
    public static Uri ParseAddress(string address, string from) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0
            ? uri
            : throw new UsageException($"{from}: '{address}' is not an http:// or https:// URL");

    public void Dispose() => _client?.Dispose();

    internal static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
