namespace NotificationExchange.Cli.Profiles;

/// <summary>profiles.json: the profiles by name and the one used when none is named.</summary>
internal sealed class ProfileFile
{
    public string? Default { get; set; }

    public Dictionary<string, Profile> Profiles { get; set; } = new(StringComparer.Ordinal);
}
