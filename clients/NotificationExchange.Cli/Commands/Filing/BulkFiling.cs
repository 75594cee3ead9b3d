using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Client.Errors;
using NotificationExchange.Protocol.V1;
using Spectre.Console;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>
/// nxc file --from FILE.jsonl: one request (or bare notice of the verb's kind) a line, each made what the command
/// line says, then filed one after the other in line order.
/// Invariants: every line is read and prepared before anything is filed, so an unreadable line files nothing (exit
/// 2); a line without a requestId gets one derived from its content, so running the same file again after a failure
/// files nothing twice (the exchange answers the lines already filed as replays); a refusal is reported with its
/// line and the next line is filed (exit 3 at the end); an unreachable exchange stops the run (exit 4).
/// </summary>
internal static class BulkFiling
{
    public static async Task<int> RunAsync(
        Session session, FileInfo file, FilingOptions filing, NoticeOptions? notice, NoticeKind? kind, CancellationToken cancellationToken)
    {
        if (session.Parse.Given(filing.RequestId))
        {
            throw new UsageException("--request-id: one id cannot name every line of a .jsonl file (each line gets its own)");
        }
        var requests = Read(file, kind);
        var contacts = new DefaultContact(session);
        foreach (var (line, request) in requests)
        {
            await FileCommand.PrepareAsync(session, request, filing, notice, kind, contacts, $"{file.Name} line {line}", cancellationToken);
            if (request.RequestId.Length == 0)
            {
                request.RequestId = "nxc-" + Convert.ToHexStringLower(SHA256.HashData(request.ToByteArray()))[..32];
            }
        }

        var outcome = new Outcome(session, file);
        if (session.Environment.OutputIsTerminal && !session.Print.Json)
        {
            // The failures wait for the bar to finish: lines on stderr would tear the bar drawn on stdout.
            await session.Print.Console.Progress().AutoClear(false).StartAsync(async progress =>
            {
                var task = progress.AddTask($"filing {Markup.Escape(file.Name)}", maxValue: requests.Count);
                await FileAllAsync(session, requests, outcome, () => task.Increment(1), cancellationToken);
            });
            outcome.ReportFailures();
        }
        else
        {
            await FileAllAsync(session, requests, outcome, () => { }, cancellationToken);
        }
        if (!session.Print.Json)
        {
            session.Print.Line(outcome.Summary(requests.Count));
        }
        return outcome.ExitCode;
    }

    private static async Task FileAllAsync(
        Session session, List<(int Line, FileNotificationRequest Request)> requests, Outcome outcome, Action step, CancellationToken cancellationToken)
    {
        foreach (var (line, request) in requests)
        {
            try
            {
                var response = await session.Client.Notifications.FileNotificationAsync(request, cancellationToken);
                outcome.Filed(line, response);
            }
            catch (NxException e) when (!cancellationToken.IsCancellationRequested)
            {
                if (!outcome.Failed(line, e))
                {
                    return;
                }
            }
            step();
        }
    }

    /// <summary>Every non-blank line as a request; the first that cannot be read is the usage error (with how many
    /// more cannot), so that one run shows where to start mending.</summary>
    private static List<(int Line, FileNotificationRequest Request)> Read(FileInfo file, NoticeKind? kind)
    {
        var lines = NoticeFile.Text(file).Split('\n');
        var requests = new List<(int, FileNotificationRequest)>();
        string? first = null;
        var bad = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }
            try
            {
                requests.Add((i + 1, NoticeFile.FilingJson(lines[i], kind, $"{file.Name} line {i + 1}")));
            }
            catch (UsageException e)
            {
                first ??= e.Message;
                bad++;
            }
        }
        if (first is not null)
        {
            throw new UsageException(first + (bad > 1 ? $" (and {bad - 1} more line{(bad > 2 ? "s" : "")} that cannot be read; nothing was filed)" : " (nothing was filed)"));
        }
        return requests.Count > 0 ? requests : throw new UsageException($"--from {file.Name}: no requests in it");
    }

    /// <summary>What the run did, line by line, printed as it goes (or, for failures under a progress bar, after).</summary>
    private sealed class Outcome(Session session, FileInfo file)
    {
        private readonly List<string> _failures = [];
        private readonly List<int> _refusedLines = [];
        private int _filed;
        private int _worst = ExitCodes.Ok;

        public int ExitCode => _worst;

        private bool Deferred => session.Environment.OutputIsTerminal && !session.Print.Json;

        public void Filed(int line, FileNotificationResponse response)
        {
            _filed++;
            if (session.Print.Json)
            {
                session.Print.Line(Json(line, response, null));
            }
            else if (!Deferred)
            {
                session.Print.Line($"line {line}: {NotificationText.Change("filed", response)}");
            }
        }

        /// <summary>Records a failure; false when the run cannot go on (the exchange is unreachable).</summary>
        public bool Failed(int line, NxException failure)
        {
            // Verb's own wording and exit code, with the line named after "nxc: ".
            var report = new StringWriter();
            var code = Verb.Report(report, failure, interrupted: false, session);
            var lines = report.ToString().TrimEnd('\n').Split('\n');
            lines[0] = lines[0].StartsWith("nxc: ", StringComparison.Ordinal) ? $"nxc: {file.Name} line {line}: {lines[0][5..]}" : lines[0];
            if (Deferred)
            {
                _failures.AddRange(lines);
            }
            else
            {
                foreach (var text in lines)
                {
                    session.Print.Note(text);
                }
            }
            if (session.Print.Json)
            {
                session.Print.Line(Json(line, null, failure.Error));
            }
            if (code == ExitCodes.Refused)
            {
                _refusedLines.Add(line);
            }
            _worst = Math.Max(_worst, code);
            return code != ExitCodes.Unreachable;
        }

        public void ReportFailures()
        {
            foreach (var text in _failures)
            {
                session.Print.Note(text);
            }
        }

        public string Summary(int total) =>
            $"filed {_filed} of {total} notification{(total == 1 ? "" : "s")} from {file.Name}"
            + (_refusedLines.Count > 0 ? $"; refused: line{(_refusedLines.Count == 1 ? "" : "s")} {string.Join(", ", _refusedLines)}" : "")
            + (_worst == ExitCodes.Unreachable ? "; stopped: the exchange cannot be reached (run the same file again: what was filed is not filed twice)" : "");

        /// <summary>{"line":3,"response":{...}} or {"line":4,"error":{"code":"InvalidArgument","message":..,"fieldViolations":[..]}}</summary>
        private static string Json(int line, FileNotificationResponse? response, NxError? error)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteNumber("line", line);
                if (response is not null)
                {
                    json.WritePropertyName("response");
                    json.WriteRawValue(Formatter.Format(response));
                }
                if (error is not null)
                {
                    json.WriteStartObject("error");
                    json.WriteString("code", error.Code.ToString());
                    json.WriteString("message", error.Message);
                    json.WriteStartArray("fieldViolations");
                    foreach (var violation in error.FieldViolations)
                    {
                        json.WriteStartObject();
                        json.WriteString("field", violation.Field);
                        json.WriteString("description", violation.Description);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));
    }
}
