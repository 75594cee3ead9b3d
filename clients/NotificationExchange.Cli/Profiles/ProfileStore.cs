using System.Text.Json;
using NotificationExchange.Cli.Cli;

namespace NotificationExchange.Cli.Profiles;

/// <summary>
/// Named profiles in profiles.json in nxc's config folder. The file holds API keys, so it is created with mode 0600 and
/// written whole through a temporary file of the same mode, renamed over it: a crash leaves the old file or the new,
/// never half of one, and never a readable key.
/// </summary>
internal sealed class ProfileStore(string directory)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string FilePath { get; } = Path.Combine(directory, "profiles.json");

    public ProfileFile Load()
    {
        if (!File.Exists(FilePath))
        {
            return new ProfileFile();
        }
        try
        {
            return JsonSerializer.Deserialize<ProfileFile>(File.ReadAllText(FilePath), Json) ?? new ProfileFile();
        }
        catch (JsonException e)
        {
            throw new UsageException($"{FilePath} is not a profile file nxc can read ({e.Message}); move it away and run nxc login");
        }
    }

    public void Save(ProfileFile profiles)
    {
        if (!Directory.Exists(directory))
        {
            // Only a folder nxc makes gets nxc's mode: one named by NXC_CONFIG_DIR that exists stays as its owner set it.
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        // A temporary file of this save's own, so that two nxc saving at once do not write into one file; the last
        // rename wins whole.
        var temporary = $"{FilePath}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(stream, profiles, Json);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, FilePath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
