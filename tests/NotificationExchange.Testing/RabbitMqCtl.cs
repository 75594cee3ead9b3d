using System.Diagnostics;
using System.Text.Json;
using NUnit.Framework;

namespace NotificationExchange.Testing;

/// <summary>
/// rabbitmqctl, as the scripts run it: for the shared broker Debian's wrapper (it needs root, or sudo, and runs the
/// command as the rabbitmq user), for the local cluster scripts/rabbitmq-cluster.sh's `ctl N`. Under CI=true a command
/// that cannot run fails the test; elsewhere it is reported skipped.
/// </summary>
public static class RabbitMqCtl
{
    /// <summary>The shared broker's queues, in the virtual host the tests' exchanges use (<see cref="RabbitMqBroker.VirtualHost"/>).</summary>
    public static async Task<IReadOnlyList<BrokerQueue>> ListQueuesAsync() =>
        ParseQueues(await SharedBrokerAsync([.. ListQueuesArguments, "--vhost", RabbitMqBroker.VirtualHost]));

    /// <summary>`rabbitmqctl <paramref name="arguments"/>` on the shared broker: as root directly, else through `sudo -n`
    /// (as scripts/rabbitmq.sh does); its standard output.</summary>
    public static Task<string> SharedBrokerAsync(params string[] arguments)
    {
        string[] command = ["rabbitmqctl", .. arguments];
        return RunAsync(Environment.UserName == "root" ? command : ["sudo", "-n", .. command]);
    }

    /// <summary>The arguments of list_queues that <see cref="ParseQueues"/> reads.</summary>
    public static readonly string[] ListQueuesArguments =
        ["list_queues", "name", "type", "durable", "exclusive", "auto_delete", "messages", "--formatter", "json", "-q"];

    /// <summary>list_queues' JSON (<see cref="ListQueuesArguments"/>).</summary>
    public static IReadOnlyList<BrokerQueue> ParseQueues(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(q => new BrokerQueue(
            q.GetProperty("name").GetString()!,
            q.GetProperty("type").GetString()!,
            Flag(q, "durable"),
            Flag(q, "exclusive"),
            Flag(q, "auto_delete"),
            q.GetProperty("messages").ValueKind == JsonValueKind.Number ? q.GetProperty("messages").GetInt64() : 0)).ToList();
    }

    /// <summary>Runs a command to its end and returns its standard output; fails (CI) or skips when it cannot run or fails.</summary>
    public static async Task<string> RunAsync(IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Unavailable($"cannot run {command[0]} ({e.Message}); scripts/rabbitmq.sh installs RabbitMQ");
            throw;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{string.Join(' ', command)} did not finish within {timeout ?? TimeSpan.FromMinutes(2)}");
            }
            if (process.ExitCode != 0)
            {
                Unavailable($"{string.Join(' ', command)} exited {process.ExitCode}: {await error} {await output}");
            }
            return await output;
        }
    }

    /// <summary>A true/false column; rabbitmqctl writes some as strings for some queue types ("" for "not").</summary>
    private static bool Flag(JsonElement queue, string column) => queue.GetProperty(column) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.String } text => text.GetString() == "true",
        _ => false,
    };

    private static void Unavailable(string message)
    {
        if (SharedData.RunningInCi)
        {
            Assert.Fail(message);
        }
        Assert.Ignore(message);
    }
}
