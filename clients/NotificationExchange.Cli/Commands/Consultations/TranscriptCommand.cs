using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>
/// nxc consult transcript: the full record and its SHA-256. As text: the readable record, then "sha256 HEX". With
/// --format json: exactly the canonical JSON the digest is computed from, with no newline added, so that
/// `nxc consult transcript ID --format json | sha256sum` gives the digest the closure carries; the digest goes to
/// stderr. With --output json: the whole answer (json, text and sha256) as one JSON document.
/// </summary>
internal static class TranscriptCommand
{
    public static Command Build(VerbContext context)
    {
        var id = ConsultCommand.IdArgument();
        var format = EnumWords<TranscriptFormat>.Option("--format", "text for people (the default), or json: the canonical JSON (RFC 8785) the SHA-256 is computed from");
        return new Command("transcript", "The consultation's full record (request, changes, messages, receipts, outcome) and its SHA-256") { id, format }
            .Runs(context, async (session, cancellationToken) =>
            {
                var transcript = await session.Client.Consultations.ExportTranscriptAsync(new ExportTranscriptRequest { ConsultationId = session.Parse.GetValue(id)! }, cancellationToken);
                if (session.Print.Json)
                {
                    session.Print.Message(transcript);
                }
                else if (session.Parse.GetValue(format) == TranscriptFormat.Json)
                {
                    session.Environment.Out.Write(transcript.Json);
                    session.Print.Note($"sha256 {transcript.Sha256}");
                }
                else
                {
                    session.Print.Line(transcript.Text.TrimEnd('\n'));
                    session.Print.Line($"sha256 {transcript.Sha256}");
                }
                return ExitCodes.Ok;
            });
    }
}
