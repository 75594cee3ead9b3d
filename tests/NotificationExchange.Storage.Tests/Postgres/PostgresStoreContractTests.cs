using NotificationExchange.Storage.Tests.Contract;

namespace NotificationExchange.Storage.Tests.Postgres;

/// <summary>The store contract, every test of it, on PostgreSQL: a fresh database per test on the run's private cluster.</summary>
public sealed class PostgresStoreContractTests : ExchangeStoreContract
{
    protected override IStoreUnderTest CreateStorage() => new PostgresStoreUnderTest();
}
