namespace NotificationExchange.Storage.Postgres.Migrations;

/// <summary>
/// The schema's history on PostgreSQL, oldest first; <c>schema_migrations</c> records each step applied. The store was
/// added when the SQLite store was at step 12, so its first step is a baseline equal to SQLite's schema at step 12,
/// recorded as version 12: a later change is one step of the same number in both stores. Add a step at the end with
/// the next version; never edit or reorder a released one (see docs/architecture.md, "Schema migrations").
/// </summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<PostgresMigration> All { get; } =
    [
        new(12, "baseline: the SQLite store's schema at step 12", Baseline),
    ];

    // The SQLite schema at step 12, table for table and column for column (see SqliteMigrations for what each holds):
    // SQLite's INTEGER is bigint (times are UTC ticks), TEXT is text, BLOB is bytea. Text compares and sorts as SQLite's
    // BINARY collation does (COLLATE "C", byte order), whatever the database's own collation, so that pages by id
    // and the pair order of direct lines are the same on both stores. Snapshots and other stored JSON are text, never
    // jsonb: they read back byte for byte, which the transparency log's commitments need. Two differences, both of
    // SQLite's implicit rowid: webhook_deliveries has it as a column of its own (the order of deliveries queued at the
    // same tick), and audit_records' ids are allocated by the writer, MAX(id) + 1 under the writer's lock, in commit
    // order as SQLite's rowid is. The audit refuses UPDATE and DELETE through triggers, as SQLite's does.
    private const string Baseline = """
        CREATE TABLE store_info (
            key text COLLATE "C" PRIMARY KEY,
            value text COLLATE "C" NOT NULL
        );
        INSERT INTO store_info (key, value) VALUES ('store_id', gen_random_uuid()::text), ('schema_version', '2');

        CREATE TABLE events (
            sequence bigint PRIMARY KEY,
            notification_id text COLLATE "C" NOT NULL,
            version bigint NOT NULL,
            event_type bigint NOT NULL,
            recorded_at bigint NOT NULL,
            snapshot text COLLATE "C" NOT NULL,
            match_keys text COLLATE "C" NOT NULL,
            subject bigint NOT NULL DEFAULT 0,
            audience text COLLATE "C",
            salt bytea,
            commitment bytea
        );
        CREATE UNIQUE INDEX events_by_notification ON events (notification_id, version);
        CREATE INDEX events_uncommitted ON events (sequence) WHERE commitment IS NULL;

        CREATE TABLE notifications (
            id text COLLATE "C" PRIMARY KEY,
            kind bigint NOT NULL,
            filing_operator text COLLATE "C" NOT NULL,
            status bigint NOT NULL,
            first_sequence bigint NOT NULL,
            latest_sequence bigint NOT NULL,
            window_start bigint,
            window_end bigint,
            audience_scope bigint NOT NULL DEFAULT 0,
            embargo_until bigint
        );
        CREATE INDEX notifications_by_first_sequence ON notifications (first_sequence);
        CREATE INDEX notifications_by_operator ON notifications (filing_operator, first_sequence);
        CREATE INDEX notifications_by_embargo_until ON notifications (embargo_until) WHERE embargo_until IS NOT NULL;

        CREATE TABLE notification_audience (
            organization_id text COLLATE "C" NOT NULL,
            notification_id text COLLATE "C" NOT NULL,
            PRIMARY KEY (organization_id, notification_id)
        );
        CREATE INDEX notification_audience_by_notification ON notification_audience (notification_id);

        CREATE TABLE notification_objects (
            norad_cat_id bigint NOT NULL,
            notification_id text COLLATE "C" NOT NULL,
            PRIMARY KEY (norad_cat_id, notification_id)
        );

        CREATE TABLE outbox (
            sequence bigint PRIMARY KEY,
            instance_id text COLLATE "C" NOT NULL,
            created_at bigint NOT NULL
        );

        CREATE TABLE attachments (
            notification_id text COLLATE "C" NOT NULL,
            sha256 text COLLATE "C" NOT NULL,
            media_type text COLLATE "C" NOT NULL,
            content text COLLATE "C" NOT NULL,
            PRIMARY KEY (notification_id, sha256)
        );

        CREATE TABLE requests (
            operator_id text COLLATE "C" NOT NULL,
            request_id text COLLATE "C" NOT NULL,
            fingerprint bytea NOT NULL,
            notification_id text COLLATE "C" NOT NULL,
            version bigint NOT NULL,
            PRIMARY KEY (operator_id, request_id)
        );

        CREATE TABLE operators (
            id text COLLATE "C" PRIMARY KEY,
            display_name text COLLATE "C" NOT NULL,
            is_admin bigint NOT NULL,
            created_at bigint NOT NULL,
            kind bigint NOT NULL DEFAULT 1,
            country text COLLATE "C",
            contacts text COLLATE "C" NOT NULL DEFAULT '[]',
            updated_at bigint NOT NULL DEFAULT 0,
            webhook_secret text COLLATE "C"
        );

        CREATE TABLE subscriptions (
            id text COLLATE "C" PRIMARY KEY,
            owner text COLLATE "C" NOT NULL,
            name text COLLATE "C" NOT NULL,
            filter text COLLATE "C" NOT NULL,
            acknowledged_sequence bigint NOT NULL,
            created_at bigint NOT NULL
        );
        CREATE INDEX subscriptions_by_owner ON subscriptions (owner);

        CREATE TABLE consultations (
            id text COLLATE "C" PRIMARY KEY,
            requester text COLLATE "C" NOT NULL,
            state bigint NOT NULL,
            first_sequence bigint NOT NULL,
            latest_sequence bigint NOT NULL,
            pending_deadline bigint
        );
        CREATE INDEX consultations_by_deadline ON consultations (pending_deadline) WHERE pending_deadline IS NOT NULL;
        CREATE TABLE consultation_parties (
            organization_id text COLLATE "C" NOT NULL,
            first_sequence bigint NOT NULL,
            consultation_id text COLLATE "C" NOT NULL,
            PRIMARY KEY (organization_id, first_sequence)
        );

        CREATE TABLE direct_lines (
            id text COLLATE "C" PRIMARY KEY,
            proposed_by text COLLATE "C" NOT NULL,
            counterpart text COLLATE "C" NOT NULL,
            state bigint NOT NULL,
            purpose text COLLATE "C" NOT NULL,
            proposed_at bigint NOT NULL,
            activated_at bigint
        );
        CREATE UNIQUE INDEX direct_lines_by_pair ON direct_lines (LEAST(proposed_by, counterpart), GREATEST(proposed_by, counterpart));
        CREATE INDEX direct_lines_by_proposer ON direct_lines (proposed_by);
        CREATE INDEX direct_lines_by_counterpart ON direct_lines (counterpart);

        CREATE TABLE webhook_deliveries (
            id text COLLATE "C" PRIMARY KEY,
            organization_id text COLLATE "C" NOT NULL,
            contact_role bigint NOT NULL,
            url text COLLATE "C" NOT NULL,
            event_kind text COLLATE "C" NOT NULL,
            payload text COLLATE "C" NOT NULL,
            dedup_key text COLLATE "C" NOT NULL,
            created_at bigint NOT NULL,
            attempts bigint NOT NULL DEFAULT 0,
            next_attempt_at bigint,
            leased_until bigint,
            leased_by text COLLATE "C",
            last_status_code bigint,
            last_error text COLLATE "C",
            delivered_at bigint,
            given_up_at bigint,
            rowid bigint GENERATED ALWAYS AS IDENTITY,
            UNIQUE (organization_id, contact_role, dedup_key)
        );
        CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
        CREATE INDEX webhook_deliveries_by_organization ON webhook_deliveries (organization_id, created_at);
        CREATE TABLE webhook_attempts (
            delivery_id text COLLATE "C" NOT NULL,
            attempt bigint NOT NULL,
            instance_id text COLLATE "C" NOT NULL,
            started_at bigint NOT NULL,
            finished_at bigint NOT NULL,
            status_code bigint,
            error text COLLATE "C",
            PRIMARY KEY (delivery_id, attempt)
        );

        CREATE TABLE consultation_messages (
            consultation_id text COLLATE "C" NOT NULL,
            sequence bigint NOT NULL,
            from_organization text COLLATE "C" NOT NULL,
            client_message_id text COLLATE "C" NOT NULL,
            sent_at bigint NOT NULL,
            text text COLLATE "C" NOT NULL,
            attachments text COLLATE "C" NOT NULL,
            PRIMARY KEY (consultation_id, sequence),
            UNIQUE (consultation_id, from_organization, client_message_id)
        );
        CREATE TABLE consultation_attachments (
            consultation_id text COLLATE "C" NOT NULL,
            sha256 text COLLATE "C" NOT NULL,
            media_type text COLLATE "C" NOT NULL,
            content text COLLATE "C" NOT NULL,
            PRIMARY KEY (consultation_id, sha256)
        );
        CREATE TABLE consultation_receipts (
            consultation_id text COLLATE "C" NOT NULL,
            organization_id text COLLATE "C" NOT NULL,
            delivered_through bigint NOT NULL,
            read_through bigint NOT NULL,
            updated_at bigint NOT NULL,
            PRIMARY KEY (consultation_id, organization_id)
        );

        CREATE TABLE alerts (
            id text COLLATE "C" PRIMARY KEY,
            object_low bigint NOT NULL,
            object_high bigint NOT NULL,
            primary_object bigint NOT NULL,
            tca bigint NOT NULL,
            state bigint NOT NULL,
            notification_id text COLLATE "C",
            unannounced bigint NOT NULL,
            latest_sequence bigint NOT NULL,
            next_due bigint
        );
        CREATE INDEX alerts_by_pair ON alerts (object_low, object_high, state);
        CREATE INDEX alerts_by_notification ON alerts (notification_id, state);
        CREATE INDEX alerts_by_primary ON alerts (primary_object, state);
        CREATE INDEX alerts_by_due ON alerts (next_due) WHERE next_due IS NOT NULL;
        CREATE TABLE alert_parties (
            organization_id text COLLATE "C" NOT NULL,
            alert_id text COLLATE "C" NOT NULL,
            PRIMARY KEY (organization_id, alert_id)
        );
        CREATE TABLE registered_objects (
            norad_cat_id bigint PRIMARY KEY,
            operator_id text COLLATE "C" NOT NULL,
            snapshot text COLLATE "C" NOT NULL
        );
        CREATE INDEX registered_objects_by_operator ON registered_objects (operator_id, norad_cat_id);
        CREATE TABLE object_claims (
            id text COLLATE "C" PRIMARY KEY,
            norad_cat_id bigint NOT NULL,
            state bigint NOT NULL,
            claimed_at bigint NOT NULL,
            snapshot text COLLATE "C" NOT NULL
        );
        CREATE TABLE catalogue_objects (
            norad_cat_id bigint PRIMARY KEY,
            name text COLLATE "C",
            cospar_id text COLLATE "C",
            object_type text COLLATE "C",
            element_set text COLLATE "C" NOT NULL,
            epoch bigint NOT NULL
        );
        CREATE TABLE catalogue_loads (
            id bigint PRIMARY KEY,
            loaded_at bigint NOT NULL,
            report text COLLATE "C" NOT NULL
        );
        CREATE TABLE screenings (
            notification_id text COLLATE "C" NOT NULL,
            version bigint NOT NULL,
            status text COLLATE "C" NOT NULL,
            PRIMARY KEY (notification_id, version)
        );
        CREATE TABLE work_cursors (
            name text COLLATE "C" PRIMARY KEY,
            position bigint NOT NULL,
            moved_at bigint,
            leased_by text COLLATE "C",
            leased_until bigint
        );

        CREATE TABLE tree_nodes (
            level bigint NOT NULL,
            idx bigint NOT NULL,
            hash bytea NOT NULL,
            PRIMARY KEY (level, idx)
        );
        CREATE TABLE tree_heads (
            tree_size bigint PRIMARY KEY,
            root_hash bytea NOT NULL,
            timestamp_ms bigint NOT NULL,
            origin text COLLATE "C" NOT NULL,
            signature bytea NOT NULL,
            key_id text COLLATE "C" NOT NULL
        );

        CREATE TABLE api_keys (
            id text COLLATE "C" PRIMARY KEY,
            operator_id text COLLATE "C" NOT NULL,
            key_hash bytea NOT NULL UNIQUE,
            label text COLLATE "C",
            created_at bigint NOT NULL,
            expires_at bigint,
            revoked_at bigint,
            last_used_at bigint,
            request_id text COLLATE "C"
        );
        CREATE INDEX api_keys_by_operator ON api_keys (operator_id, created_at);
        CREATE UNIQUE INDEX api_keys_by_request ON api_keys (operator_id, request_id) WHERE request_id IS NOT NULL;
        CREATE TABLE client_certificates (
            id text COLLATE "C" PRIMARY KEY,
            operator_id text COLLATE "C" NOT NULL,
            thumbprint text COLLATE "C",
            subject text COLLATE "C",
            label text COLLATE "C",
            created_at bigint NOT NULL,
            revoked_at bigint,
            request_id text COLLATE "C" NOT NULL
        );
        CREATE UNIQUE INDEX client_certificates_by_request ON client_certificates (operator_id, request_id);
        CREATE UNIQUE INDEX client_certificates_by_thumbprint ON client_certificates (thumbprint) WHERE thumbprint IS NOT NULL AND revoked_at IS NULL;
        CREATE UNIQUE INDEX client_certificates_by_subject ON client_certificates (subject) WHERE subject IS NOT NULL AND revoked_at IS NULL;
        CREATE INDEX client_certificates_by_operator ON client_certificates (operator_id, created_at);

        CREATE TABLE audit_records (
            id bigint PRIMARY KEY,
            recorded_at bigint NOT NULL,
            organization_id text COLLATE "C",
            credential text COLLATE "C",
            client_address text COLLATE "C",
            rpc text COLLATE "C" NOT NULL,
            action bigint NOT NULL,
            target_kind bigint NOT NULL,
            target_id text COLLATE "C",
            target_owner text COLLATE "C",
            request_id text COLLATE "C",
            outcome text COLLATE "C" NOT NULL
        );
        CREATE INDEX audit_records_by_organization ON audit_records (organization_id, id);
        CREATE INDEX audit_records_by_owner ON audit_records (target_owner, id) WHERE target_owner IS NOT NULL;
        CREATE INDEX audit_records_by_target ON audit_records (target_id, id) WHERE target_id IS NOT NULL;
        CREATE FUNCTION audit_records_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                RAISE EXCEPTION 'the audit is append-only: its records are never changed';
            END IF;
            RAISE EXCEPTION 'the audit is append-only: its records are never removed';
        END;
        $$;
        CREATE TRIGGER audit_records_never_change BEFORE UPDATE ON audit_records
            FOR EACH ROW EXECUTE FUNCTION audit_records_refuse_change();
        CREATE TRIGGER audit_records_never_removed BEFORE DELETE ON audit_records
            FOR EACH ROW EXECUTE FUNCTION audit_records_refuse_change();
        CREATE TRIGGER audit_records_never_truncated BEFORE TRUNCATE ON audit_records
            FOR EACH STATEMENT EXECUTE FUNCTION audit_records_refuse_change();
        """;
}
