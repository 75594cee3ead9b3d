using Npgsql;
using NotificationExchange.Domain.Operators.Credentials;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Storage.Postgres;

// API keys (api_keys) and client certificate registrations (client_certificates); see migration 10.
public sealed partial class PostgresExchangeStore
{
    private const string KeyColumns = "k.id, k.operator_id, k.label, k.created_at, k.expires_at, k.revoked_at, k.last_used_at";
    private const string CertificateColumns = "c.id, c.operator_id, c.thumbprint, c.subject, c.label, c.created_at, c.revoked_at";

    public async Task<ApiKeyHolder?> FindKeyAsync(byte[] keyHash, CancellationToken cancellationToken) =>
        (await ReadAsync($"""
            SELECT {KeyColumns}, o.{OperatorReadColumns.Replace(", ", ", o.", StringComparison.Ordinal)}
            FROM api_keys k JOIN operators o ON o.id = k.operator_id WHERE k.key_hash = @hash;
            """,
            [("@hash", keyHash)], reader => new ApiKeyHolder(ReadKey(reader), ReadOperator(reader, 7)), cancellationToken)).SingleOrDefault();

    public async Task<Issued<ApiKey>?> IssueKeyAsync(ApiKey key, byte[] keyHash, string requestId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        if (await ReadAsync(connection, transaction, "SELECT 1 FROM operators WHERE id = @id;", [("@id", key.OperatorId)], _ => 1, cancellationToken) is [])
        {
            return null;
        }
        var earlier = await ReadAsync(connection, transaction, $"SELECT {KeyColumns} FROM api_keys k WHERE k.operator_id = @operator AND k.request_id = @request;",
            [("@operator", key.OperatorId), ("@request", requestId)], ReadKey, cancellationToken);
        if (earlier is [var first])
        {
            return new Issued<ApiKey>(first, IsNew: false);
        }
        await InsertKeyAsync(connection, transaction, key, keyHash, requestId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Issued<ApiKey>(key, IsNew: true);
    }

    public Task<IReadOnlyList<ApiKey>> ListKeysAsync(string operatorId, CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {KeyColumns} FROM api_keys k WHERE k.operator_id = @operator ORDER BY k.created_at, k.id;",
            [("@operator", operatorId)], ReadKey, cancellationToken);

    public async Task<ApiKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken) =>
        (await ReadAsync($"SELECT {KeyColumns} FROM api_keys k WHERE k.id = @id;", [("@id", keyId)], ReadKey, cancellationToken)).SingleOrDefault();

    public async Task<ApiKey?> RevokeKeyAsync(string keyId, DateTime at, CancellationToken cancellationToken)
    {
        await ExecuteAsync("UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL;",
            [("@id", keyId), ("@at", PostgresTime.ToTicks(at))], cancellationToken);
        return await GetKeyAsync(keyId, cancellationToken);
    }

    public async Task RecordKeyUseAsync(IReadOnlyDictionary<string, DateTime> lastUsed, CancellationToken cancellationToken)
    {
        if (lastUsed.Count == 0)
        {
            return;
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        foreach (var (keyId, at) in lastUsed)
        {
            await ExecuteAsync(connection, transaction,
                "UPDATE api_keys SET last_used_at = @at WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @at);",
                [("@id", keyId), ("@at", PostgresTime.ToTicks(at))], cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Issued<ClientCertificateMapping>?> RegisterCertificateAsync(ClientCertificateMapping mapping, string requestId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        if (await ReadAsync(connection, transaction, "SELECT 1 FROM operators WHERE id = @id;", [("@id", mapping.OperatorId)], _ => 1, cancellationToken) is [])
        {
            return null;
        }
        var earlier = await ReadAsync(connection, transaction,
            $"SELECT {CertificateColumns} FROM client_certificates c WHERE c.operator_id = @operator AND c.request_id = @request;",
            [("@operator", mapping.OperatorId), ("@request", requestId)], ReadCertificate, cancellationToken);
        if (earlier is [var first])
        {
            return new Issued<ClientCertificateMapping>(first, IsNew: false);
        }
        try
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO client_certificates (id, operator_id, thumbprint, subject, label, created_at, revoked_at, request_id)
                VALUES (@id, @operator, @thumbprint, @subject, @label, @created, NULL, @request);
                """,
                [
                    ("@id", mapping.Id), ("@operator", mapping.OperatorId), ("@thumbprint", (object?)mapping.Thumbprint ?? DBNull.Value),
                    ("@subject", (object?)mapping.Subject ?? DBNull.Value), ("@label", (object?)mapping.Label ?? DBNull.Value),
                    ("@created", PostgresTime.ToTicks(mapping.CreatedAt)), ("@request", requestId),
                ], cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ExchangeRuleException(RuleViolationKind.AlreadyExists, mapping.Thumbprint is { } thumbprint
                ? $"a certificate of thumbprint {thumbprint} is registered already (revoke that registration first)"
                : $"certificates of subject {Quoted.Value(mapping.Subject)} are registered already (revoke that registration first)");
        }
        await transaction.CommitAsync(cancellationToken);
        return new Issued<ClientCertificateMapping>(mapping, IsNew: true);
    }

    public Task<IReadOnlyList<ClientCertificateMapping>> ListCertificatesAsync(string? operatorId, CancellationToken cancellationToken) =>
        operatorId is null
            ? ReadAsync($"SELECT {CertificateColumns} FROM client_certificates c ORDER BY c.created_at, c.id;", [], ReadCertificate, cancellationToken)
            : ReadAsync($"SELECT {CertificateColumns} FROM client_certificates c WHERE c.operator_id = @operator ORDER BY c.created_at, c.id;",
                [("@operator", operatorId)], ReadCertificate, cancellationToken);

    public async Task<ClientCertificateMapping?> RevokeCertificateAsync(string mappingId, DateTime at, CancellationToken cancellationToken)
    {
        await ExecuteAsync("UPDATE client_certificates SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL;",
            [("@id", mappingId), ("@at", PostgresTime.ToTicks(at))], cancellationToken);
        return (await ReadAsync($"SELECT {CertificateColumns} FROM client_certificates c WHERE c.id = @id;", [("@id", mappingId)], ReadCertificate, cancellationToken))
            .SingleOrDefault();
    }

    public async Task<ClientCertificateHolder?> FindCertificateAsync(string thumbprint, string subject, CancellationToken cancellationToken) =>
        // a registration by thumbprint names this very certificate: it wins over one by subject
        (await ReadAsync($"""
            SELECT {CertificateColumns}, o.{OperatorReadColumns.Replace(", ", ", o.", StringComparison.Ordinal)}
            FROM client_certificates c JOIN operators o ON o.id = c.operator_id
            WHERE c.revoked_at IS NULL AND (c.thumbprint = @thumbprint OR c.subject = @subject)
            ORDER BY c.thumbprint IS NULL LIMIT 1;
            """,
            [("@thumbprint", thumbprint), ("@subject", subject)],
            reader => new ClientCertificateHolder(ReadCertificate(reader), ReadOperator(reader, 7)), cancellationToken)).SingleOrDefault();

    private static Task InsertKeyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ApiKey key, byte[] keyHash, string? requestId, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, """
            INSERT INTO api_keys (id, operator_id, key_hash, label, created_at, expires_at, revoked_at, last_used_at, request_id)
            VALUES (@id, @operator, @hash, @label, @created, @expires, NULL, NULL, @request);
            """,
            [
                ("@id", key.Id), ("@operator", key.OperatorId), ("@hash", keyHash), ("@label", (object?)key.Label ?? DBNull.Value),
                ("@created", PostgresTime.ToTicks(key.CreatedAt)), ("@expires", key.ExpiresAt is { } e ? PostgresTime.ToTicks(e) : DBNull.Value),
                ("@request", (object?)requestId ?? DBNull.Value),
            ], cancellationToken);

    /// <summary>Revokes an organisation's unrevoked keys (only those of <paramref name="label"/> when given) but <paramref name="except"/>; their ids.</summary>
    private static Task<IReadOnlyList<string>> RevokeOtherKeysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string operatorId, string? label, DateTime at, CancellationToken cancellationToken, string? except = null) =>
        ReadAsync(connection, transaction, """
            UPDATE api_keys SET revoked_at = @at
            WHERE operator_id = @operator AND revoked_at IS NULL AND (@label::text IS NULL OR label = @label) AND (@except::text IS NULL OR id <> @except)
            RETURNING id;
            """,
            [("@operator", operatorId), ("@at", PostgresTime.ToTicks(at)), ("@label", (object?)label ?? DBNull.Value), ("@except", (object?)except ?? DBNull.Value)],
            reader => reader.GetString(0), cancellationToken);

    private static ApiKey ReadKey(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), PostgresTime.FromTicks(reader.GetInt64(3)),
        OptionalTime(reader, 4), OptionalTime(reader, 5), OptionalTime(reader, 6));

    private static ClientCertificateMapping ReadCertificate(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4), PostgresTime.FromTicks(reader.GetInt64(5)), OptionalTime(reader, 6));

    private static DateTime? OptionalTime(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : PostgresTime.FromTicks(reader.GetInt64(column));
}
