using System.Diagnostics;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Support;

/// <summary>
/// nxc installed as the README installs it: scripts/install-nxc.sh (dotnet pack, then dotnet tool install from the
/// local package), into a tool folder of the test run's own, once per run. Tests that drive nxc as a user would (the
/// README walkthrough) put that folder on PATH.
/// </summary>
internal static class InstalledNxc
{
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    /// <summary>The folder holding the installed `nxc`.</summary>
    public static Task<string> ToolPathAsync() => Installed.Value;

    private static async Task<string> InstallAsync()
    {
        var tools = Path.Combine(Path.GetTempPath(), $"nxc-tool-{Environment.ProcessId}");
        var script = Path.Combine(SharedData.RepositoryRoot, "scripts", "install-nxc.sh");
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["NXC_TOOL_PATH"] = tools;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.That(process.ExitCode, Is.Zero, $"scripts/install-nxc.sh failed:\n{await output}\n{await errors}");
        Assert.That(File.Exists(Path.Combine(tools, "nxc")), $"scripts/install-nxc.sh left no nxc in {tools}:\n{await output}");
        return tools;
    }
}
