using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Registry;

namespace NotificationExchange.Storage.Postgres;

/// <summary>The write side of alerts, the registry, the catalogue, screenings and work cursors.</summary>
internal sealed partial class PostgresWriteSession
{
    public void Append(AlertRecorded recorded)
    {
        var alert = recorded.Alert;
        InsertLogRow(recorded, PostgresExchangeStore.SubjectAlert, alert.Id, alert.Version, (int)recorded.Type, NotificationJson.SerializeAny(recorded.Change));
        var row = Command("""
            INSERT INTO alerts (id, object_low, object_high, primary_object, tca, state, notification_id, unannounced, latest_sequence, next_due)
            VALUES (@id, @low, @high, @primary, @tca, @state, @notification, @unannounced, @sequence, @due)
            ON CONFLICT (id) DO UPDATE SET primary_object = excluded.primary_object, tca = excluded.tca, state = excluded.state,
                notification_id = excluded.notification_id, unannounced = excluded.unannounced,
                latest_sequence = excluded.latest_sequence, next_due = excluded.next_due;
            """);
        var a = alert.Primary.Object.NoradCatId;
        var b = alert.Secondary.Object.NoradCatId;
        row.Parameters["@id"].Value = alert.Id;
        row.Parameters["@low"].Value = Math.Min(a, b);
        row.Parameters["@high"].Value = Math.Max(a, b);
        row.Parameters["@primary"].Value = a;
        row.Parameters["@tca"].Value = PostgresTime.ToTicks(alert.Tca);
        row.Parameters["@state"].Value = (int)alert.State;
        row.Parameters["@notification"].Value = (object?)alert.NotificationId ?? DBNull.Value;
        row.Parameters["@unannounced"].Value = alert.Unannounced is null ? 0 : 1;
        row.Parameters["@sequence"].Value = recorded.Sequence;
        row.Parameters["@due"].Value = alert.NextDue() is { } due ? PostgresTime.ToTicks(due) : DBNull.Value;
        row.ExecuteNonQuery();
        // Who may list the alert is who its latest version admits: an object that changes hands, or a notification
        // whose filer changes, takes the alert out of the former party's listings as GetAlert does.
        var clear = Command("DELETE FROM alert_parties WHERE alert_id = @id;");
        clear.Parameters["@id"].Value = alert.Id;
        clear.ExecuteNonQuery();
        var party = Command("INSERT INTO alert_parties (organization_id, alert_id) VALUES (@organization, @id) ON CONFLICT DO NOTHING;");
        party.Parameters["@id"].Value = alert.Id;
        foreach (var organization in alert.Parties)
        {
            party.Parameters["@organization"].Value = organization;
            party.ExecuteNonQuery();
        }
        _appended.Add(recorded);
        _nextSequence++;
    }

    public Alert? GetAlert(string alertId)
    {
        var command = Command(PostgresExchangeStore.SelectEvent + " WHERE notification_id = @id AND subject = 3 ORDER BY version DESC LIMIT 1;");
        command.Parameters["@id"].Value = alertId;
        using var reader = command.ExecuteReader();
        return reader.Read() ? PostgresExchangeStore.ReadAlert(reader) : null;
    }

    public IReadOnlyList<Alert> OpenAlertsOfPair(int noradCatId, int otherNoradCatId) =>
        ReadOpenAlerts("object_low = @low AND object_high = @high", ("@low", Math.Min(noradCatId, otherNoradCatId)), ("@high", Math.Max(noradCatId, otherNoradCatId)));

    public IReadOnlyList<Alert> OpenAlertsOfNotification(string notificationId) =>
        ReadOpenAlerts("notification_id = @notification", ("@notification", notificationId));

    public IReadOnlyList<Alert> OpenStandingAlertsOf(int primaryNoradCatId) =>
        ReadOpenAlerts("primary_object = @primary AND notification_id IS NULL", ("@primary", primaryNoradCatId));

    private List<Alert> ReadOpenAlerts(string condition, params (string Name, object Value)[] parameters)
    {
        var command = Command(PostgresExchangeStore.SelectEvent
            + $" WHERE sequence IN (SELECT latest_sequence FROM alerts WHERE {condition} AND state = {(int)AlertState.Open}) ORDER BY sequence;");
        foreach (var (name, value) in parameters)
        {
            command.Parameters[name].Value = value;
        }
        using var reader = command.ExecuteReader();
        var alerts = new List<Alert>();
        while (reader.Read())
        {
            alerts.Add(PostgresExchangeStore.ReadAlert(reader));
        }
        return alerts;
    }

    public void SaveScreening(string notificationId, int version, ScreeningStatus status)
    {
        var command = Command("""
            INSERT INTO screenings (notification_id, version, status) VALUES (@id, @version, @status)
            ON CONFLICT (notification_id, version) DO UPDATE SET status = excluded.status;
            """);
        command.Parameters["@id"].Value = notificationId;
        command.Parameters["@version"].Value = version;
        command.Parameters["@status"].Value = NotificationJson.SerializeAny(status);
        command.ExecuteNonQuery();
    }

    public RegisteredObject? GetRegisteredObject(int noradCatId)
    {
        var command = Command("SELECT snapshot FROM registered_objects WHERE norad_cat_id = @norad;");
        command.Parameters["@norad"].Value = noradCatId;
        return command.ExecuteScalar() is string json ? NotificationJson.DeserializeAny<RegisteredObject>(json) : null;
    }

    public void SaveRegisteredObject(RegisteredObject registered)
    {
        var command = Command("""
            INSERT INTO registered_objects (norad_cat_id, operator_id, snapshot) VALUES (@norad, @operator, @snapshot)
            ON CONFLICT (norad_cat_id) DO UPDATE SET operator_id = excluded.operator_id, snapshot = excluded.snapshot;
            """);
        command.Parameters["@norad"].Value = registered.NoradCatId;
        command.Parameters["@operator"].Value = registered.OperatorId;
        command.Parameters["@snapshot"].Value = NotificationJson.SerializeAny(registered);
        command.ExecuteNonQuery();
    }

    public void RemoveRegisteredObject(int noradCatId)
    {
        var command = Command("DELETE FROM registered_objects WHERE norad_cat_id = @norad;");
        command.Parameters["@norad"].Value = noradCatId;
        command.ExecuteNonQuery();
    }

    public ObjectClaim? GetClaim(string claimId)
    {
        var command = Command("SELECT snapshot FROM object_claims WHERE id = @id;");
        command.Parameters["@id"].Value = claimId;
        return command.ExecuteScalar() is string json ? NotificationJson.DeserializeAny<ObjectClaim>(json) : null;
    }

    public void SaveClaim(ObjectClaim claim)
    {
        var command = Command("""
            INSERT INTO object_claims (id, norad_cat_id, state, claimed_at, snapshot) VALUES (@id, @norad, @state, @claimed, @snapshot)
            ON CONFLICT (id) DO UPDATE SET norad_cat_id = excluded.norad_cat_id, state = excluded.state, claimed_at = excluded.claimed_at,
                snapshot = excluded.snapshot;
            """);
        command.Parameters["@id"].Value = claim.Id;
        command.Parameters["@norad"].Value = claim.NoradCatId;
        command.Parameters["@state"].Value = (int)claim.State;
        command.Parameters["@claimed"].Value = PostgresTime.ToTicks(claim.ClaimedAt);
        command.Parameters["@snapshot"].Value = NotificationJson.SerializeAny(claim);
        command.ExecuteNonQuery();
    }

    public CatalogueLoad RecordCatalogueLoad(CatalogueLoad report, IReadOnlyList<CatalogueEntry> upserts, IReadOnlyList<int> dropped)
    {
        var upsert = Command("""
            INSERT INTO catalogue_objects (norad_cat_id, name, cospar_id, object_type, element_set, epoch)
            VALUES (@norad, @name, @cospar, @type, @elements, @epoch)
            ON CONFLICT (norad_cat_id) DO UPDATE SET name = excluded.name, cospar_id = excluded.cospar_id, object_type = excluded.object_type,
                element_set = excluded.element_set, epoch = excluded.epoch;
            """);
        foreach (var entry in upserts)
        {
            upsert.Parameters["@norad"].Value = entry.NoradCatId;
            upsert.Parameters["@name"].Value = (object?)entry.Name ?? DBNull.Value;
            upsert.Parameters["@cospar"].Value = (object?)entry.CosparId ?? DBNull.Value;
            upsert.Parameters["@type"].Value = (object?)entry.ObjectType ?? DBNull.Value;
            upsert.Parameters["@elements"].Value = entry.ElementSet;
            upsert.Parameters["@epoch"].Value = PostgresTime.ToTicks(entry.Epoch);
            upsert.ExecuteNonQuery();
        }
        var drop = Command("DELETE FROM catalogue_objects WHERE norad_cat_id = @norad;");
        foreach (var norad in dropped)
        {
            drop.Parameters["@norad"].Value = norad;
            drop.ExecuteNonQuery();
        }
        var id = (long)Command("SELECT COALESCE(MAX(id), 0) + 1 FROM catalogue_loads;").ExecuteScalar()!;
        var recorded = report with { Id = id };
        var insert = Command("INSERT INTO catalogue_loads (id, loaded_at, report) VALUES (@id, @loaded, @report);");
        insert.Parameters["@id"].Value = id;
        insert.Parameters["@loaded"].Value = PostgresTime.ToTicks(report.LoadedAt);
        insert.Parameters["@report"].Value = NotificationJson.SerializeAny(recorded);
        insert.ExecuteNonQuery();
        return recorded;
    }

    public long? LeaseCursor(string name, string holder, DateTime now, DateTime leasedUntil)
    {
        var command = Command("""
            INSERT INTO work_cursors (name, position, leased_by, leased_until) VALUES (@name, 0, @holder, @until)
            ON CONFLICT (name) DO UPDATE SET leased_by = excluded.leased_by, leased_until = excluded.leased_until
                WHERE work_cursors.leased_by IS NULL OR work_cursors.leased_by = excluded.leased_by OR work_cursors.leased_until <= @now
            RETURNING position, leased_by;
            """);
        command.Parameters["@name"].Value = name;
        command.Parameters["@holder"].Value = holder;
        command.Parameters["@until"].Value = PostgresTime.ToTicks(leasedUntil);
        command.Parameters["@now"].Value = PostgresTime.ToTicks(now);
        using var reader = command.ExecuteReader();
        // No row comes back when the conflict's WHERE refused the update: another holder's lease runs.
        return reader.Read() && reader.GetString(1) == holder ? reader.GetInt64(0) : null;
    }

    public bool MoveCursor(string name, string holder, long expectedPosition, long position, DateTime movedAt)
    {
        var command = Command("""
            UPDATE work_cursors SET position = @position, moved_at = @moved
            WHERE name = @name AND leased_by = @holder AND position = @expected;
            """);
        command.Parameters["@name"].Value = name;
        command.Parameters["@holder"].Value = holder;
        command.Parameters["@expected"].Value = expectedPosition;
        command.Parameters["@position"].Value = position;
        command.Parameters["@moved"].Value = PostgresTime.ToTicks(movedAt);
        return command.ExecuteNonQuery() == 1;
    }
}
