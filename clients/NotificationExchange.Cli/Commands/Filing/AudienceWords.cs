using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>Audiences on the command line and in what nxc prints: public, registered, named:ORG1,ORG2, bilateral:ORG.</summary>
internal static class AudienceWords
{
    public const string Help = "public | registered | named:ORG1,ORG2 | bilateral:ORG";

    /// <summary>The audience a word names (FormatException, which the option reports as its error, otherwise); the exchange checks the organisations.</summary>
    public static Audience Parse(string text)
    {
        var (scope, rest) = text.IndexOf(':') is var colon and >= 0 ? (text[..colon], text[(colon + 1)..]) : (text, null);
        var audience = new Audience
        {
            Scope = scope.Trim().ToLowerInvariant() switch
            {
                "public" => AudienceScope.Public,
                "registered" => AudienceScope.Registered,
                "named" => AudienceScope.Named,
                "bilateral" => AudienceScope.Bilateral,
                _ => throw new FormatException($"'{text}' is not an audience: {Help}"),
            },
        };
        if (rest is not null)
        {
            audience.Organizations.Add(rest.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }
        return audience;
    }

    /// <summary>"named: cnes-ops, esa-ops" as nxc prints it (and reads it back with ':' and ',').</summary>
    public static string Describe(Audience? audience) => audience is null || audience.Scope is AudienceScope.Unspecified
        ? "public"
        : Words.Token(audience.Scope) + (audience.Organizations.Count > 0 ? $":{string.Join(",", audience.Organizations)}" : "");

    /// <summary>"audience named:cnes-ops; embargoed to bilateral:cnes-ops until ..."; empty for a public notification without embargo.</summary>
    public static string Sharing(Notification n) =>
        (n.Audience is null or { Scope: AudienceScope.Public or AudienceScope.Unspecified }) && n.Embargo is null
            ? ""
            : $"audience {Describe(n.Audience)}" + (n.Embargo is { } e ? $", embargoed to {Describe(e.Audience)} until {Words.Time(e.Until)}" : "");
}
