using NotificationExchange.Cli.Cli;
using NotificationExchange.Clients.Tests.Support;
using NotificationExchange.Protocol.V1;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>
/// nxc watch as a process of its own, ended the ways a process ends: SIGTERM (what `kill` and service managers send,
/// handled as Ctrl+C is) lets it acknowledge what it printed; a reader of its stdout that goes away (`| head -1`,
/// here `| true`, which reads nothing) stops it with 141, acknowledging nothing it could not print.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WatchProcessTests : ExchangeFixture
{
    [Test]
    public async Task SIGTERM_ends_the_watch_well_and_what_it_printed_is_acknowledged()
    {
        var (key, subscription, filed) = await SubscriptionWithEventsAsync("term-ops", 2);
        // Both events arrive within the acknowledgement interval: only the watch's ending can acknowledge the second.
        var result = await Shell.RunAsync($$"""
            dotnet '{{Nxc.Dll}}' watch {{subscription}} --output json > watch.out &
            watcher=$!
            for _ in $(seq 600); do [ "$(grep -c '"event"' watch.out 2>/dev/null)" -ge 2 ] && break; sleep 0.1; done
            kill -TERM $watcher
            wait $watcher
            """, Config, Environment(key), TimeSpan.FromMinutes(2));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Ok), result.ToString());
        Assert.That(await AcknowledgedAsync(key, subscription), Is.EqualTo(filed[^1]));
    }

    [Test]
    public async Task A_closed_output_stops_the_watch_with_141_and_nothing_unprinted_is_acknowledged()
    {
        var (key, subscription, _) = await SubscriptionWithEventsAsync("pipe-ops", 1);

        var result = await Shell.RunAsync($$"""
            set +o pipefail
            dotnet '{{Nxc.Dll}}' watch {{subscription}} --output json | true
            exit ${PIPESTATUS[0]}
            """, Config, Environment(key), TimeSpan.FromMinutes(2));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.OutputClosed), result.ToString());
        Assert.That(await AcknowledgedAsync(key, subscription), Is.Zero);
    }

    private Dictionary<string, string> Environment(string key) => new()
    {
        ["NX_ADDRESS"] = Exchange.Address,
        ["NX_API_KEY"] = key,
        ["NXC_CONFIG_DIR"] = Config,
    };

    private async Task<(string Key, string Subscription, ulong[] Filed)> SubscriptionWithEventsAsync(string operatorId, int events)
    {
        var key = await Exchange.NewOperatorKeyAsync(operatorId);
        var client = Exchange.Client(key);
        var subscription = await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest
        {
            Name = "process", Filter = new SubscriptionFilter { FilingOperators = { operatorId } }, Start = StartPosition.Earliest,
        });
        var filed = new List<ulong>();
        for (var i = 0; i < events; i++)
        {
            var notice = new ManeuverNotice
            {
                Object = new SpaceObject { NoradCatId = 25544 },
                ExecutionWindow = new TimeWindow
                {
                    Start = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.AddHours(6 + i)),
                    End = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.AddHours(7 + i)),
                },
                Purpose = ManeuverPurpose.StationKeeping,
                PlannedDeltaV = new DeltaV { MagnitudeMps = 0.1 },
                Contact = new PointOfContact { Name = "Duty", Email = "duty@example.org" },
            };
            filed.Add((await client.Notifications.FileNotificationAsync(new FileNotificationRequest { RequestId = $"{operatorId}-{i}", Maneuver = notice })).Notification.Sequence);
        }
        return (key, subscription.Id, filed.ToArray());
    }

    private async Task<ulong> AcknowledgedAsync(string key, string subscription) =>
        (await Exchange.Client(key).Subscriptions.GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = subscription })).AcknowledgedSequence;
}
