using NotificationExchange.Cli.Cli;

namespace NotificationExchange.Clients.Tests.Support;

/// <summary>
/// nxc run in-process in the background (<see cref="Nxc.Start"/>), for verbs that go on (nxc watch): the test reads its
/// output while it runs, may hold its stdout shut, stops it as Ctrl+C would (cancelling), and awaits its exit status.
/// </summary>
internal sealed class RunningNxc : IDisposable
{
    private readonly CancellationTokenSource _interrupt = new();

    public RunningNxc(string[] args, Func<TextWriter, TextWriter, CliEnvironment> environment)
    {
        var running = environment(Out, Error);
        Exit = Task.Run(() => NxcApp.RunAsync(args, running, _interrupt.Token));
    }

    public RecordingWriter Out { get; } = new();

    public RecordingWriter Error { get; } = new();

    public Task<int> Exit { get; }

    /// <summary>Ctrl+C.</summary>
    public void Interrupt() => _interrupt.Cancel();

    /// <summary>The exit status, within <paramref name="timeout"/>.</summary>
    public async Task<int> ExitAsync(TimeSpan timeout)
    {
        try
        {
            return await Exit.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"nxc did not end within {timeout.TotalSeconds} s\nstdout:\n{Out.Text}\nstderr:\n{Error.Text}");
        }
    }

    public override string ToString() => $"stdout:\n{Out.Text}\nstderr:\n{Error.Text}";

    public void Dispose()
    {
        Out.Release();
        Error.Release();
        _interrupt.Cancel();
        // Ended before the token goes; a test that failed half-way leaves no nxc running behind it.
        _ = Task.WhenAny(Exit, Task.Delay(TimeSpan.FromSeconds(10))).GetAwaiter().GetResult();
        _interrupt.Dispose();
    }
}
