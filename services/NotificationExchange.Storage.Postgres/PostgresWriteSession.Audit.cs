using NotificationExchange.Domain.Audit;

namespace NotificationExchange.Storage.Postgres;

/// <summary>The audit's writes (migration 11): one row per audited call, in the log writer's group commit.</summary>
internal sealed partial class PostgresWriteSession
{
    public AuditRecord AppendAudit(AuditRecord record)
    {
        var owner = OwnerOf(record.TargetKind, record.TargetId);
        var insert = Command("""
            INSERT INTO audit_records (id, recorded_at, organization_id, credential, client_address, rpc, action, target_kind, target_id,
                target_owner, request_id, outcome)
            SELECT COALESCE(MAX(id), 0) + 1, @recorded_at, @organization, @credential, @address, @rpc, @action, @target_kind, @target_id, @owner,
                @request_id, @outcome
            FROM audit_records
            RETURNING id;
            """);
        insert.Parameters["@recorded_at"].Value = PostgresTime.ToTicks(record.RecordedAt);
        insert.Parameters["@organization"].Value = (object?)record.OrganizationId ?? DBNull.Value;
        insert.Parameters["@credential"].Value = (object?)record.Credential ?? DBNull.Value;
        insert.Parameters["@address"].Value = (object?)record.ClientAddress ?? DBNull.Value;
        insert.Parameters["@rpc"].Value = record.Rpc;
        insert.Parameters["@action"].Value = (int)record.Action;
        insert.Parameters["@target_kind"].Value = (int)record.TargetKind;
        insert.Parameters["@target_id"].Value = (object?)record.TargetId ?? DBNull.Value;
        insert.Parameters["@owner"].Value = (object?)owner ?? DBNull.Value;
        insert.Parameters["@request_id"].Value = (object?)record.RequestId ?? DBNull.Value;
        insert.Parameters["@outcome"].Value = record.Outcome;
        var id = (long)insert.ExecuteScalar()!;
        return record with { Id = id, TargetOwner = owner };
    }

    /// <summary>
    /// Who a target belongs to, from one indexed lookup: a notification's filer, a consultation's requester, a
    /// registered object's operator, an organisation itself. Null for targets nobody owns alone (alerts, whose parties
    /// are two; direct lines; subscriptions, whose owner is the caller) and for ids that name nothing.
    /// </summary>
    private string? OwnerOf(AuditTargetKind kind, string? targetId)
    {
        if (targetId is null)
        {
            return null;
        }
        var sql = kind switch
        {
            AuditTargetKind.Notification => "SELECT filing_operator FROM notifications WHERE id = @id;",
            AuditTargetKind.Consultation => "SELECT requester FROM consultations WHERE id = @id;",
            // SQLite's CAST of an id that is no number is 0, which names no object; PostgreSQL's would fail the write
            AuditTargetKind.Object => long.TryParse(targetId, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _)
                ? "SELECT operator_id FROM registered_objects WHERE norad_cat_id = CAST(@id AS bigint);"
                : null,
            AuditTargetKind.Organization => "SELECT id FROM operators WHERE id = @id;",
            AuditTargetKind.Credential => "SELECT operator_id FROM api_keys WHERE id = @id UNION ALL SELECT operator_id FROM client_certificates WHERE id = @id;",
            _ => null,
        };
        if (sql is null)
        {
            return null;
        }
        var command = Command(sql);
        command.Parameters["@id"].Value = targetId;
        return command.ExecuteScalar() as string;
    }
}
