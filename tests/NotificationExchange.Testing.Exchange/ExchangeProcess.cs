using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NotificationExchange.Testing.Exchange;

/// <summary>The built exchange (NotificationExchange.Api.dll beside the tests) run as a process of its own.</summary>
public static class ExchangeProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "NotificationExchange.Api.dll");

    /// <summary>Starts `dotnet NotificationExchange.Api.dll [arguments]` with the given environment; its output is drained.</summary>
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
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
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
