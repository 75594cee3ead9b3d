using System.Text.Json;
using Google.Protobuf;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>
/// What --from names: a .json file holding a request (FileNotificationRequest; AmendNotificationRequest for nxc
/// amend) or a bare notice of the verb's kind, in proto3 JSON; a CCSDS maneuver message (.opm, .ocm, or .xml: an OPM
/// or OCM in KVN or XML, told apart by the exchange); or, for nxc file, a .jsonl file with one request or notice a
/// line. A file that cannot be read is a usage error naming the file (and line) and what is wrong.
/// </summary>
internal static class NoticeFile
{
    public const string Help = "Read the notice from FILE: .json (a FileNotificationRequest, or the bare notice, in proto3 JSON), "
        + ".opm/.ocm/.xml (a CCSDS maneuver message: the options give what it lacks, e.g. --norad for an OPM), "
        + ".jsonl (one request or notice a line, filed one after the other)";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    // The fields that make a JSON object a request rather than a bare notice: its content oneof.
    private static readonly string[] ContentFields = ["maneuver", "proximityOperation", "proximity_operation", "launch", "ccsdsManeuver", "ccsds_maneuver"];

    public static bool IsBulk(FileInfo file) => file.Extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase);

    public static bool IsCcsds(FileInfo file) =>
        file.Extension.ToLowerInvariant() is ".opm" or ".ocm" or ".xml" or ".kvn";

    /// <summary>The whole text of <paramref name="file"/>; a usage error when it cannot be read.</summary>
    public static string Text(FileInfo file) => Values.ReadFile(file.FullName, "--from");

    /// <summary>A filing from <paramref name="file"/> (not .jsonl): the request the file holds, or one made of the
    /// notice or CCSDS message it holds. <paramref name="kind"/> is the verb's kind (null for nxc file, which takes
    /// requests only, or a CCSDS message).</summary>
    public static FileNotificationRequest Filing(FileInfo file, NoticeKind? kind)
    {
        var text = Text(file);
        if (IsCcsds(file))
        {
            return WithContent(new FileNotificationRequest(), NoticeContent.OfCcsds(text));
        }
        if (!file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--from {file.Name}: not .json, .jsonl, .opm, .ocm or .xml");
        }
        return FilingJson(text, kind, $"--from {file.Name}");
    }

    /// <summary>One JSON document as a filing; <paramref name="where"/> names it in errors ("--from x.json",
    /// "x.jsonl line 3").</summary>
    public static FileNotificationRequest FilingJson(string json, NoticeKind? kind, string where)
    {
        if (IsRequest(json, where))
        {
            var request = Parse<FileNotificationRequest>(json, where);
            if (NoticeContent.Of(request) is null)
            {
                throw new UsageException($"{where}: the request has no notice (maneuver, proximityOperation, launch or ccsdsManeuver)");
            }
            return request;
        }
        return kind is { } bare
            ? WithContent(new FileNotificationRequest(), Bare(json, bare, where))
            : throw new UsageException($"{where}: not a FileNotificationRequest (it has no maneuver, proximityOperation, launch or ccsdsManeuver); "
                + "for a bare notice say its kind: nxc file maneuver|rpo|launch --from");
    }

    /// <summary>An amendment from <paramref name="file"/>: an AmendNotificationRequest, a bare notice of the
    /// notification's kind, or a CCSDS maneuver message.</summary>
    public static AmendNotificationRequest Amendment(FileInfo file, NoticeKind kind)
    {
        var text = Text(file);
        var where = $"--from {file.Name}";
        var request = new AmendNotificationRequest();
        if (IsCcsds(file))
        {
            NoticeContent.OfCcsds(text).WriteTo(request);
            return request;
        }
        if (!file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"{where}: not .json, .opm, .ocm or .xml");
        }
        if (IsRequest(text, where))
        {
            request = Parse<AmendNotificationRequest>(text, where);
            return NoticeContent.Of(request) is null
                ? throw new UsageException($"{where}: the request has no notice (maneuver, proximityOperation, launch or ccsdsManeuver)")
                : request;
        }
        Bare(text, kind, where).WriteTo(request);
        return request;
    }

    private static NoticeContent Bare(string json, NoticeKind kind, string where) => kind switch
    {
        NoticeKind.Maneuver => NoticeContent.Of(Parse<ManeuverNotice>(json, where)),
        NoticeKind.Rpo => NoticeContent.Of(Parse<ProximityOperationNotice>(json, where)),
        _ => NoticeContent.Of(Parse<LaunchNotice>(json, where)),
    };

    private static FileNotificationRequest WithContent(FileNotificationRequest request, NoticeContent content)
    {
        content.WriteTo(request);
        return request;
    }

    /// <summary>Whether the JSON object carries a request's content field. Syntax errors are reported here, with
    /// their line and column, which Google.Protobuf's parser does not give.</summary>
    private static bool IsRequest(string json, string where)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"{where}: not a JSON object");
            }
            return document.RootElement.EnumerateObject().Any(p => ContentFields.Contains(p.Name));
        }
        catch (JsonException e)
        {
            var position = e.LineNumber is { } line ? $" (line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1})" : "";
            throw new UsageException($"{where}: not valid JSON{position}: {Verb.OneLine(e.Message.Split(" LineNumber:", 2)[0])}");
        }
    }

    private static T Parse<T>(string json, string where)
        where T : IMessage<T>, new()
    {
        try
        {
            return Parser.Parse<T>(json);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new UsageException($"{where}: not a {typeof(T).Name}: {Verb.OneLine(e.Message)}");
        }
        catch (InvalidJsonException e)
        {
            throw new UsageException($"{where}: not a {typeof(T).Name}: {Verb.OneLine(e.Message)}");
        }
        catch (FormatException e)
        {
            throw new UsageException($"{where}: not a {typeof(T).Name}: {Verb.OneLine(e.Message)}");
        }
    }
}
