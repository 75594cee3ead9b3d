using Google.Protobuf;
using NotificationExchange.Cli.Cli;
using Spectre.Console;

namespace NotificationExchange.Cli.Output;

/// <summary>
/// Where a verb's answer goes. In JSON mode every verb prints exactly one JSON document on stdout (a message as proto3
/// JSON with every field, a list as an array), or one per line for a stream, and nothing else; messages for people go
/// to stderr. In text mode the Spectre console draws tables, live views and progress, with colours and cursor movement
/// only when stdout is a terminal.
/// </summary>
internal sealed class Printer
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    private readonly CliEnvironment _environment;

    public Printer(CliEnvironment environment, OutputFormat format)
    {
        _environment = environment;
        Format = format;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(environment.Out),
            Ansi = environment.OutputIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = environment.OutputIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = environment.OutputIsTerminal && environment.InputIsTerminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!environment.OutputIsTerminal)
        {
            // Redirected: lines as long as they are, not cut at an imaginary 80 columns.
            Console.Profile.Width = 4096;
        }
    }

    public OutputFormat Format { get; }

    public bool Json => Format == OutputFormat.Json;

    /// <summary>Spectre's console on stdout, for tables, live views and progress (text mode).</summary>
    public IAnsiConsole Console { get; }

    /// <summary>One message as proto3 JSON.</summary>
    public void Message(IMessage message) => _environment.Out.WriteLine(Formatter.Format(message));

    /// <summary>A list as one JSON array.</summary>
    public void Messages(IEnumerable<IMessage> messages) =>
        _environment.Out.WriteLine("[" + string.Join(",", messages.Select(m => Formatter.Format(m))) + "]");

    /// <summary>A verb's answer: in JSON mode the message, in text one line saying it for people.</summary>
    public void Answer(IMessage message, string line)
    {
        if (Json)
        {
            Message(message);
        }
        else
        {
            Line(line);
        }
    }

    /// <summary>A message that carries a file (a CCSDS message, an attachment): the file's <paramref name="content"/> on
    /// stdout exactly as it is, to be redirected to a file; in JSON mode the whole message.</summary>
    public void File(IMessage message, string content)
    {
        if (Json)
        {
            Message(message);
        }
        else
        {
            _environment.Out.Write(content);
        }
    }

    /// <summary>One line of text on stdout, unstyled (safe for any text: no markup is read from it).</summary>
    public void Line(string text) => _environment.Out.WriteLine(text);

    /// <summary>One line for people on stderr: progress and remarks that must not mix with a script's stdout.</summary>
    public void Note(string text) => _environment.Error.WriteLine(text);

    /// <summary>A table on the console; in JSON mode a verb prints its messages instead.</summary>
    public void Table(Table table) => Console.Write(table);

    /// <summary>A JSON document that is not a message (e.g. a verb's summary), formatted by System.Text.Json.</summary>
    public void Document<T>(T value) => _environment.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(value, JsonDocumentOptions));

    private static readonly System.Text.Json.JsonSerializerOptions JsonDocumentOptions = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase };
}
