using System.Diagnostics;
using System.Text;

namespace NotificationExchange.Clients.Tests.Support;

/// <summary>A bash script run as a reader of the README runs it in a terminal: from a folder, with the environment
/// given on top of this process's, stdout and stderr kept apart, bounded by a timeout that kills it and its children.</summary>
internal static class Shell
{
    public static async Task<NxcResult> RunAsync(string script, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var file = Path.Combine(Path.GetTempPath(), $"nx-script-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(file, script);
        try
        {
            var start = new ProcessStartInfo("bash", ["-e", "-o", "pipefail", file])
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
            using var process = Process.Start(start)!;
            var output = new StringBuilder();
            var errors = new StringBuilder();
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(errors, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var limit = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                Append(errors, $"(killed after {timeout})");
            }
            // The asynchronous readers finish their last lines after the exit.
            process.WaitForExit();
            lock (output)
            {
                lock (errors)
                {
                    return new NxcResult(process.ExitCode, output.ToString(), errors.ToString());
                }
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
        }
    }
}
