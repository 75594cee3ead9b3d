using NUnit.Framework;

namespace NotificationExchange.Testing;

/// <summary>
/// The external test data beside the repository (../shared/data: CCSDS examples, the SGP4 verification set, the
/// catalogue snapshot). It is never copied into the repository. A test that needs it fails under CI=true when it is
/// missing, and elsewhere reports itself skipped, naming the folder it looked in.
/// </summary>
public static class SharedData
{
    public static bool RunningInCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The data folder: NX_SHARED_DATA when set, else ../shared/data beside the repository root.</summary>
    public static string Root => Environment.GetEnvironmentVariable("NX_SHARED_DATA") is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NotificationExchange.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new InvalidOperationException($"no NotificationExchange.sln above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>The full path of a file or folder under the data root; fails (CI) or skips (elsewhere) when it is missing.</summary>
    public static string Require(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        if (File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }
        var message = $"shared test data not found: {path} (expected the folder {Root} beside the repository; set NX_SHARED_DATA to point elsewhere)";
        if (RunningInCi)
        {
            Assert.Fail(message);
        }
        Assert.Ignore(message);
        return path;
    }
}
