namespace NotificationExchange.Clients.Tests.Support;

/// <summary>nxc as a process of its own: nxc.dll in the Cli project's bin folder, under the configuration and
/// framework folders the tests run from (the Cli project is a reference of the tests, so it is built with them; the
/// copy beside the tests resolves its dependencies against the tests' packages, which is not how nxc runs).</summary>
internal static class NxcProcess
{
    public static string Dll
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(Testing.SharedData.RepositoryRoot, "clients", "NotificationExchange.Cli", "bin", framework.Parent!.Name, framework.Name, "nxc.dll");
        }
    }
}
