namespace NotificationExchange.Cli.Commands.Consultations.Talk;

/// <summary>
/// The talk screen: lines of the conversation scroll up while the line being typed stays at the bottom. On a terminal
/// each line is written over the prompt (carriage return, erase line), then the prompt and the half-typed text are
/// drawn again below it, so that a message arriving mid-sentence never mixes with what is being typed. Elsewhere
/// (pipes, JSON) lines are written as they are and there is no prompt. One writer at a time.
/// </summary>
internal sealed class TalkScreen(TextWriter output, bool redraws, Func<int> width)
{
    public const string Prompt = "> ";

    private const string EraseLine = "\r\u001b[2K";

    private readonly Lock _lock = new();
    private string _typed = "";
    private bool _closed;

    /// <summary>A line of the conversation (or a remark), above the prompt.</summary>
    public void Show(string line)
    {
        lock (_lock)
        {
            if (redraws && !_closed)
            {
                output.Write(EraseLine);
            }
            output.WriteLine(line);
            if (redraws && !_closed)
            {
                DrawPrompt();
            }
            output.Flush();
        }
    }

    /// <summary>The text being typed changed: the prompt line is drawn again.</summary>
    public void Typed(string text)
    {
        lock (_lock)
        {
            _typed = text;
            if (redraws && !_closed)
            {
                output.Write(EraseLine);
                DrawPrompt();
                output.Flush();
            }
        }
    }

    /// <summary>Leaves the screen with the prompt erased; later lines are written as they are.</summary>
    public void Close()
    {
        lock (_lock)
        {
            if (redraws && !_closed)
            {
                output.Write(EraseLine);
                output.Flush();
            }
            _closed = true;
        }
    }

    /// <summary>The prompt and as much of the end of the typed text as fits on one line (a wrapped line could not be
    /// erased with one erase-line).</summary>
    private void DrawPrompt()
    {
        var room = Math.Max(1, width() - Prompt.Length - 1);
        output.Write(Prompt + (_typed.Length <= room ? _typed : _typed[^room..]));
    }
}
