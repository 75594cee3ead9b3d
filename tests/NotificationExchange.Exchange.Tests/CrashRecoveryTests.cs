using System.Collections.Concurrent;
using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>The exchange as its own process, killed (SIGKILL) in the middle of filing, then restarted on the same store.</summary>
public class CrashRecoveryTests
{
    [Test]
    public async Task Every_acknowledged_filing_survives_a_kill_and_retries_of_the_rest_file_each_exactly_once()
    {
        using var database = new TestDatabase();
        var acknowledged = new ConcurrentDictionary<string, Notification>();
        var unanswered = new ConcurrentDictionary<string, FileNotificationRequest>();

        await using (var server = await ExchangeServerProcess.StartAsync(database.Path))
        {
            var key = (await server.Admin.Operators.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = "crash-ops", DisplayName = "Crash" })).ApiKey;
            var filer = server.Client(key).Notifications;
            using var stopFiling = new CancellationTokenSource();
            var filers = Enumerable.Range(0, 8).Select(f => Task.Run(async () =>
            {
                for (var i = 0; !stopFiling.IsCancellationRequested; i++)
                {
                    var request = Notices.File(Notices.Maneuver((uint)(1 + (f * 10_000) + i)), $"crash-{f}-{i}");
                    try
                    {
                        acknowledged[request.RequestId] = (await filer.FileNotificationAsync(request)).Notification;
                    }
                    catch (RpcException)
                    {
                        unanswered[request.RequestId] = request;
                        return;
                    }
                }
            })).ToArray();

            // Every filer stops at its first failure; should all of them stop before 300 filings, the test fails, not waits.
            while (acknowledged.Count < 300 && filers.Any(f => !f.IsCompleted))
            {
                await Task.Delay(20);
            }
            Assert.That(acknowledged, Has.Count.GreaterThanOrEqualTo(300), "the filers ran until the kill");
            server.Kill();
            await Task.WhenAll(filers);
        }

        await using var restarted = await ExchangeServerProcess.StartAsync(database.Path);
        var again = restarted.Client((await restarted.Admin.Operators.RotateApiKeyAsync(new RotateApiKeyRequest { OperatorId = "crash-ops" })).ApiKey).Notifications;

        foreach (var (_, filed) in acknowledged)
        {
            var stored = (await again.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id })).Notification;
            // Reads add the screening status, which the filer's answer (given before any screen) has not.
            Assert.That(stored.Screening, Is.Not.Null);
            Assert.That(stored.AsAnswered(), Is.EqualTo(filed), $"{filed.Id} was acknowledged before the kill");
        }
        var retried = new List<FileNotificationResponse>();
        foreach (var (_, request) in unanswered)
        {
            retried.Add(await again.FileNotificationAsync(request));
        }
        var all = new List<Notification>();
        string? token = null;
        do
        {
            var page = await again.ListNotificationsAsync(new ListNotificationsRequest { PageSize = 500, PageToken = token ?? "" });
            all.AddRange(page.Notifications);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.That(all.Select(n => n.Sequence).Order(), Is.EqualTo(Enumerable.Range(1, all.Count).Select(s => (ulong)s)), "sequences are contiguous from 1");
        // A request cut off by the kill may or may not have been stored; its retry says which (replayed or not), and
        // either way the store holds exactly one notification per request.
        var expectedIds = acknowledged.Values.Select(n => n.Id).Concat(retried.Select(r => r.Notification.Id)).ToArray();
        Assert.That(expectedIds, Is.Unique);
        Assert.That(all.Select(n => n.Id), Is.EquivalentTo(expectedIds), "each request was filed exactly once");
        Assert.That(unanswered, Has.Count.EqualTo(8), "every filer was cut off by the kill");
    }
}
