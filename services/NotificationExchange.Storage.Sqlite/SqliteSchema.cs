using Microsoft.Data.Sqlite;

namespace NotificationExchange.Storage.Sqlite;

internal static class SqliteSchema
{
    public const int Version = 1;

    // The log (events) is the source of truth; notifications and notification_objects index its latest state for
    // queries; outbox holds what the bus has not yet confirmed.
    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS store_info (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS events (
            sequence INTEGER PRIMARY KEY,
            notification_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            event_type INTEGER NOT NULL,
            recorded_at INTEGER NOT NULL,
            snapshot TEXT NOT NULL,
            match_keys TEXT NOT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS events_by_notification ON events (notification_id, version);

        CREATE TABLE IF NOT EXISTS notifications (
            id TEXT PRIMARY KEY,
            kind INTEGER NOT NULL,
            filing_operator TEXT NOT NULL,
            status INTEGER NOT NULL,
            first_sequence INTEGER NOT NULL,
            latest_sequence INTEGER NOT NULL,
            window_start INTEGER,
            window_end INTEGER
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS notifications_by_first_sequence ON notifications (first_sequence);
        CREATE INDEX IF NOT EXISTS notifications_by_operator ON notifications (filing_operator, first_sequence);

        CREATE TABLE IF NOT EXISTS notification_objects (
            norad_cat_id INTEGER NOT NULL,
            notification_id TEXT NOT NULL,
            PRIMARY KEY (norad_cat_id, notification_id)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS outbox (
            sequence INTEGER PRIMARY KEY,
            instance_id TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );

        CREATE TABLE IF NOT EXISTS attachments (
            notification_id TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            media_type TEXT NOT NULL,
            content TEXT NOT NULL,
            PRIMARY KEY (notification_id, sha256)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS requests (
            operator_id TEXT NOT NULL,
            request_id TEXT NOT NULL,
            fingerprint BLOB NOT NULL,
            notification_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (operator_id, request_id)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS operators (
            id TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            contact TEXT,
            is_admin INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            key_hash BLOB NOT NULL UNIQUE
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS subscriptions (
            id TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            name TEXT NOT NULL,
            filter TEXT NOT NULL,
            acknowledged_sequence INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS subscriptions_by_owner ON subscriptions (owner);
        """;

    /// <summary>Creates or checks the schema and returns the store's id. Safe for several processes at once.</summary>
    public static Guid Initialize(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, CreateTables, transaction);
        Execute(connection, $"INSERT OR IGNORE INTO store_info (key, value) VALUES ('store_id', '{Guid.NewGuid()}'), ('schema_version', '{Version}');", transaction);
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT (SELECT value FROM store_info WHERE key = 'store_id'), (SELECT value FROM store_info WHERE key = 'schema_version');";
        using var reader = read.ExecuteReader();
        reader.Read();
        var storeId = Guid.Parse(reader.GetString(0));
        var version = int.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
        reader.Close();
        if (version != Version)
        {
            throw new InvalidOperationException($"the database has schema version {version}; this build reads version {Version}");
        }
        transaction.Commit();
        return storeId;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
