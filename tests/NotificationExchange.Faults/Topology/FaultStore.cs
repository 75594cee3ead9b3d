namespace NotificationExchange.Faults.Topology;

/// <summary>The store the instances of a fault run share.</summary>
public enum FaultStore
{
    /// <summary>A private PostgreSQL cluster (ConnectionStrings:Postgres): what several machines would share.</summary>
    Postgres,

    /// <summary>One SQLite file shared by instances on this host: the embedded store, for a build without PostgreSQL.</summary>
    Sqlite,
}
