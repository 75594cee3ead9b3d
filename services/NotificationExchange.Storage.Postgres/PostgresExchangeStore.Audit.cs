using Npgsql;
using NotificationExchange.Domain.Audit;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Storage.Postgres;

/// <summary>The audit's reads (migration 11); its writes are the log writer's (<see cref="PostgresWriteSession.AppendAudit"/>).</summary>
public sealed partial class PostgresExchangeStore : IAuditLog
{
    private const string SelectAudit = """
        SELECT id, recorded_at, organization_id, credential, client_address, rpc, action, target_kind, target_id, target_owner,
            request_id, outcome
        FROM audit_records
        """;

    public async Task<AuditPage> ListAuditRecordsAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var conditions = new List<string> { "id > @after" };
        var parameters = new List<(string, object)> { ("@after", query.AfterId), ("@limit", query.PageSize + 1) };
        if (query.Viewer is { } viewer)
        {
            // an organisation's own calls, and others' calls about what it owns
            conditions.Add("(organization_id = @viewer OR target_owner = @viewer)");
            parameters.Add(("@viewer", viewer));
        }
        if (query.OrganizationId is { } organization)
        {
            conditions.Add("organization_id = @organization");
            parameters.Add(("@organization", organization));
        }
        if (query.Action is { } action)
        {
            conditions.Add("action = @action");
            parameters.Add(("@action", (int)action));
        }
        if (query.TargetId is { } target)
        {
            conditions.Add("target_id = @target");
            parameters.Add(("@target", target));
        }
        if (query.Since is { } since)
        {
            conditions.Add("recorded_at >= @since");
            parameters.Add(("@since", PostgresTime.ToTicks(since)));
        }
        if (query.Until is { } until)
        {
            conditions.Add("recorded_at < @until");
            parameters.Add(("@until", PostgresTime.ToTicks(until)));
        }
        var records = await ReadAsync($"{SelectAudit} WHERE {string.Join(" AND ", conditions)} ORDER BY id LIMIT @limit;",
            parameters, ReadAuditRecord, cancellationToken);
        var hasMore = records.Count > query.PageSize;
        return new AuditPage(hasMore ? records.Take(query.PageSize).ToList() : records, hasMore);
    }

    private static AuditRecord ReadAuditRecord(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        PostgresTime.FromTicks(reader.GetInt64(1)),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetString(5),
        (AuditAction)reader.GetInt32(6),
        (AuditTargetKind)reader.GetInt32(7),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.GetString(11));
}
