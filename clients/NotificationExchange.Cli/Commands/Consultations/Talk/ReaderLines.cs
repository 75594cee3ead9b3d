using System.Threading.Channels;

namespace NotificationExchange.Cli.Commands.Consultations.Talk;

/// <summary>The lines of a reader that is not a terminal (a pipe, a file, a test's text), read on a background thread
/// of their own (a console reader's reads cannot be cancelled) until it ends.</summary>
internal static class ReaderLines
{
    public static ChannelReader<string> Start(TextReader reader)
    {
        var lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        new Thread(() =>
        {
            try
            {
                while (reader.ReadLine() is { } line)
                {
                    lines.Writer.TryWrite(line);
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // Input that cannot be read any more has ended.
            }
            lines.Writer.TryComplete();
        }) { IsBackground = true, Name = "nxc talk input" }.Start();
        return lines.Reader;
    }
}
