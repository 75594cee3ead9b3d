using System.Text.Json;
using NotificationExchange.Cli.Cli;

namespace NotificationExchange.Cli.Profiles;

/// <summary>
/// The log keys nxc has pinned, by exchange address, in log-keys.json in nxc's config folder (beside the profiles,
/// without secrets: a public key is public). Pinned once (trust on first use, or from a key published out of band),
/// a key is never replaced silently: `nxc log key` refuses a different key unless told to replace it.
/// </summary>
internal sealed class LogKeyPins(string directory)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string FilePath { get; } = Path.Combine(directory, "log-keys.json");

    public Dictionary<string, LogKeyPin> Load()
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, LogKeyPin>>(File.ReadAllText(FilePath), Json) ?? [];
        }
        catch (JsonException e)
        {
            throw new UsageException($"{FilePath} is not a file of pinned log keys nxc can read ({e.Message}); move it away and run nxc log key");
        }
    }

    /// <summary>Saves <paramref name="pins"/> whole, through a temporary file renamed over the old one.</summary>
    public void Save(Dictionary<string, LogKeyPin> pins)
    {
        Directory.CreateDirectory(directory);
        var temporary = $"{FilePath}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, JsonSerializer.Serialize(pins, Json));
            File.Move(temporary, FilePath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
