using System.Diagnostics;
using System.Text;
using System.Text.Json;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// The Node.js client in tests/outsider-node (grpc-js, loading the .proto files alone) run as a process of its own.
/// It prints one JSON object a line and takes commands on stdin; reads are bounded so that a client that says nothing
/// fails the test instead of hanging it. Needs `node` on PATH and the client's dependencies installed
/// (`npm ci --prefix tests/outsider-node`, which scripts/test.sh runs): without them a test fails under CI=true and
/// elsewhere reports itself skipped, saying what to do.
/// </summary>
internal sealed class OutsiderNode : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();
    private readonly List<string> _lines = [];

    private OutsiderNode(Process process)
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

    public static string Folder => Path.Combine(SharedData.RepositoryRoot, "tests", "outsider-node");

    /// <summary>Starts `node outsider.js [arguments]`; fails (CI) or skips (elsewhere) when Node or the dependencies are missing.</summary>
    public static OutsiderNode Start(params string[] arguments)
    {
        Require();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(Folder, "outsider.js"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return new OutsiderNode(Process.Start(start)!);
    }

    /// <summary>Everything the client printed so far (for messages when an assertion fails).</summary>
    public string Transcript
    {
        get
        {
            lock (_errors)
            {
                return $"stdout (last lines): {string.Join('\n', _lines.TakeLast(20))}\nstderr: {_errors}";
            }
        }
    }

    /// <summary>The next line the client prints, as JSON; fails the test when it prints nothing in time or exits.</summary>
    public async Task<JsonElement> NextAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(30));
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the Node client said nothing within {wait ?? TimeSpan.FromSeconds(30)}\n{Transcript}");
            throw;
        }
        if (line is null)
        {
            await _process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"the Node client exited ({_process.ExitCode}) before saying what the test waited for\n{Transcript}");
        }
        _lines.Add(line!);
        var message = JsonDocument.Parse(line!).RootElement;
        if (message.GetProperty("type").GetString() == "failed")
        {
            Assert.Fail($"the Node client failed: {message.GetProperty("message").GetString()}\n{Transcript}");
        }
        return message;
    }

    /// <summary>The next line whose type is <paramref name="type"/>, passing <paramref name="seen"/> each line before it.</summary>
    public async Task<JsonElement> NextOfTypeAsync(string type, Action<JsonElement>? seen = null, TimeSpan? wait = null)
    {
        while (true)
        {
            var message = await NextAsync(wait);
            if (message.GetProperty("type").GetString() == type)
            {
                return message;
            }
            seen?.Invoke(message);
        }
    }

    public async Task SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits, bounded, for the client to exit, and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
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

    /// <summary>The code and BadRequest field paths of an answer the Node client printed ({"ok":...,"status":...}), or "OK" and none.</summary>
    public static (string Code, string[] Fields) Refusal(JsonElement answer)
    {
        if (answer.GetProperty("ok").GetBoolean())
        {
            return ("OK", []);
        }
        var status = answer.GetProperty("status");
        var violations = status.GetProperty("field_violations");
        var fields = violations.ValueKind == JsonValueKind.Array
            ? violations.EnumerateArray().Select(v => v.GetProperty("field").GetString()!).ToArray()
            : [];
        return (status.GetProperty("code_name").GetString()!, fields);
    }

    private static void Require()
    {
        string? missing = null;
        if (!OnPath("node"))
        {
            missing = "node (Node.js 18 or later) is not on PATH; install Node.js and npm, then run npm ci --prefix tests/outsider-node";
        }
        else if (!File.Exists(Path.Combine(Folder, "node_modules", "@grpc", "grpc-js", "package.json")))
        {
            missing = $"the Node client's dependencies are not installed in {Folder}; run npm ci --prefix tests/outsider-node (scripts/test.sh does)";
        }
        if (missing is null)
        {
            return;
        }
        if (SharedData.RunningInCi)
        {
            Assert.Fail(missing);
        }
        Assert.Ignore(missing);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}
