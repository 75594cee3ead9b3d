using System.Diagnostics;
using System.Text;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Support;

/// <summary>
/// RFC 8785 and SHA-256 as someone outside the exchange would compute them: Node.js, whose JSON.stringify is the
/// serialisation RFC 8785 builds on (strings and numbers), plus keys sorted by UTF-16 code units (what Array.sort
/// does), in a dozen lines that share nothing with the exchange's C#. Needs `node` on PATH (scripts/test.sh makes sure
/// of it): without it a test fails under CI=true and elsewhere reports itself skipped.
/// </summary>
internal static class IndependentJcs
{
    private const string Script = """
        const crypto = require('crypto');
        const canonical = v => v === null || typeof v !== 'object' ? JSON.stringify(v)
          : Array.isArray(v) ? '[' + v.map(canonical).join(',') + ']'
          : '{' + Object.keys(v).sort().map(k => JSON.stringify(k) + ':' + canonical(v[k])).join(',') + '}';
        let input = '';
        process.stdin.setEncoding('utf8');
        process.stdin.on('data', d => input += d);
        process.stdin.on('end', () => {
          const text = canonical(JSON.parse(input));
          process.stdout.write(JSON.stringify({ canonical: text, sha256: crypto.createHash('sha256').update(text, 'utf8').digest('hex') }));
        });
        """;

    /// <summary>The canonical form of <paramref name="json"/> and the SHA-256 (hex) of its UTF-8, as Node computes them.</summary>
    public static async Task<(string Canonical, string Sha256)> CanonicalizeAsync(string json)
    {
        RequireNode();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(Script);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(json);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.That(process.ExitCode, Is.Zero, await errors);
        using var answer = System.Text.Json.JsonDocument.Parse(await output);
        return (answer.RootElement.GetProperty("canonical").GetString()!, answer.RootElement.GetProperty("sha256").GetString()!);
    }

    private static void RequireNode()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, "node")));
        if (onPath)
        {
            return;
        }
        const string missing = "node (Node.js 18 or later) is not on PATH; the transcript's digest is recomputed with it (scripts/test.sh installs it)";
        if (SharedData.RunningInCi)
        {
            Assert.Fail(missing);
        }
        Assert.Ignore(missing);
    }
}
