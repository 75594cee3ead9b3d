using System.Diagnostics;
using System.Text;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// The README's example client run as a process of its own in its project folder, from its own build output (the
/// tests' configuration and framework; the test project references it, so it is built with them; the copy beside the
/// tests resolves its dependencies against the tests' newer packages and cannot start), as `dotnet run --` runs it there, against the exchange at the address given. Every wait is bounded, so a
/// client that says nothing fails the test instead of hanging it.
/// </summary>
internal sealed class ExampleClientProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();
    private readonly List<string> _lines = [];

    private ExampleClientProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                {
                    _errors.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>Where the README runs the client: its project folder.</summary>
    public static string Folder => Path.Combine(SharedData.RepositoryRoot, "clients", "NotificationExchange.ExampleClient");

    /// <summary>nx-example.dll in the client's bin folder, under the configuration and framework folders the tests run from.</summary>
    public static string Dll
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(Folder, "bin", framework.Parent!.Name, framework.Name, "nx-example.dll");
        }
    }

    /// <summary>Runs one command to its end (at most <paramref name="wait"/>, 60 s by default).</summary>
    public static async Task<(int ExitCode, string[] Output, string Errors)> RunAsync(string address, string apiKey, string[] arguments, TimeSpan? wait = null)
    {
        using var client = Start(address, apiKey, arguments);
        using var timeout = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(60));
        var output = await client._process.StandardOutput.ReadToEndAsync(timeout.Token);
        await client._process.WaitForExitAsync(timeout.Token);
        return (client._process.ExitCode, output.Split('\n', StringSplitOptions.RemoveEmptyEntries), client.Errors);
    }

    /// <summary>Starts a command that runs until stopped (subscribe); read it with <see cref="NextLineAsync"/>.</summary>
    public static ExampleClientProcess Start(string address, string apiKey, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["NX_ADDRESS"] = address;
        start.Environment["NX_API_KEY"] = apiKey;
        return new ExampleClientProcess(Process.Start(start)!);
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Everything printed so far, for failure messages.</summary>
    public string Transcript => $"stdout: {string.Join('\n', _lines)}\nstderr: {Errors}";

    /// <summary>The next line printed; fails the test when nothing comes within <paramref name="wait"/> or the client exits.</summary>
    public async Task<string> NextLineAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        string? line = null;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the example client printed nothing within {wait}\n{Transcript}");
        }
        if (line is null)
        {
            Assert.Fail($"the example client exited before printing what the test waited for\n{Transcript}");
        }
        _lines.Add(line!);
        return line!;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}
