using NotificationExchange.Storage.Tests.Contract;

namespace NotificationExchange.Storage.Tests.Sqlite;

public sealed class SqliteStoreContractTests : ExchangeStoreContract
{
    protected override IStoreUnderTest CreateStorage() => new SqliteStoreUnderTest();
}
