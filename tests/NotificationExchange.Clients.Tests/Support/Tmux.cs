using System.Diagnostics;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Support;

/// <summary>
/// A terminal for an interactive command: a tmux server of the test's own (its own socket in a folder of its own, so
/// that nothing else's sessions or environment get in) running one detached session of a fixed size. Keys go in with
/// send-keys, the screen comes out with capture-pane; waits poll the screen with a bound. After the command, the pane's
/// shell writes its exit status on the screen and waits: tmux's remain-on-exit would keep the pane too, but it may drop
/// the last output of a command that exits at once. Dispose kills the server.
/// </summary>
internal sealed class Tmux : IDisposable
{
    private const string ExitMark = "[command exited ";

    private readonly string _folder = Directory.CreateTempSubdirectory("nxc-tmux-").FullName;

    private string Socket => Path.Combine(_folder, "socket");

    private Tmux()
    {
    }

    /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/> and the environment variables given
    /// in a <paramref name="width"/> x <paramref name="height"/> terminal.</summary>
    public static Tmux Start(int width, int height, IReadOnlyDictionary<string, string> environment, string program, params string[] arguments)
    {
        var tmux = new Tmux();
        var command = new List<string> { "new-session", "-d", "-s", "t", "-x", $"{width}", "-y", $"{height}" };
        foreach (var (name, value) in environment)
        {
            command.AddRange(["-e", $"{name}={value}"]);
        }
        command.Add(string.Join(' ', new[] { program }.Concat(arguments).Select(Quote)) + $"; printf '\\n{ExitMark}%d]\\n' $?; read -r _");
        tmux.Run([.. command]);
        return tmux;
    }

    /// <summary>Types <paramref name="text"/> as it is (no key names).</summary>
    public void Type(string text) => Run("send-keys", "-t", "t", "-l", text);

    public void Enter() => Run("send-keys", "-t", "t", "Enter");

    /// <summary>The screen's lines, trailing blanks removed.</summary>
    public string[] Screen() => Run("capture-pane", "-p", "-t", "t").TrimEnd('\n').Split('\n').Select(l => l.TrimEnd()).ToArray();

    /// <summary>The exit status of the command once it has exited; null while it runs.</summary>
    public int? ExitStatus() =>
        Screen().LastOrDefault(l => l.StartsWith(ExitMark, StringComparison.Ordinal)) is { } line
            ? int.Parse(line[ExitMark.Length..^1], System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>Polls the screen until <paramref name="shows"/> holds; fails the test with the screen after
    /// <paramref name="wait"/>.</summary>
    public async Task<string[]> WaitForScreenAsync(Func<string[], bool> shows, TimeSpan wait, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var screen = Screen();
            if (shows(screen))
            {
                return screen;
            }
            if (deadline.Elapsed > wait)
            {
                Assert.Fail($"the screen did not show {what} within {wait}:\n{string.Join('\n', screen)}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Polls until the command has exited; fails the test after <paramref name="wait"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan wait)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (ExitStatus() is { } status)
            {
                return status;
            }
            if (deadline.Elapsed > wait)
            {
                Assert.Fail($"the command did not exit within {wait}:\n{string.Join('\n', Screen())}");
            }
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        try
        {
            Run("kill-server");
        }
        catch (InvalidOperationException)
        {
            // no server left to kill
        }
        // tmux leaves its socket file behind.
        Directory.Delete(_folder, recursive: true);
    }

    private string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-S");
        start.ArgumentList.Add(Socket);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(10_000))
        {
            process.Kill();
            throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} did not finish within 10 s");
        }
        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
    }

    /// <summary>A word for the shell tmux runs the command with.</summary>
    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
