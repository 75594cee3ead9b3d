using System.Diagnostics;
using System.Globalization;

namespace NotificationExchange.Bench;

/// <summary>
/// Runs a profiler against every server during each full-speed phase of a load run. The command is a shell command in
/// which {pid}, {seconds}, {duration} (dd:hh:mm:ss, as dotnet-trace takes it) and {out} (the folder, the repeat, the
/// phase and the server's index, without an extension) are replaced; bench/profile.sh passes dotnet-trace's.
/// </summary>
internal sealed class ProfileHook(string folder, string command)
{
    public static ProfileHook? FromOptions(string folder, string command)
    {
        if (folder.Length == 0)
        {
            return null;
        }
        if (command.Length == 0)
        {
            throw new ArgumentException("--profile needs --profile-command (bench/profile.sh gives one)");
        }
        Directory.CreateDirectory(folder);
        return new ProfileHook(Path.GetFullPath(folder), command);
    }

    /// <summary>The hook for one group of servers; what it starts ends a second before the phase does.</summary>
    public Func<string, TimeSpan, Task> For(IReadOnlyList<ServerProcess> servers, string prefix) => (phase, length) =>
    {
        var seconds = Math.Max(1, (int)length.TotalSeconds - 1);
        return Task.WhenAll(servers.Select((server, index) => RunAsync(server.ProcessId, seconds, Path.Combine(folder, $"{prefix}{phase}-server{index}"))));
    };

    private async Task RunAsync(int pid, int seconds, string output)
    {
        var text = command
            .Replace("{pid}", pid.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{seconds}", seconds.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{duration}", TimeSpan.FromSeconds(seconds).ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{out}", output, StringComparison.Ordinal);
        using var process = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", text }, RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"could not run the profiler: {text}");
        var log = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        var (stdout, stderr) = ((await log)[0], (await log)[1]);
        await File.WriteAllTextAsync(output + ".log", $"$ {text}\n{stdout}{stderr}");
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"  profiler exited with {process.ExitCode}: {text} (see {output}.log)");
        }
    }
}
