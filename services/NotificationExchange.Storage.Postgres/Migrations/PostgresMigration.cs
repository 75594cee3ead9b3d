namespace NotificationExchange.Storage.Postgres.Migrations;

/// <summary>
/// One numbered step of the schema, numbered as the SQLite store's step of the same change. Applied once, in version
/// order, in its own transaction, which also records its version; once released it is never edited: a change is a new step.
/// </summary>
internal sealed record PostgresMigration(int Version, string Name, string Sql)
{
    public override string ToString() => $"{Version} ({Name})";
}
