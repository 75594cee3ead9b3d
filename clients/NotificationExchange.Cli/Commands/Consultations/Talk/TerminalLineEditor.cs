using System.Text;
using System.Threading.Channels;

namespace NotificationExchange.Cli.Commands.Consultations.Talk;

/// <summary>
/// Reads keys from the terminal on a thread of its own (Console.ReadKey blocks and cannot be cancelled; the thread is
/// a background one, so it never keeps nxc alive) and edits one line: printable keys, Backspace, Ctrl+W (word),
/// Ctrl+U or Escape (line); Enter hands the line over; Ctrl+D on an empty line ends the input. Every change is drawn
/// on the <see cref="TalkScreen"/>.
/// </summary>
internal static class TerminalLineEditor
{
    public static ChannelReader<string> Start(TalkScreen screen)
    {
        var lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        new Thread(() => Run(screen, lines.Writer)) { IsBackground = true, Name = "nxc talk keys" }.Start();
        return lines.Reader;
    }

    private static void Run(TalkScreen screen, ChannelWriter<string> lines)
    {
        var typed = new StringBuilder();
        try
        {
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                var c = key.KeyChar;
                if (key.Key == ConsoleKey.Enter || c is '\r' or '\n')
                {
                    lines.TryWrite(typed.ToString());
                    typed.Clear();
                }
                else if (key.Key == ConsoleKey.Backspace || c is '\b' or '\u007f')
                {
                    typed.Length = Math.Max(0, typed.Length - 1);
                }
                else if (c == '\u0017')
                {
                    var end = typed.Length;
                    while (end > 0 && typed[end - 1] == ' ')
                    {
                        end--;
                    }
                    while (end > 0 && typed[end - 1] != ' ')
                    {
                        end--;
                    }
                    typed.Length = end;
                }
                else if (key.Key == ConsoleKey.Escape || c is '\u0015' or '\u001b')
                {
                    typed.Clear();
                }
                else if (c == '\u0004')
                {
                    if (typed.Length == 0)
                    {
                        lines.TryComplete();
                        return;
                    }
                }
                else if (c != '\0' && !char.IsControl(c))
                {
                    typed.Append(c);
                }
                screen.Typed(typed.ToString());
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            // The terminal went away: no more input.
            lines.TryComplete();
        }
    }
}
