using System.CommandLine;
using NotificationExchange.Cli.Cli;
using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>The options of a filing or an amendment beside its notice: where it comes from (--from), related
/// notifications, the planned ephemeris, the request id, and who may see it (audience and embargo).</summary>
internal sealed class FilingOptions
{
    public Option<FileInfo?> From { get; } = ValueOptions.Reference("--from", NoticeFile.Help, Values.FilePath, "FILE");

    public Option<string[]> Related { get; } = ValueOptions.List(
        "--related", "Related notification ids; repeat or separate by commas (amend: the complete list, default the current one)", id => id, helpName: "ID");

    public Option<FileInfo?> Ephemeris { get; } = ValueOptions.Reference(
        "--ephemeris", "Planned ephemeris, a CCSDS OEM file (KVN or XML): of the maneuvering object, or of the rpo's chaser; screened in place of the orbit and delta-v",
        Values.FilePath, "FILE");

    public Option<string?> RequestId { get; } = ValueOptions.Text(
        "--request-id", "Id of this request (1 to 128 printable ASCII characters, no spaces), to repeat it safely: the exchange applies one id once (default: a new id)", "ID");

    public Option<Audience?> Audience { get; } = ValueOptions.Reference(
        "--audience", "Who may see it: public (anyone, the default), registered (every organisation with a key), named:ORG1,ORG2 (you and them), "
        + "bilateral:ORG (you and one counterpart); amend: default the current one", AudienceWords.Parse, "AUDIENCE");

    public Option<Timestamp?> EmbargoUntil { get; } = ValueOptions.Reference(
        "--embargo-until", "Keep it to --embargo-audience until this time (e.g. now+6h); then the exchange widens it to --audience", Values.Time, "TIME");

    public Option<Audience?> EmbargoAudience { get; } = ValueOptions.Reference(
        "--embargo-audience", $"Who sees it until --embargo-until, narrower than --audience: {AudienceWords.Help}", AudienceWords.Parse, "AUDIENCE");

    public void AddTo(Command command, bool from = true)
    {
        if (from)
        {
            command.Options.Add(From);
        }
        command.Options.Add(Related);
        command.Options.Add(Ephemeris);
        command.Options.Add(RequestId);
        command.Options.Add(Audience);
        command.Options.Add(EmbargoUntil);
        command.Options.Add(EmbargoAudience);
    }

    /// <summary>The audience and embargo the options give (null where not given); both embargo options or neither.</summary>
    public (Audience? Audience, Embargo? Embargo) Sharing(ParseResult parse)
    {
        var until = parse.GetValue(EmbargoUntil);
        var held = parse.GetValue(EmbargoAudience);
        if ((until is null) != (held is null))
        {
            throw new UsageException("--embargo-until and --embargo-audience go together: who sees it until when");
        }
        return (parse.GetValue(Audience), until is null ? null : new Embargo { Audience = held, Until = until });
    }

    /// <summary>The planned ephemeris file's text, or null when not given.</summary>
    public string? EphemerisText(ParseResult parse, NoticeKind kind)
    {
        if (parse.GetValue(Ephemeris) is not { } file)
        {
            return null;
        }
        if (kind == NoticeKind.Launch)
        {
            throw new UsageException("--ephemeris: a launch has no planned ephemeris");
        }
        return Values.ReadFile(file.FullName, Ephemeris.Name);
    }

    public void Apply(ParseResult parse, FileNotificationRequest request, NoticeKind kind)
    {
        if (parse.Given(Related))
        {
            request.RelatedNotificationIds.Clear();
            request.RelatedNotificationIds.Add(parse.GetValue(Related)!);
        }
        request.PlannedEphemerisOem = EphemerisText(parse, kind) ?? request.PlannedEphemerisOem;
        request.RequestId = parse.GetValue(RequestId) ?? request.RequestId;
        var (audience, embargo) = Sharing(parse);
        request.Audience = audience ?? request.Audience;
        request.Embargo = embargo ?? request.Embargo;
    }
}
