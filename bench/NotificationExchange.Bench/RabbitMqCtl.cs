using System.Diagnostics;

namespace NotificationExchange.Bench;

/// <summary>
/// `rabbitmqctl` as root (directly, or through `sudo -n` as scripts/rabbitmq.sh does), for the recovery benchmark's
/// virtual host of its own: the broker is taken away from that virtual host only, never from anyone else on it.
/// </summary>
internal static class RabbitMqCtl
{
    public static async Task RunAsync(params string[] arguments)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "rabbitmqctl" : "sudo") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (!asRoot)
        {
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add("rabbitmqctl");
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run rabbitmqctl");
        var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        var text = await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} exited with {process.ExitCode}: {text[0]}{text[1]}");
        }
    }
}
