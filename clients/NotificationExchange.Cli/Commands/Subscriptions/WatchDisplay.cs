using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Client.Streams;
using NotificationExchange.Protocol.V1;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace NotificationExchange.Cli.Commands.Subscriptions;

/// <summary>
/// Where nxc watch shows what arrives. JSON: each message but heartbeats as one proto3-JSON line on stdout. Text on a
/// terminal: one line per event above a Spectre live status line (connecting, replaying, live and caught up,
/// reconnecting). Text otherwise: one line per event on stdout, the changes of state as notes on stderr. The stream's
/// reconnections are reported from the library's reader thread, hence the lock.
/// </summary>
internal sealed partial class WatchDisplay(Session session, Subscription subscription)
{
    private readonly Lock _lock = new();
    private LiveDisplayContext? _live;
    private string _state = "connecting";
    private ulong? _position;
    private bool _caughtUp;
    private int _events;
    private Heartbeat? _heartbeat;
    private volatile bool _stopped;

    private bool Live => session.Environment.OutputIsTerminal && !session.Print.Json;

    private string Name => subscription.Name.Length > 0 ? $"\"{subscription.Name}\" ({subscription.Id})" : subscription.Id;

    /// <summary>Runs <paramref name="watch"/> with the display up (a live view holds the console meanwhile).</summary>
    public async Task<T> RunAsync<T>(ulong? resumeAfter, Func<Task<T>> watch)
    {
        var from = resumeAfter is { } after ? $"after sequence {after}" : $"after sequence {subscription.AcknowledgedSequence} (acknowledged)";
        if (!Live)
        {
            session.Print.Note($"nxc: watching {Name} from {from}; Ctrl+C to stop");
            return await watch();
        }
        _state = $"connecting, from {from}";
        T result = default!;
        await session.Print.Console.Live(Status()).AutoClear(true).StartAsync(async context =>
        {
            lock (_lock)
            {
                _live = context;
            }
            try
            {
                result = await watch();
            }
            finally
            {
                lock (_lock)
                {
                    _live = null;
                }
            }
        });
        return result;
    }

    /// <summary>Shows one message; true when it is an event (what --count counts).</summary>
    public bool Show(SubscriptionMessage message)
    {
        switch (message.MessageCase)
        {
            case SubscriptionMessage.MessageOneofCase.Heartbeat:
                Update(() => _heartbeat = message.Heartbeat);
                return false;
            case SubscriptionMessage.MessageOneofCase.CaughtUp:
                if (session.Print.Json)
                {
                    session.Print.Message(message);
                }
                var first = !_caughtUp;
                Update(() =>
                {
                    _caughtUp = true;
                    _position = message.CaughtUp.Sequence;
                    _state = $"live, caught up at #{message.CaughtUp.Sequence}";
                });
                if (!Live && first)
                {
                    session.Print.Note($"nxc: caught up at #{message.CaughtUp.Sequence}; live");
                }
                return false;
        }
        if (session.Print.Json)
        {
            session.Print.Message(message);
        }
        else if (EventText.Line(message) is { } line)
        {
            if (Live)
            {
                lock (_lock)
                {
                    session.Print.Console.Write(new Text(line + "\n"));
                }
            }
            else
            {
                session.Print.Line(line);
            }
        }
        Update(() =>
        {
            _events++;
            _position = SubscriptionPositions.Of(message);
            if (!_caughtUp)
            {
                _state = $"replaying, at #{_position}";
            }
        });
        return true;
    }

    /// <summary>The watch is ending: the stream's reader stops too, which is no reconnection to report.</summary>
    public void Stop() => _stopped = true;

    /// <summary>The stream dropped and is being reopened (told from the library's reader).</summary>
    public void Reconnecting(StreamReconnect reconnect)
    {
        if (_stopped)
        {
            return;
        }
        var wait = reconnect.Delay > TimeSpan.Zero ? $" in {Words.Number(reconnect.Delay.TotalSeconds, "0.#")} s" : "";
        var text = $"reconnecting (attempt {reconnect.Attempt}{wait}): {Reason(reconnect.Reason)}; resuming after #{reconnect.ResumeAfter}";
        Update(() =>
        {
            _caughtUp = false;
            _state = text;
        });
        if (!Live)
        {
            session.Print.Note($"nxc: {text}");
        }
    }

    /// <summary>"Unavailable: the exchange is shutting down" from an RpcException's message
    /// ("Status(StatusCode=\"Unavailable\", Detail=\"...\", DebugException=...)"); other reasons as they are, on one line.</summary>
    private static string Reason(string reason) =>
        RpcStatus().Match(reason) is { Success: true } status ? $"{status.Groups[1].Value}: {status.Groups[2].Value}" : Verb.OneLine(reason);

    [System.Text.RegularExpressions.GeneratedRegex("^Status\\(StatusCode=\"(\\w+)\", Detail=\"(.*?)\"(?:, DebugException=|\\)$)", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex RpcStatus();

    private void Update(Action change)
    {
        lock (_lock)
        {
            change();
            _live?.UpdateTarget(Status());
        }
    }

    /// <summary>One line, cut with an ellipsis rather than wrapped on a narrow terminal.</summary>
    private IRenderable Status()
    {
        var label = subscription.Name.Length > 0 ? $"\"{subscription.Name}\"" : subscription.Id;
        var heartbeat = _heartbeat is { } h && _caughtUp
            ? $"; heartbeat {h.ServerTime?.ToDateTimeOffset().ToString("HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)}, exchange at #{h.HeadSequence}"
            : "";
        var colour = _caughtUp ? "green" : _state.StartsWith("reconnecting", StringComparison.Ordinal) ? "yellow" : "blue";
        return new Markup($"[{colour}]●[/] {Markup.Escape(label)}: {Markup.Escape(_state)}{Markup.Escape(heartbeat)}; {_events} event{(_events == 1 ? "" : "s")}")
        {
            Overflow = Overflow.Ellipsis,
        };
    }
}
