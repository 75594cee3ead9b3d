namespace NotificationExchange.Storage.Sqlite.Migrations;

/// <summary>
/// One numbered step of the schema. Applied once, in version order, in the transaction that records its version;
/// once released it is never edited (databases that applied it would not apply it again): a change is a new step.
/// </summary>
internal sealed record SqliteMigration(int Version, string Name, string Sql)
{
    public override string ToString() => $"{Version} ({Name})";
}
