using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NUnit.Framework;

namespace NotificationExchange.Testing;

/// <summary>
/// A private single RabbitMQ node, run as a process of its own: its own node name, AMQP port, Erlang distribution
/// port, epmd port, Erlang cookie (HOME), mnesia and log folders under a temporary folder, so that a test may restart
/// it or drop its connections without touching the shared broker on localhost:5672 that other tests use. The node
/// keeps its data across <see cref="RestartAsync"/> (same folders, same ports), as a restarted broker does. The
/// binaries come from Debian's rabbitmq-server (scripts/rabbitmq.sh installs it); when they are missing a test fails
/// under CI=true and elsewhere reports itself skipped.
/// </summary>
public sealed class RabbitMqNode : IAsyncDisposable
{
    private const string Bin = "/usr/lib/rabbitmq/bin";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _folder;
    private readonly Dictionary<string, string> _environment;
    private Process? _process;
    private bool _disposed;

    private RabbitMqNode(string folder, string nodeName, int amqpPort, int distributionPort, int epmdPort)
    {
        _folder = folder;
        NodeName = nodeName;
        AmqpPort = amqpPort;
        EpmdPort = epmdPort;
        _environment = new Dictionary<string, string>
        {
            // the Erlang cookie is read from $HOME: a cookie of this node's own, never the shared broker's
            ["HOME"] = folder,
            // an epmd of its own: stopping it at the end cannot unregister anybody else's node
            ["ERL_EPMD_PORT"] = epmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_NODENAME"] = nodeName,
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "node.conf"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(folder, "advanced.config"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(folder, "rabbitmq-env.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
            ["RABBITMQ_PLUGINS_EXPAND_DIR"] = Path.Combine(folder, "plugins-expand"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(folder, "node.pid"),
        };
    }

    public string NodeName { get; }

    public int AmqpPort { get; }

    public int EpmdPort { get; }

    /// <summary>The connection string (ConnectionStrings:RabbitMq) of this node.</summary>
    public string Address => $"amqp://guest:guest@127.0.0.1:{AmqpPort}/";

    /// <summary>When the node last began accepting AMQP connections (its port opened; the rabbit application was
    /// confirmed running just after).</summary>
    public DateTime AcceptingSince { get; private set; }

    /// <summary>The node's own log, for a failure's message.</summary>
    public string LogFolder => Path.Combine(_folder, "log");

    /// <summary>Starts a new node and returns once it accepts AMQP connections.</summary>
    public static async Task<RabbitMqNode> StartAsync()
    {
        RequireBinaries();
        var id = Guid.NewGuid().ToString("N")[..12];
        var folder = Path.Combine(Path.GetTempPath(), "nx-rabbitmq-node", id);
        Directory.CreateDirectory(folder);
        var node = new RabbitMqNode(folder, $"nx-{id}@localhost", FreePort(), FreePort(), FreePort());
        await File.WriteAllLinesAsync(Path.Combine(folder, "node.conf"),
        [
            // the only listener: loopback, this node's port (no listeners.tcp.default: that would add 5672)
            $"listeners.tcp.1 = 127.0.0.1:{node.AmqpPort}",
            "log.console = false",
            "log.file.level = warning",
            // a busy test machine's disk must not block publishers (the default alarm is at 50 MB free)
            "disk_free_limit.absolute = 10MB",
        ]);
        await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), "[].\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "rabbitmq-env.conf"), "");
        try
        {
            await node.StartServerAsync();
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the node's server again (after <see cref="StopServerAsync"/>) on the same folders and ports;
    /// returns once it accepts AMQP connections.</summary>
    public async Task StartServerAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException($"RabbitMQ node {NodeName} is already running");
        }
        _process?.Dispose();
        var start = new ProcessStartInfo(Path.Combine(Bin, "rabbitmq-server"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }
        // In the foreground: the script execs the Erlang VM, so this process is the node and Kill() ends it.
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start rabbitmq-server");
        var output = Path.Combine(_folder, "log", "console.log");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var writer = TextWriter.Synchronized(new StreamWriter(output, append: true) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { writer.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { writer.WriteLine(e.Data); } };
        process.Exited += (_, _) => writer.Dispose();
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilAcceptingAsync();
    }

    /// <summary>Stops the node cleanly: SIGTERM, which RabbitMQ answers with its orderly shutdown (connections closed,
    /// data kept), as rabbitmqctl stop does but without the command line tool's seconds of start-up; SIGKILL if it is
    /// not gone within a minute.</summary>
    public async Task StopServerAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }
        using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            term?.WaitForExit();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGKILL: the node gets no chance to close anything.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Stops the node cleanly and starts it again; returns once it accepts AMQP connections.</summary>
    public async Task RestartAsync()
    {
        await StopServerAsync();
        await StartServerAsync();
    }

    /// <summary>What rabbitmqctl close_all_connections does: every client connection is closed by the broker, which
    /// stays up. Returns when the node closed them, by its own clock (the command line tool takes seconds to start and
    /// to stop around that moment).</summary>
    public async Task<DateTime> CloseAllConnectionsAsync()
    {
        var output = await CtlAsync("eval", "rabbit_networking:close_connections(rabbit_networking:connections(), \"fault injected by a test\"), os:system_time(millisecond).");
        return DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture)).UtcDateTime;
    }

    /// <summary>Runs rabbitmqctl against this node (for at most two minutes); its standard output.</summary>
    public async Task<string> CtlAsync(params string[] arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var start = new ProcessStartInfo(Path.Combine(Bin, "rabbitmqctl"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add(NodeName);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start rabbitmqctl");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} on {NodeName} did not finish within 2 minutes");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} on {NodeName} exited {process.ExitCode}: {await error}{await output}");
        }
        return await output;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await KillAsync();
        _process?.Dispose();
        // this node's own epmd (its port), which the node started; never another's
        try
        {
            var epmd = new ProcessStartInfo("epmd", ["-kill"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            epmd.Environment["ERL_EPMD_PORT"] = _environment["ERL_EPMD_PORT"];
            using var process = Process.Start(epmd);
            if (process is not null)
            {
                await process.WaitForExitAsync();
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no epmd binary: nothing was started
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // the system cleans its temporary folder later
        }
    }

    private async Task WaitUntilAcceptingAsync()
    {
        var startedAt = DateTime.UtcNow;
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"RabbitMQ node {NodeName} exited while starting (see {LogFolder}): {Tail(Path.Combine(LogFolder, "console.log"))}");
            }
            // The port opens only once the node has booted far enough to accept connections; await_startup then
            // confirms that the rabbit application runs (the listener starts before it does).
            if (PortOpen())
            {
                if (AcceptingSince < startedAt)
                {
                    AcceptingSince = DateTime.UtcNow;
                }
                try
                {
                    await CtlAsync("await_startup", "--timeout", "60");
                    return;
                }
                catch (InvalidOperationException) when (DateTime.UtcNow < deadline)
                {
                }
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException($"RabbitMQ node {NodeName} did not start within {StartTimeout.TotalSeconds} s (see {LogFolder})");
            }
            await Task.Delay(100);
        }
    }

    private bool PortOpen()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, AmqpPort);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Tail(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }
        var text = File.ReadAllText(path);
        return text[^Math.Min(text.Length, 2000)..];
    }

    private static void RequireBinaries()
    {
        if (File.Exists(Path.Combine(Bin, "rabbitmq-server")) && File.Exists(Path.Combine(Bin, "rabbitmqctl")))
        {
            return;
        }
        var message = $"RabbitMQ is not installed ({Bin}/rabbitmq-server is missing); run scripts/test.sh or scripts/rabbitmq.sh, which install it";
        if (SharedData.RunningInCi)
        {
            Assert.Fail(message);
        }
        Assert.Ignore(message);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
