using NotificationExchange.Ccsds.Syntax;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Ccsds.Tests;

internal static class Shared
{
    /// <summary>The text of a file under shared/data/ccsds (skipped off CI when the folder is absent).</summary>
    public static string Ccsds(string relativePath) => File.ReadAllText(SharedData.Require("ccsds/" + relativePath));

    public static string Data(string relativePath) => File.ReadAllText(SharedData.Require(relativePath));
}

internal static class Expect
{
    /// <summary>Runs <paramref name="read"/>, which must throw, and returns the errors it reported.</summary>
    public static IReadOnlyList<CcsdsError> Errors(Action read)
    {
        var exception = Assert.Throws<CcsdsFormatException>(() => read());
        return exception!.Errors;
    }

    /// <summary>Asserts that one of the errors is of <paramref name="kind"/> for <paramref name="keyword"/> at <paramref name="line"/>.</summary>
    public static void Has(IReadOnlyList<CcsdsError> errors, CcsdsErrorKind kind, string? keyword, int? line)
    {
        Assert.That(errors.Any(error => error.Kind == kind && error.Keyword == keyword && (line is null || error.Line == line)), Is.True,
            $"expected {kind} for {keyword} at line {line}; got:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    public static void SameContent(Node left, Node right)
    {
        var differences = NodeDiff.Compare(left, right);
        Assert.That(differences, Is.Empty, string.Join(Environment.NewLine, differences));
    }
}
