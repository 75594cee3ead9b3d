using NotificationExchange.Clients.Tests.Support;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>Tab completion as bash runs it: the script of nxc completion bash sourced, its function called the way
/// bash calls it on Tab, with nxc's own executable (the apphost beside its build output) on PATH.</summary>
public sealed class CompletionTests
{
    [TestCase("nxc consult a", new[] { "accept", "acknowledge" })]
    [TestCase("nxc file maneuver --purpose c", new[] { "collision-avoidance" })]
    [TestCase("nxc al", new[] { "alerts" })]
    public async Task Tab_offers_the_verbs_options_and_words_that_fit(string line, string[] expected)
    {
        var words = line.Split(' ');
        var script = $$"""
            source <(nxc completion bash)
            COMP_LINE='{{line}}'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=({{line}}); COMP_CWORD={{words.Length - 1}}
            _nxc
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var folder = Path.Combine(SharedData.RepositoryRoot, "clients", "NotificationExchange.Cli", "bin",
            new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name,
            new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name);

        var result = await Shell.RunAsync(script, Path.GetTempPath(),
            new Dictionary<string, string> { ["PATH"] = folder + ":" + Environment.GetEnvironmentVariable("PATH") }, TimeSpan.FromMinutes(1));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Lines, Is.EquivalentTo(expected), result.ToString());
    }
}
