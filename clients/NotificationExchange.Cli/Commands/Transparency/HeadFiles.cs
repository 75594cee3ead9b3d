using NotificationExchange.Cli.Cli;

namespace NotificationExchange.Cli.Commands.Transparency;

/// <summary>Files of saved tree heads named on the command line: one that is not such a file (a line that is no
/// head) is a usage error naming the file and line, before anything is verified.</summary>
internal static class HeadFiles
{
    public static async Task<T> ReadingAsync<T>(FileInfo file, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"{file.FullName} is not a file of saved tree heads (nxc log head --save writes one): {e.Message}");
        }
    }
}
