using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotificationExchange.Alerts.Screening;
using NotificationExchange.Alerts.Catalogue;
using NotificationExchange.Alerts.Registry;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Registry;
using NotificationExchange.Domain.Registry.Commands;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Alerts.CatalogueLoading;

/// <summary>
/// Loads the reference catalogue from a file (<see cref="CatalogueFile"/>), compares it with the stored one
/// (<see cref="CatalogueRefresh"/>) and applies the difference in one write with its report
/// (<see cref="ILogWriteSession.RecordCatalogueLoad"/>); then tells <see cref="ICatalogueChanged"/> listeners. A load is
/// idempotent by request id: the command carries the file's SHA-256, so a retry is recognised without keeping the file.
/// Loads on one instance run one at a time, so each compares against the catalogue the previous one left.
/// </summary>
public sealed class CatalogueLoader(
    ILogWriter writer,
    IAlertStore store,
    IEnumerable<ICatalogueChanged> listeners,
    IOptionsMonitor<ScreeningOptions> screening,
    TimeProvider clock,
    ILogger<CatalogueLoader> logger)
{
    /// <summary>The largest catalogue file, in UTF-8 bytes (alerts.proto: at most 64 MiB).</summary>
    public const int MaxContentBytes = 64 * 1024 * 1024;

    public const int MaxSourceLength = 200;

    /// <summary>At most this many rejections are named when a file gives no entry at all.</summary>
    private const int RejectionsNamed = 5;

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<CatalogueLoadOutcome> LoadAsync(CatalogueLoadInput input, IEnumerable<FieldViolation> prior, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors(prior);
        ObjectRegistry.RequireRequestId(input.RequestId, errors);
        errors.OptionalText("source", input.Source, MaxSourceLength, allowLineBreaks: false);
        var (field, text) = await ReadInputAsync(input, errors, cancellationToken);
        errors.ThrowIfAny();

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text!)));
        var source = string.IsNullOrEmpty(input.Source) ? DefaultSource(input) : input.Source;
        var command = new LoadCatalogueCommand(input.RequestId, input.AdministratorId, source, digest);
        var fingerprint = NotificationJson.Fingerprint(command);

        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            // A retry answers before the file is read and compared again.
            if (await ReplayAsync(command, fingerprint, cancellationToken) is { } replayed)
            {
                return replayed;
            }
            var read = CatalogueFile.Read(text!);
            if (read.Objects.Count == 0)
            {
                var named = string.Join("; ", read.Rejections.Take(RejectionsNamed).Select(r => $"{Line(r, read.Format)}: {r.Reason}"));
                throw ExchangeRuleException.Invalid(field, read.Rejections.Count == 0
                    ? "holds no element set"
                    : $"no entry could be read ({read.Rejections.Count} rejected: {named}{(read.Rejections.Count > RejectionsNamed ? "; ..." : "")})");
            }
            var current = await CurrentAsync(cancellationToken);
            var refresh = CatalogueRefresh.Compare(current, read);
            var report = Report(source, read, refresh);
            var byNumber = read.Objects.ToDictionary(o => o.NoradCatId);
            var upserts = refresh.Added.Concat(refresh.Changed).Select(n => ToEntry(byNumber[n])).ToList();
            var (recorded, replay) = await writer.WriteAsync(session => Record(session, command, fingerprint, report, upserts, refresh.Dropped), cancellationToken);
            if (replay)
            {
                return await ReplayedAsync(recorded.Id, cancellationToken);
            }
            logger.LogInformation(
                "Catalogue load {LoadId} from {Source} ({Format}): {Total} entries, {Added} added, {Changed} changed, {Dropped} dropped, {Unchanged} unchanged, {Rejected} rejected",
                recorded.Id, recorded.Source, recorded.Format, recorded.Total, recorded.Added.Count, recorded.Changed.Count, recorded.Dropped.Count,
                recorded.Unchanged, recorded.Rejected.Count);
            if (recorded.Added.Count + recorded.Changed.Count + recorded.Dropped.Count > 0)
            {
                await TellAsync(recorded, cancellationToken);
            }
            return new CatalogueLoadOutcome(recorded, Replayed: false);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>The catalogue's size, the registry's, the last load and the clock.</summary>
    public async Task<CatalogueStatusView> GetStatusAsync(CancellationToken cancellationToken)
    {
        var objects = (await store.GetCatalogueAsync(cancellationToken)).Count;
        var registered = 0;
        var after = 0;
        while (true)
        {
            var page = await store.ListObjectsAsync(null, after, 500, cancellationToken);
            registered += page.Count;
            if (page.Count < 500)
            {
                break;
            }
            after = page[^1].NoradCatId;
        }
        var last = await store.GetLastCatalogueLoadAsync(cancellationToken);
        // Exchange:SimulationClock:Start replaces the exchange's TimeProvider with a SimulatedTimeProvider.
        var (_, standingAt) = await store.GetCursorAsync(StandingScreening.CursorName, cancellationToken);
        return new CatalogueStatusView(objects, registered, last, clock.GetUtcNow().UtcDateTime, Simulated: clock is Domain.Time.SimulatedTimeProvider,
            standingAt, screening.CurrentValue.StandingIntervalMinutes);
    }

    /// <summary>The load's text, from the request or from the file it names; the field at fault named in <paramref name="errors"/>.</summary>
    private static async Task<(string Field, string? Text)> ReadInputAsync(CatalogueLoadInput input, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var hasContent = !string.IsNullOrEmpty(input.Content);
        var hasPath = !string.IsNullOrEmpty(input.Path);
        if (hasContent == hasPath)
        {
            errors.Add(hasContent ? "path" : "content", hasContent
                ? "give the file's content or a path, not both"
                : "is required: the file's content, or a path on the exchange's host");
            return ("content", null);
        }
        if (hasContent)
        {
            var bytes = Encoding.UTF8.GetByteCount(input.Content!);
            if (bytes > MaxContentBytes)
            {
                errors.Add("content", $"is {bytes} bytes long; at most {MaxContentBytes} (64 MiB) allowed");
                return ("content", null);
            }
            return ("content", input.Content);
        }
        var path = input.Path!;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Attributes.HasFlag(FileAttributes.Directory))
            {
                errors.Add("path", $"{Quoted.Value(path)}: no such file on the exchange's host");
                return ("path", null);
            }
            if (info.Length > MaxContentBytes)
            {
                errors.Add("path", $"{Quoted.Value(path)} is {info.Length} bytes long; at most {MaxContentBytes} (64 MiB) allowed");
                return ("path", null);
            }
            // Read to one byte past the limit whatever the length said: a device or a growing file has no length to trust.
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 81920, useAsync: true);
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await file.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxContentBytes)
                {
                    errors.Add("path", $"{Quoted.Value(path)} is longer than {MaxContentBytes} bytes (64 MiB), the most allowed");
                    return ("path", null);
                }
            }
            return ("path", Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add("path", $"{Quoted.Value(path)} cannot be read: {e.Message}");
            return ("path", null);
        }
    }

    private static string DefaultSource(CatalogueLoadInput input) => string.IsNullOrEmpty(input.Path) ? "uploaded content" : Path.GetFileName(input.Path);

    /// <summary>The stored catalogue as objects; an entry that no longer reads back is left out (the file's, if any, replaces it).</summary>
    private async Task<List<CatalogueObject>> CurrentAsync(CancellationToken cancellationToken)
    {
        var stored = await store.GetCatalogueAsync(cancellationToken);
        var objects = new List<CatalogueObject>(stored.Count);
        foreach (var entry in stored)
        {
            try
            {
                objects.Add(CatalogueObject.FromStored(entry.NoradCatId, entry.Name, entry.CosparId, CatalogueObjectTypes.Parse(entry.ObjectType), entry.ElementSet));
            }
            catch (FormatException e)
            {
                logger.LogWarning("Stored catalogue entry {NoradCatId} does not read back and counts as absent: {Reason}", entry.NoradCatId, e.Message);
            }
        }
        return objects;
    }

    private CatalogueLoad Report(string source, CatalogueReadResult read, CatalogueRefreshReport refresh) => new(
        0,
        source,
        FormatName(read),
        read.Objects.Count + read.Rejections.Count,
        refresh.Added,
        refresh.Changed,
        refresh.Dropped,
        refresh.UnchangedCount,
        [.. read.Rejections.Select(r => new CatalogueLoadRejection(Line(r, read.Format), r.NoradCatId, r.Reason))],
        clock.GetUtcNow().UtcDateTime);

    private static (CatalogueLoad Load, bool Replay) Record(
        ILogWriteSession session, LoadCatalogueCommand command, byte[] fingerprint, CatalogueLoad report, IReadOnlyList<CatalogueEntry> upserts, IReadOnlyList<int> dropped)
    {
        // Another instance may have answered the same request since this one looked.
        if (session.FindRequest(command.AdministratorId, command.RequestId) is { } record)
        {
            return (report with { Id = LoadId(record, fingerprint) }, true);
        }
        var recorded = session.RecordCatalogueLoad(report, upserts, dropped);
        session.RecordRequest(new IdempotencyRecord(command.AdministratorId, command.RequestId, fingerprint, LoadKey(recorded.Id), checked((int)recorded.Id)));
        return (recorded, false);
    }

    private async Task<CatalogueLoadOutcome?> ReplayAsync(LoadCatalogueCommand command, byte[] fingerprint, CancellationToken cancellationToken)
    {
        var record = await writer.WriteAsync(session => session.FindRequest(command.AdministratorId, command.RequestId), cancellationToken);
        return record is null ? null : await ReplayedAsync(LoadId(record, fingerprint), cancellationToken);
    }

    private async Task<CatalogueLoadOutcome> ReplayedAsync(long loadId, CancellationToken cancellationToken) =>
        new(await store.GetCatalogueLoadAsync(loadId, cancellationToken)
            ?? throw new ExchangeRuleException(RuleViolationKind.DataLoss, $"catalogue load {loadId}, which answered this request id, is no longer stored"), Replayed: true);

    /// <summary>The load a request record names; the same id for another request is refused on request_id.</summary>
    private static long LoadId(IdempotencyRecord record, byte[] fingerprint)
    {
        if (record.NotificationId != LoadKey(record.Version))
        {
            throw ExchangeRuleException.Invalid("request_id", $"was already used for {record.NotificationId}; choose a new request id for a new request");
        }
        if (!record.Fingerprint.AsSpan().SequenceEqual(fingerprint))
        {
            throw ExchangeRuleException.Invalid("request_id",
                $"was already used for another request ({record.NotificationId}); choose a new request id for a new request");
        }
        return record.Version;
    }

    private static string LoadKey(long loadId) => $"catalogue load {loadId}";

    private async Task TellAsync(CatalogueLoad load, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.CatalogueChangedAsync(load, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A catalogue listener ({Listener}) failed on load {LoadId}", listener.GetType().Name, load.Id);
            }
        }
    }

    /// <summary>Line of the file (TLE, KVN, CSV) or entry index from 1 (JSON, XML), as alerts.proto numbers rejections.</summary>
    private static int Line(CatalogueRejection rejection, CatalogueFormat format) =>
        format is CatalogueFormat.OmmJson or CatalogueFormat.OmmXml
            ? (rejection.Location.Index ?? (rejection.Location.Line ?? 0) - 1) + 1
            : rejection.Location.Line ?? (rejection.Location.Index ?? -1) + 1;

    private static string FormatName(CatalogueReadResult read) => read.Format switch
    {
        CatalogueFormat.Tle => read.Objects.Any(o => o.Name is not null) ? "3LE" : "TLE",
        CatalogueFormat.OmmKvn => "OMM-KVN",
        CatalogueFormat.OmmXml => "OMM-XML",
        CatalogueFormat.OmmJson => "OMM-JSON",
        CatalogueFormat.OmmCsv => "OMM-CSV",
        _ => read.Format.ToString(),
    };

    /// <summary>The object as the store keeps it; its type in the catalogues' words, which <see cref="CatalogueObjectTypes.Parse"/> reads back.</summary>
    private static CatalogueEntry ToEntry(CatalogueObject catalogued) => new(
        catalogued.NoradCatId,
        catalogued.Name,
        catalogued.CosparId,
        catalogued.ObjectType switch
        {
            CatalogueObjectType.Payload => "PAYLOAD",
            CatalogueObjectType.RocketBody => "ROCKET BODY",
            CatalogueObjectType.Debris => "DEBRIS",
            CatalogueObjectType.Unknown => "UNKNOWN",
            _ => null,
        },
        catalogued.ElementSet,
        catalogued.Epoch);
}
