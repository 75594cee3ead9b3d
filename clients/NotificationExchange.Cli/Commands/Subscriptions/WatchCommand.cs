using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Client.Errors;
using NotificationExchange.Client.Streams;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Subscriptions;

/// <summary>
/// nxc watch [SUBSCRIPTION]: follows a subscription, first what it missed, then live, through the library's
/// resilient stream: after a drop, a restart of the exchange or a slow-subscriber cut-off it reconnects by itself and
/// resumes after the last event shown, so that no event is shown twice or missed. What was shown is acknowledged
/// (the next watch starts after it), also when it ends by Ctrl+C or --count.
/// </summary>
internal static class WatchCommand
{
    public static Command Build(VerbContext context)
    {
        var subscription = new Argument<string?>("SUBSCRIPTION")
        {
            Description = $"Its id, or its name; default: your subscription named \"{SubscriptionLookup.DefaultName}\", "
                + "created on first use with no filter (everything you may see), from the latest event on",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var resumeAfter = ValueOptions.Scalar("--resume-after", "Start after this sequence instead of the acknowledged position (the last one your script processed)", Values.Sequence, "SEQ");
        var fromStart = new Option<bool>("--from-start") { Description = "Start from the beginning of the exchange's log: every event the subscription matches" };
        var count = ValueOptions.Scalar("--count", "Stop after N events (CaughtUp and heartbeats do not count)", Values.Count, "N");
        var command = new Command("watch", "Follow a subscription: what it missed, then live events, until Ctrl+C. Text: one line per event "
            + "(#SEQ KIND EVENT ...), a live status line on a terminal; JSON: one SubscriptionMessage a line, without heartbeats")
        {
            subscription, resumeAfter, fromStart, count,
        };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var parse = session.Parse;
            if (parse.Given(resumeAfter) && parse.GetValue(fromStart))
            {
                throw new UsageException("--resume-after and --from-start: say where to start once");
            }
            var limit = parse.GetValue(count);
            if (limit == 0)
            {
                throw new UsageException("--count: 0 events is nothing to watch");
            }
            Subscription followed;
            if (parse.GetValue(subscription) is { } named)
            {
                followed = await SubscriptionLookup.FindAsync(session, named, cancellationToken);
            }
            else
            {
                (followed, var created) = await SubscriptionLookup.DefaultAsync(session, cancellationToken);
                if (created)
                {
                    session.Print.Note($"nxc: created your subscription \"{SubscriptionLookup.DefaultName}\" ({followed.Id}): everything you may see, from now on");
                }
            }
            var start = parse.GetValue(fromStart) ? 0UL : parse.GetValue(resumeAfter);
            var display = new WatchDisplay(session, followed);
            var options = new WatchOptions
            {
                ResumeAfter = start,
                OnReconnecting = reconnect =>
                {
                    if (!cancellationToken.IsCancellationRequested)
                    {
                        display.Reconnecting(reconnect);
                    }
                },
            };
            return await display.RunAsync(start, async () =>
            {
                var shown = 0;
                ulong? last = null;
                try
                {
                    await foreach (var message in session.Client.Subscriptions.Watch(followed.Id, options, cancellationToken))
                    {
                        if (display.Show(message))
                        {
                            shown++;
                            last = SubscriptionPositions.Of(message);
                            if (shown == limit)
                            {
                                display.Stop();
                                break;
                            }
                        }
                    }
                }
                catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or NxException { Error.Kind: FailureKind.Cancelled })
                {
                    display.Stop();
                    // Ctrl+C: the stream acknowledged what was shown as it ended.
                    return ExitCodes.Ok;
                }
                // The stream acknowledges an event once the next is asked for; the last one shown is acknowledged here.
                if (last is { } position)
                {
                    await session.Client.Subscriptions.AcknowledgeAsync(
                        new AcknowledgeRequest { SubscriptionId = followed.Id, Sequence = position }, CancellationToken.None);
                }
                return ExitCodes.Ok;
            });
        });
    }
}
