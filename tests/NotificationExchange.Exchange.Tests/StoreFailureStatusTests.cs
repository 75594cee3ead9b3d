using System.Net.Sockets;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Npgsql;
using NotificationExchange.Api.Services;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// A store that cannot be reached answers UNAVAILABLE, which clients retry; any other database failure INTERNAL; never
/// UNKNOWN, and never the database's own message.
/// </summary>
public sealed class StoreFailureStatusTests
{
    [Test]
    public void An_unreachable_PostgreSQL_server_is_UNAVAILABLE()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        var status = RuleViolationInterceptor.ToRpcException(refused).Status;

        Assert.That(refused.IsTransient, Is.True);
        Assert.That(status.StatusCode, Is.EqualTo(StatusCode.Unavailable));
        Assert.That(status.Detail, Does.Not.Contain("5432"));
    }

    [Test]
    public void A_busy_SQLite_file_is_UNAVAILABLE()
    {
        var status = RuleViolationInterceptor.ToRpcException(new SqliteException("database is locked", 5)).Status;

        Assert.That(status.StatusCode, Is.EqualTo(StatusCode.Unavailable));
    }

    [Test]
    public void Any_other_database_failure_is_INTERNAL()
    {
        var status = RuleViolationInterceptor.ToRpcException(new SqliteException("no such table: events", 1)).Status;

        Assert.That(status.StatusCode, Is.EqualTo(StatusCode.Internal));
        Assert.That(status.Detail, Does.Not.Contain("events"));
    }
}
