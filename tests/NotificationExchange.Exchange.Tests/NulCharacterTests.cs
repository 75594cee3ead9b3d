using Google.Rpc;
using Grpc.Core;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>A NUL character in any string field is the client's mistake, named by field, on either store (PostgreSQL
/// cannot store it; found by an outsider's probe answered UNAVAILABLE and INTERNAL).</summary>
public sealed class NulCharacterTests
{
    [Test]
    public async Task An_id_or_filter_holding_a_nul_character_is_invalid_argument_naming_the_field()
    {
        using var database = new TestDatabase();
        await using var host = await ExchangeHost.StartAsync(database.Path);
        var admin = host.Admin();

        var read = await Assert.ThrowsAsync<RpcException>(async () => await admin.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = "MNV-\01" }));
        var list = await Assert.ThrowsAsync<RpcException>(async () => await admin.Notifications.ListNotificationsAsync(new ListNotificationsRequest { FilingOperator = "a\0b" }));

        foreach (var (refused, field) in new[] { (read, "notification_id"), (list, "filing_operator") })
        {
            Assert.That(refused!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument), refused.Message);
            var violations = refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations;
            Assert.That(violations.Select(v => v.Field), Is.EqualTo(new[] { field }));
        }
        // the refused calls are audited, and the exchange goes on
        Assert.That((await admin.Operators.WhoAmIAsync(new WhoAmIRequest())).Administrator, Is.True);
    }
}
