using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NotificationExchange.Testing.Exchange;

/// <summary>The built exchange (NotificationExchange.Api.dll beside the tests) run as a process of its own.</summary>
public static class ExchangeProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "NotificationExchange.Api.dll");

    /// <summary>
    /// Starts `dotnet NotificationExchange.Api.dll [arguments]` with the given environment; its output is drained, or
    /// written to server-&lt;pid&gt;.log in the folder NX_DEBUG_SERVER_LOG names (to see what a failing test's servers did).
    /// </summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        var log = Environment.GetEnvironmentVariable("NX_DEBUG_SERVER_LOG") is { Length: > 0 } folder ? new StreamWriter(Path.Combine(folder, $"server-{process.Id}.log")) { AutoFlush = true } : null;
        process.OutputDataReceived += (_, e) => { lock (process) { log?.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (process) { log?.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A loopback port nothing listens on at the moment.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
