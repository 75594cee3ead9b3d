using System.Diagnostics;
using System.Text.RegularExpressions;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// docker-compose.yml and the Dockerfile cannot be run here (no Docker engine), so their settings are checked against
/// the real application: the environment they set must configure the exchange the way they mean.
/// </summary>
public partial class DeploymentFilesTests
{
    private static string Root => SharedData.RepositoryRoot;

    [Test]
    public async Task The_dockerfile_environment_and_health_check_command_work_on_the_built_exchange()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "services/NotificationExchange.Api/Dockerfile"));
        var environment = DockerfileEnvironment().Matches(dockerfile).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.That(environment.Keys, Is.SupersetOf(new[] { "ASPNETCORE_ENVIRONMENT", "Kestrel__Endpoints__Grpc__Url", "Exchange__Store__Path" }));
        var healthCheck = HealthCheckCommand().Match(dockerfile);
        Assert.That(healthCheck.Success, Is.True, "the Dockerfile has a HEALTHCHECK running the exchange's own probe");
        using var database = new TestDatabase();
        var port = ExchangeProcess.FreePort();
        var server = ExchangeProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment["ASPNETCORE_ENVIRONMENT"],
            ["Kestrel__Endpoints__Grpc__Url"] = environment["Kestrel__Endpoints__Grpc__Url"].Replace("0.0.0.0:5170", $"127.0.0.1:{port}"),
            ["Exchange__Store__Path"] = database.Path,
            ["Exchange__AdminApiKey"] = "dockerfile-admin-key-0123456789abcdef",
            // Production refuses to start without the transparency log's signing key (docs/transparency.md).
            ["Exchange__Transparency__SigningKey"] = SigningKeyFile(database.Path),
        });
        try
        {
            var probeArguments = Probe(healthCheck, port);
            var exitCode = -1;
            for (var attempt = 0; attempt < 100 && exitCode != 0; attempt++)
            {
                exitCode = await RunAsync(probeArguments);
                if (exitCode != 0)
                {
                    await Task.Delay(200);
                }
            }
            Assert.That(exitCode, Is.Zero, "the health check command reports SERVING");
            Assert.That(File.Exists(database.Path), Is.True, "Exchange__Store__Path chose the database file");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        Assert.That(await RunAsync(Probe(healthCheck, port)), Is.Not.Zero,
            "and reports failure once the exchange is gone");
    }

    /// <summary>A fresh ECDSA P-256 key in a PEM file beside the database, as an operator would provide one.</summary>
    private static string SigningKeyFile(string databasePath)
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var path = Path.Combine(Path.GetDirectoryName(databasePath)!, "signing-key.pem");
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        return path;
    }

    /// <summary>The HEALTHCHECK's words, aimed at this test's port instead of the container's.</summary>
    private static string Probe(Match healthCheck, int port) =>
        $"{healthCheck.Groups[1].Value} {healthCheck.Groups[2].Value} {healthCheck.Groups[3].Value.Replace("localhost:5170", $"127.0.0.1:{port}")}";

    /// <summary>A compose value with ${NAME:-default} and ${NAME:?message} read as the default (or empty).</summary>
    private static string Interpolated(string value) => ComposeVariable().Replace(value, m => m.Groups[2].Value == "-" ? m.Groups[3].Value : "");

    /// <summary>Runs `dotnet NotificationExchange.Api.dll ...` as the Dockerfile's HEALTHCHECK does, from the built output.</summary>
    private static async Task<int> RunAsync(string arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    [GeneratedRegex(@"(?:ENV\s+|\\\s*\n\s+)([A-Za-z_]+)=(\S+)")]
    private static partial Regex DockerfileEnvironment();

    /// <summary>The HEALTHCHECK's command: the words after "dotnet".</summary>
    [GeneratedRegex(@"HEALTHCHECK[^\n]*\\\s*\n\s*CMD \[""dotnet"", ""([^""]+)"", ""([^""]+)"", ""([^""]+)""\]")]
    private static partial Regex HealthCheckCommand();

    [GeneratedRegex(@"\$\{([A-Z_]+)(?::([-?])([^}]*))?\}")]
    private static partial Regex ComposeVariable();
}
