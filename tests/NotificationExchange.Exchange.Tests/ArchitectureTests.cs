using System.Xml.Linq;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// The dependency graph drawn in docs/architecture.md is the one the project files make, and the README's arrow line
/// says nothing the graph does not: a reference added, or a leaf (Orbits, Ccsds, Transparency) made to depend on something, fails here
/// until the drawing is changed with it.
/// </summary>
public class ArchitectureTests
{
    private const string Prefix = "NotificationExchange.";
    private const string Nothing = "nothing";

    [Test]
    public void The_documented_graph_is_the_graph_the_project_files_make()
    {
        var documented = DocumentedGraph();
        var actual = ProjectGraph();

        Assert.That(documented.Keys, Is.EquivalentTo(actual.Keys), "projects under services/, protos/ and clients/ against docs/architecture.md");
        Assert.Multiple(() =>
        {
            foreach (var (project, references) in actual)
            {
                Assert.That(references, Is.EquivalentTo(documented[project]), $"references of {project}");
            }
        });
    }

    [Test]
    public void The_engines_are_leaves()
    {
        var actual = ProjectGraph();
        Assert.That(actual["Orbits"], Is.Empty);
        Assert.That(actual["Ccsds"], Is.Empty);
        Assert.That(actual["Transparency"], Is.Empty);
    }

    [Test]
    public void The_readme_arrow_line_is_true()
    {
        var readme = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("Dependencies point inwards: ", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README.md has no 'Dependencies point inwards:' line");
        var line = readme[(start + "Dependencies point inwards: ".Length)..];
        // the sentence ends at a full stop before a blank or a line end (project names have dots inside)
        line = line.ReplaceLineEndings(" ");
        line = line[..line.IndexOf(". ", StringComparison.Ordinal)];
        var graph = ProjectGraph();
        var edges = 0;
        foreach (var chain in line.Split(';', StringSplitOptions.TrimEntries))
        {
            var steps = chain.Split('→', StringSplitOptions.TrimEntries)
                .Select(step => step.Split(',', StringSplitOptions.TrimEntries))
                .ToArray();
            for (var i = 1; i < steps.Length; i++)
            {
                foreach (var from in steps[i - 1])
                {
                    foreach (var to in steps[i])
                    {
                        Assert.That(graph.ContainsKey(from) && graph[from].Contains(to), Is.True, $"README says {from} → {to}");
                        edges++;
                    }
                }
            }
        }
        Assert.That(edges, Is.GreaterThan(0), $"no arrows read from '{line}'");
    }

    /// <summary>Project (short name) → the projects it references, from every .csproj under services/, protos/ and clients/.</summary>
    private static Dictionary<string, string[]> ProjectGraph()
    {
        var root = SharedData.RepositoryRoot;
        return new[] { "services", "protos", "clients" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(
                ShortName,
                path => XDocument.Load(path).Descendants("ProjectReference")
                    .Select(reference => ShortName(reference.Attribute("Include")!.Value.Replace('\\', '/')))
                    .ToArray());
    }

    /// <summary>The list under "## Dependencies" in docs/architecture.md: "- A → B, C" and "- D, E → nothing".</summary>
    private static Dictionary<string, string[]> DocumentedGraph()
    {
        var lines = File.ReadAllLines(Path.Combine(SharedData.RepositoryRoot, "docs", "architecture.md"));
        var section = lines.SkipWhile(l => l != "## Dependencies").Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal));
        var graph = new Dictionary<string, string[]>();
        foreach (var line in section.Where(l => l.StartsWith("- ", StringComparison.Ordinal) && l.Contains('→')))
        {
            var parts = line[2..].Split('→', StringSplitOptions.TrimEntries);
            var targets = parts[1] == Nothing ? [] : parts[1].Split(',', StringSplitOptions.TrimEntries);
            foreach (var project in parts[0].Split(',', StringSplitOptions.TrimEntries))
            {
                Assert.That(graph.TryAdd(project, targets), Is.True, $"docs/architecture.md lists {project} twice");
            }
        }
        Assert.That(graph, Is.Not.Empty, "docs/architecture.md has no dependency list under '## Dependencies'");
        return graph;
    }

    private static string ShortName(string csprojPath)
    {
        var name = Path.GetFileNameWithoutExtension(csprojPath);
        return name.StartsWith(Prefix, StringComparison.Ordinal) ? name[Prefix.Length..] : name;
    }
}
