namespace NotificationExchange.Storage.Sqlite.Migrations;

/// <summary>
/// The schema's history, oldest first; a database's PRAGMA user_version is the last step applied. Add a step at the
/// end with the next version; never edit or reorder a released one (see docs/architecture.md, "Schema migrations").
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "initial schema", InitialSchema),
        new(2, "builds before migrations refuse the database", """
            UPDATE store_info SET value = '2' WHERE key = 'schema_version';
            """),
        new(3, "operators become directory entries: kind, country, contact points by role", DirectoryEntries),
        new(4, "the log carries consultations' events with their audience; consultations are indexed", Consultations),
        new(5, "direct lines between pairs of organisations", DirectLines),
        new(6, "webhooks: organisations' webhook secrets, deliveries and their attempts", Webhooks),
        new(7, "consultations' conversations: messages with their own sequence, attachments by digest, receipts", Conversations),
        new(8, "proximity alerts: registered objects and claims, the reference catalogue, alerts, screenings, work cursors", Alerts),
        new(9, "the transparency log: entries' salts and commitments, the tree's complete subtrees, signed tree heads", TransparencyLog),
        new(10, "credentials: several API keys per organisation with ids, labels, expiry, revocation and last use; client certificates", Credentials),
        new(11, "the audit: one append-only row per audited call, kept so by triggers", Audit),
        new(12, "per-notification audiences and embargoes: the audience in force indexed for listings, embargoes' ends for their release", NotificationAudiences),
    ];

    // Each entry's row keeps the salt and commitment its write drew (NULL in rows written before this step or with the
    // transparency log switched off, until the next start commits them; events_uncommitted finds those). tree_nodes
    // holds the hash of every complete subtree of the Merkle tree (level 0 the leaf hashes, index counting from the
    // left at that level), appended as the tree builder follows the log under its work cursor ('transparency-tree',
    // whose position is the tree's size); tree_heads each signed head, one per size.
    private const string TransparencyLog = """
        ALTER TABLE events ADD COLUMN salt BLOB;
        ALTER TABLE events ADD COLUMN commitment BLOB;
        CREATE INDEX events_uncommitted ON events (sequence) WHERE commitment IS NULL;
        CREATE TABLE tree_nodes (
            level INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            hash BLOB NOT NULL,
            PRIMARY KEY (level, idx)
        ) WITHOUT ROWID;
        CREATE TABLE tree_heads (
            tree_size INTEGER PRIMARY KEY,
            root_hash BLOB NOT NULL,
            timestamp_ms INTEGER NOT NULL,
            origin TEXT NOT NULL,
            signature BLOB NOT NULL,
            key_id TEXT NOT NULL
        );
        """;

    // Each organisation's one key becomes a key of api_keys that never expires, created when its organisation was (the
    // only time known), with a random id; operators loses key_hash (a UNIQUE column cannot be dropped: the table is
    // rebuilt, its columns in the order they had). A key issued under a request id keeps it, unique per organisation,
    // so that a retry finds it. client_certificates maps certificates to organisations by thumbprint or subject; one
    // unrevoked registration per thumbprint and per subject, so that a certificate maps to one organisation.
    private const string Credentials = """
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            operator_id TEXT NOT NULL,
            key_hash BLOB NOT NULL UNIQUE,
            label TEXT,
            created_at INTEGER NOT NULL,
            expires_at INTEGER,
            revoked_at INTEGER,
            last_used_at INTEGER,
            request_id TEXT
        ) WITHOUT ROWID;
        CREATE INDEX api_keys_by_operator ON api_keys (operator_id, created_at);
        CREATE UNIQUE INDEX api_keys_by_request ON api_keys (operator_id, request_id) WHERE request_id IS NOT NULL;

        INSERT INTO api_keys (id, operator_id, key_hash, created_at)
            SELECT 'KEY-' || upper(hex(randomblob(8))), id, key_hash, created_at FROM operators;

        CREATE TABLE operators_without_keys (
            id TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            is_admin INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            kind INTEGER NOT NULL DEFAULT 1,
            country TEXT,
            contacts TEXT NOT NULL DEFAULT '[]',
            updated_at INTEGER NOT NULL DEFAULT 0,
            webhook_secret TEXT
        ) WITHOUT ROWID;
        INSERT INTO operators_without_keys (id, display_name, is_admin, created_at, kind, country, contacts, updated_at, webhook_secret)
            SELECT id, display_name, is_admin, created_at, kind, country, contacts, updated_at, webhook_secret FROM operators;
        DROP TABLE operators;
        ALTER TABLE operators_without_keys RENAME TO operators;

        CREATE TABLE client_certificates (
            id TEXT PRIMARY KEY,
            operator_id TEXT NOT NULL,
            thumbprint TEXT,
            subject TEXT,
            label TEXT,
            created_at INTEGER NOT NULL,
            revoked_at INTEGER,
            request_id TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX client_certificates_by_request ON client_certificates (operator_id, request_id);
        CREATE UNIQUE INDEX client_certificates_by_thumbprint ON client_certificates (thumbprint) WHERE thumbprint IS NOT NULL AND revoked_at IS NULL;
        CREATE UNIQUE INDEX client_certificates_by_subject ON client_certificates (subject) WHERE subject IS NOT NULL AND revoked_at IS NULL;
        CREATE INDEX client_certificates_by_operator ON client_certificates (operator_id, created_at);
        """;


    // One row per audited call, in commit order (id). action and target_kind are the domain's enums by number;
    // target_owner is filled in at the write from the store's indexes so that an owner can query what others did with
    // its targets. The triggers refuse every UPDATE and DELETE, whoever issues it: records are only ever added. (The
    // database's owner can still drop the triggers or the table; docs/audit.md says what that does and does not cover.)
    private const string Audit = """
        CREATE TABLE audit_records (
            id INTEGER PRIMARY KEY,
            recorded_at INTEGER NOT NULL,
            organization_id TEXT,
            credential TEXT,
            client_address TEXT,
            rpc TEXT NOT NULL,
            action INTEGER NOT NULL,
            target_kind INTEGER NOT NULL,
            target_id TEXT,
            target_owner TEXT,
            request_id TEXT,
            outcome TEXT NOT NULL
        );
        CREATE INDEX audit_records_by_organization ON audit_records (organization_id, id);
        CREATE INDEX audit_records_by_owner ON audit_records (target_owner, id) WHERE target_owner IS NOT NULL;
        CREATE INDEX audit_records_by_target ON audit_records (target_id, id) WHERE target_id IS NOT NULL;
        CREATE TRIGGER audit_records_never_change BEFORE UPDATE ON audit_records
        BEGIN
            SELECT RAISE(ABORT, 'the audit is append-only: its records are never changed');
        END;
        CREATE TRIGGER audit_records_never_removed BEFORE DELETE ON audit_records
        BEGIN
            SELECT RAISE(ABORT, 'the audit is append-only: its records are never removed');
        END;
        """;

    // A notification's rows of events carry their audience in force in events.audience (NULL public, as every row
    // before this step; the JSON string "registered"; or a JSON array of parties). notifications indexes the latest
    // version's: audience_scope 0 public, 1 registered, 2 parties (listed in notification_audience), and
    // embargo_until (NULL when no embargo holds) for the release worker. Every notification before this step is public
    // with no embargo, which the defaults say.
    private const string NotificationAudiences = """
        ALTER TABLE notifications ADD COLUMN audience_scope INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE notifications ADD COLUMN embargo_until INTEGER;
        CREATE INDEX notifications_by_embargo_until ON notifications (embargo_until) WHERE embargo_until IS NOT NULL;
        CREATE TABLE notification_audience (
            organization_id TEXT NOT NULL,
            notification_id TEXT NOT NULL,
            PRIMARY KEY (organization_id, notification_id)
        ) WITHOUT ROWID;
        CREATE INDEX notification_audience_by_notification ON notification_audience (notification_id);
        """;

    // Alerts' changes are rows of events (subject 3: the alert's id and version in notification_id and version, its
    // parties as the audience); alerts indexes each alert as its latest change left it: the pair (the lesser
    // catalogue number first), TCA, state, the notification that raised it (NULL for standing screening) with the
    // primary, and next_due (NULL once not open) for the deadline worker; alert_parties who may list it.
    // registered_objects and object_claims keep their snapshot as JSON beside the columns they are looked up by;
    // catalogue_objects the reference catalogue's element sets as text; catalogue_loads each load's report.
    // screenings records how each notification version was screened; work_cursors the position and lease of each
    // worker that follows the log (the screening worker), so that each entry is handled once across instances.
    private const string Alerts = """
        CREATE TABLE alerts (
            id TEXT PRIMARY KEY,
            object_low INTEGER NOT NULL,
            object_high INTEGER NOT NULL,
            primary_object INTEGER NOT NULL,
            tca INTEGER NOT NULL,
            state INTEGER NOT NULL,
            notification_id TEXT,
            unannounced INTEGER NOT NULL,
            latest_sequence INTEGER NOT NULL,
            next_due INTEGER
        ) WITHOUT ROWID;
        CREATE INDEX alerts_by_pair ON alerts (object_low, object_high, state);
        CREATE INDEX alerts_by_notification ON alerts (notification_id, state);
        CREATE INDEX alerts_by_primary ON alerts (primary_object, state);
        CREATE INDEX alerts_by_due ON alerts (next_due) WHERE next_due IS NOT NULL;
        CREATE TABLE alert_parties (
            organization_id TEXT NOT NULL,
            alert_id TEXT NOT NULL,
            PRIMARY KEY (organization_id, alert_id)
        ) WITHOUT ROWID;
        CREATE TABLE registered_objects (
            norad_cat_id INTEGER PRIMARY KEY,
            operator_id TEXT NOT NULL,
            snapshot TEXT NOT NULL
        );
        CREATE INDEX registered_objects_by_operator ON registered_objects (operator_id, norad_cat_id);
        CREATE TABLE object_claims (
            id TEXT PRIMARY KEY,
            norad_cat_id INTEGER NOT NULL,
            state INTEGER NOT NULL,
            claimed_at INTEGER NOT NULL,
            snapshot TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE catalogue_objects (
            norad_cat_id INTEGER PRIMARY KEY,
            name TEXT,
            cospar_id TEXT,
            object_type TEXT,
            element_set TEXT NOT NULL,
            epoch INTEGER NOT NULL
        );
        CREATE TABLE catalogue_loads (
            id INTEGER PRIMARY KEY,
            loaded_at INTEGER NOT NULL,
            report TEXT NOT NULL
        );
        CREATE TABLE screenings (
            notification_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            status TEXT NOT NULL,
            PRIMARY KEY (notification_id, version)
        ) WITHOUT ROWID;
        CREATE TABLE work_cursors (
            name TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            moved_at INTEGER,
            leased_by TEXT,
            leased_until INTEGER
        ) WITHOUT ROWID;
        """;

    // A consultation's conversation lives beside the log, not in it: each consultation numbers its messages 1, 2, 3, ...
    // (the writer allocates MAX + 1 under the write lock, so they are contiguous and in commit order), and a sender's
    // client_message_id is unique within the consultation, so that a message sent again is stored once. attachments
    // names each attachment (media_type, sha256, size_bytes, as a JSON array); the content is kept once per
    // consultation and digest in consultation_attachments, as notifications' attachments are. consultation_receipts
    // holds each party's delivery and read positions, which only move forward.
    private const string Conversations = """
        CREATE TABLE consultation_messages (
            consultation_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            from_organization TEXT NOT NULL,
            client_message_id TEXT NOT NULL,
            sent_at INTEGER NOT NULL,
            text TEXT NOT NULL,
            attachments TEXT NOT NULL,
            PRIMARY KEY (consultation_id, sequence),
            UNIQUE (consultation_id, from_organization, client_message_id)
        ) WITHOUT ROWID;
        CREATE TABLE consultation_attachments (
            consultation_id TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            media_type TEXT NOT NULL,
            content TEXT NOT NULL,
            PRIMARY KEY (consultation_id, sha256)
        ) WITHOUT ROWID;
        CREATE TABLE consultation_receipts (
            consultation_id TEXT NOT NULL,
            organization_id TEXT NOT NULL,
            delivered_through INTEGER NOT NULL,
            read_through INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (consultation_id, organization_id)
        ) WITHOUT ROWID;
        """;

    // A direct line's changes are rows of events (subject 2: the line's id and version, 1 proposed or 2 accepted, in
    // notification_id and version; its two sides as the audience); direct_lines holds each line as its latest change
    // left it, one row per line. The unique index on the pair in order (the lesser id first, whoever proposed) keeps one line
    // per pair of organisations even against a writer that forgot to look; the two side indexes serve an
    // organisation's listing. Times are ticks, as everywhere; activated_at is NULL while the line is proposed.
    private const string DirectLines = """
        CREATE TABLE direct_lines (
            id TEXT PRIMARY KEY,
            proposed_by TEXT NOT NULL,
            counterpart TEXT NOT NULL,
            state INTEGER NOT NULL,
            purpose TEXT NOT NULL,
            proposed_at INTEGER NOT NULL,
            activated_at INTEGER
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX direct_lines_by_pair ON direct_lines (min(proposed_by, counterpart), max(proposed_by, counterpart));
        CREATE INDEX direct_lines_by_proposer ON direct_lines (proposed_by);
        CREATE INDEX direct_lines_by_counterpart ON direct_lines (counterpart);
        """;

    // The log's rows gain what they are about (0 a notification, 1 a consultation; every earlier row is a
    // notification's) and who may see them (NULL: everyone; else a JSON array of organisation ids), kept apart from
    // the snapshot so that a row whose snapshot cannot be read back is still told only to its audience. A
    // consultation's rows use notification_id and version for the consultation's id and version (ids never collide:
    // CON-n against MNV-n, RPO-n, LCH-n). consultations indexes each consultation's latest state and its pending
    // acknowledgement deadline (NULL when none is pending), consultation_parties who may list it.
    private const string Consultations = """
        ALTER TABLE events ADD COLUMN subject INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE events ADD COLUMN audience TEXT;
        CREATE TABLE consultations (
            id TEXT PRIMARY KEY,
            requester TEXT NOT NULL,
            state INTEGER NOT NULL,
            first_sequence INTEGER NOT NULL,
            latest_sequence INTEGER NOT NULL,
            pending_deadline INTEGER
        ) WITHOUT ROWID;
        CREATE INDEX consultations_by_deadline ON consultations (pending_deadline) WHERE pending_deadline IS NOT NULL;
        CREATE TABLE consultation_parties (
            organization_id TEXT NOT NULL,
            first_sequence INTEGER NOT NULL,
            consultation_id TEXT NOT NULL,
            PRIMARY KEY (organization_id, first_sequence)
        ) WITHOUT ROWID;
        """;

    // Contact points keep their webhook URLs in the contacts JSON (an absent webhook_url reads as none, so rows written
    // before need no change). The secret is kept as issued, not hashed: the exchange signs with it. A delivery is
    // pending while next_attempt_at is set, then delivered or given up; leased_by/leased_until say which instance is
    // attempting it (claims run in the log writer's transaction). One delivery per organisation, contact role and
    // dedup key, so that a repeated write queues nothing new. Every attempt is kept, by delivery and number.
    private const string Webhooks = """
        ALTER TABLE operators ADD COLUMN webhook_secret TEXT;

        CREATE TABLE webhook_deliveries (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL,
            contact_role INTEGER NOT NULL,
            url TEXT NOT NULL,
            event_kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            dedup_key TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER,
            leased_until INTEGER,
            leased_by TEXT,
            last_status_code INTEGER,
            last_error TEXT,
            delivered_at INTEGER,
            given_up_at INTEGER,
            UNIQUE (organization_id, contact_role, dedup_key)
        );
        CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
        CREATE INDEX webhook_deliveries_by_organization ON webhook_deliveries (organization_id, created_at);

        CREATE TABLE webhook_attempts (
            delivery_id TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            instance_id TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            finished_at INTEGER NOT NULL,
            status_code INTEGER,
            error TEXT,
            PRIMARY KEY (delivery_id, attempt)
        ) WITHOUT ROWID;
        """;

    // Every existing account is an operator (the only kind there was) whose profile was last set when it was created;
    // its one contact becomes its primary contact point in the stored form of ContactPoint (the organization is
    // dropped: a contact point belongs to the organisation it is listed under). Keys and flags stay as they are.
    private const string DirectoryEntries = """
        ALTER TABLE operators ADD COLUMN kind INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE operators ADD COLUMN country TEXT;
        ALTER TABLE operators ADD COLUMN contacts TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE operators ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
        UPDATE operators SET
            updated_at = created_at,
            contacts = CASE WHEN contact IS NULL THEN '[]'
                ELSE json_array(json_patch(json_object('role', 'Primary'), json_remove(contact, '$.organization'))) END;
        ALTER TABLE operators DROP COLUMN contact;
        """;

    // The schema builds before migrations created (commit 8379752, SqliteSchema.cs), statement for statement, so that
    // their databases are recognised as version 1. The log (events) is the source of truth; notifications and
    // notification_objects index its latest state for queries; outbox holds what the bus has not yet confirmed.
    // store_info's schema_version row is what those builds read (they refuse any value but 1); migration 2 freezes it.
    private const string InitialSchema = """
        CREATE TABLE store_info (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE events (
            sequence INTEGER PRIMARY KEY,
            notification_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            event_type INTEGER NOT NULL,
            recorded_at INTEGER NOT NULL,
            snapshot TEXT NOT NULL,
            match_keys TEXT NOT NULL
        );
        CREATE UNIQUE INDEX events_by_notification ON events (notification_id, version);

        CREATE TABLE notifications (
            id TEXT PRIMARY KEY,
            kind INTEGER NOT NULL,
            filing_operator TEXT NOT NULL,
            status INTEGER NOT NULL,
            first_sequence INTEGER NOT NULL,
            latest_sequence INTEGER NOT NULL,
            window_start INTEGER,
            window_end INTEGER
        ) WITHOUT ROWID;
        CREATE INDEX notifications_by_first_sequence ON notifications (first_sequence);
        CREATE INDEX notifications_by_operator ON notifications (filing_operator, first_sequence);

        CREATE TABLE notification_objects (
            norad_cat_id INTEGER NOT NULL,
            notification_id TEXT NOT NULL,
            PRIMARY KEY (norad_cat_id, notification_id)
        ) WITHOUT ROWID;

        CREATE TABLE outbox (
            sequence INTEGER PRIMARY KEY,
            instance_id TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );

        CREATE TABLE attachments (
            notification_id TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            media_type TEXT NOT NULL,
            content TEXT NOT NULL,
            PRIMARY KEY (notification_id, sha256)
        ) WITHOUT ROWID;

        CREATE TABLE requests (
            operator_id TEXT NOT NULL,
            request_id TEXT NOT NULL,
            fingerprint BLOB NOT NULL,
            notification_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (operator_id, request_id)
        ) WITHOUT ROWID;

        CREATE TABLE operators (
            id TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            contact TEXT,
            is_admin INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            key_hash BLOB NOT NULL UNIQUE
        ) WITHOUT ROWID;

        CREATE TABLE subscriptions (
            id TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            name TEXT NOT NULL,
            filter TEXT NOT NULL,
            acknowledged_sequence INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX subscriptions_by_owner ON subscriptions (owner);

        -- The store's id, a random UUID, in the form the builds before migrations wrote it (lower-case 8-4-4-4-12 hex).
        INSERT INTO store_info (key, value) VALUES
            ('store_id', lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))),
            ('schema_version', '1');
        """;
}
