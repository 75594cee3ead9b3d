using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Bench;

internal sealed record ConversationSettings(int Consultations, double Rate, TimeSpan Duration, TimeSpan Warmup);

internal sealed record ConversationResult(
    double MessagesPerSecond, long Sent, long Received, double P50Ms, double P99Ms, double MaxMs, double AcceptedP50Ms, double AcceptedP99Ms, long OutOfOrder);

/// <summary>
/// Conversation latency across instances: two organisations hold many OPEN consultations; each party has a Converse
/// stream per consultation, the requester's on the first server and the counterpart's on the second. Messages are
/// said at a fixed total rate, spread over the consultations and both directions; the latency of one is from the
/// moment the sender writes it to the moment the other party's stream (on the other instance) delivers it, both
/// measured here, on one clock. Also: say to `accepted` on the sender's stream.
/// </summary>
internal sealed class ConversationRun(IReadOnlyList<string> servers, string adminKey, ConversationSettings settings)
{
    // When each message was written by its sender: one copy for its delivery to the other party, one for its `accepted`.
    private readonly ConcurrentDictionary<string, long> _sentAt = new();
    private readonly ConcurrentDictionary<string, long> _saidAt = new();
    private readonly ConcurrentBag<double> _latenciesMs = [];
    private readonly ConcurrentBag<double> _acceptedMs = [];
    private long _received;
    private long _outOfOrder;
    private volatile bool _measuring;
    // Numbers every message of the run, warm-up included: a client message id said twice would be stored once.
    private long _messages;

    public async Task<ConversationResult> RunAsync()
    {
        if (servers.Count < 2)
        {
            throw new InvalidOperationException("the conversation scenario needs two servers (transport rabbitmq)");
        }
        var runId = Guid.NewGuid().ToString("N")[..6];
        using var adminChannel = Channel(servers[0], adminKey);
        var admin = new OperatorService.OperatorServiceClient(adminChannel);
        var (requesterId, counterpartId) = ($"esa-ops-{runId}", $"cnes-ops-{runId}");
        var requesterKey = (await admin.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = requesterId, DisplayName = "bench requester" })).ApiKey;
        var counterpartKey = (await admin.CreateOperatorAsync(new CreateOperatorRequest { OperatorId = counterpartId, DisplayName = "bench counterpart" })).ApiKey;
        using var requesterChannel = Channel(servers[0], requesterKey);
        using var counterpartChannel = Channel(servers[1], counterpartKey);
        var requester = new ConsultationService.ConsultationServiceClient(requesterChannel);
        var counterpart = new ConsultationService.ConsultationServiceClient(counterpartChannel);

        using var stop = new CancellationTokenSource();
        var parties = new List<Party>();
        for (var i = 0; i < settings.Consultations; i++)
        {
            var id = (await requester.RequestConsultationAsync(new RequestConsultationRequest
            {
                RequestId = Guid.NewGuid().ToString("N"), Counterparts = { counterpartId }, Topic = $"bench conjunction {i}",
                Subject = "Who moves?", Urgency = ConsultationUrgency.Urgent,
            })).Id;
            await counterpart.AcceptConsultationAsync(new AcceptConsultationRequest { RequestId = Guid.NewGuid().ToString("N"), ConsultationId = id });
            parties.Add(await Party.OpenAsync(requester, id, "a", this, stop.Token));
            parties.Add(await Party.OpenAsync(counterpart, id, "b", this, stop.Token));
        }
        Console.WriteLine($"  {settings.Consultations} consultations open, a Converse stream per party on each of 2 servers");

        await SayAsync(parties, settings.Warmup);
        await Task.Delay(1000);
        _latenciesMs.Clear();
        _acceptedMs.Clear();
        Interlocked.Exchange(ref _received, 0);
        _measuring = true;
        var clock = Stopwatch.StartNew();
        var sent = await SayAsync(parties, settings.Duration);
        var seconds = clock.Elapsed.TotalSeconds;
        var deadline = Stopwatch.StartNew();
        while (Interlocked.Read(ref _received) < sent && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }
        _measuring = false;
        await stop.CancelAsync();
        await Task.WhenAll(parties.Select(p => p.Reading));

        var latencies = _latenciesMs.Order().ToArray();
        var accepted = _acceptedMs.Order().ToArray();
        return new ConversationResult(
            sent / seconds, sent, Interlocked.Read(ref _received),
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Length == 0 ? double.NaN : latencies[^1],
            Percentile(accepted, 0.50), Percentile(accepted, 0.99), Interlocked.Read(ref _outOfOrder));
    }

    /// <summary>Says messages at the fixed rate for <paramref name="duration"/>: round robin over consultations, then sides.</summary>
    private async Task<long> SayAsync(List<Party> parties, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var running = new List<Task>();
        long next = 0;
        while (clock.Elapsed < duration)
        {
            var due = TimeSpan.FromSeconds(next / settings.Rate);
            var number = _messages++;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            // consultation i's requester is parties[2i], its counterpart parties[2i + 1]: alternate sides per round
            var consultation = (int)(next % settings.Consultations);
            var side = (int)(next / settings.Consultations % 2);
            running.Add(parties[2 * consultation + side].SayAsync($"m-{number}"));
            next++;
            if (running.Count > 1000)
            {
                running.RemoveAll(t => t.IsCompleted);
            }
        }
        await Task.WhenAll(running);
        return next;
    }

    internal static GrpcChannel Channel(string address, string key) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {key}");
            return Task.CompletedTask;
        })),
        UnsafeUseInsecureChannelCallCredentials = true,
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
    });

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>One party's Converse stream of one consultation: says messages (one write at a time) and reads everything.</summary>
    private sealed class Party
    {
        private readonly AsyncDuplexStreamingCall<ConverseRequest, ConverseResponse> _call;
        private readonly ConversationRun _run;
        private readonly string _consultationId;
        private readonly string _side;
        private readonly SemaphoreSlim _writing = new(1, 1);

        private Party(AsyncDuplexStreamingCall<ConverseRequest, ConverseResponse> call, ConversationRun run, string consultationId, string side)
        {
            _call = call;
            _run = run;
            _consultationId = consultationId;
            _side = side;
        }

        public Task Reading { get; private set; } = Task.CompletedTask;

        public static async Task<Party> OpenAsync(ConsultationService.ConsultationServiceClient client, string consultationId, string side, ConversationRun run, CancellationToken stop)
        {
            var party = new Party(client.Converse(cancellationToken: stop), run, consultationId, side);
            await party._call.RequestStream.WriteAsync(new ConverseRequest { Open = new ConverseOpen { ConsultationId = consultationId } });
            var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            party.Reading = party.ReadAsync(caughtUp, stop);
            await caughtUp.Task;
            return party;
        }

        public async Task SayAsync(string messageId)
        {
            var clientId = $"{_side}-{messageId}";
            await _writing.WaitAsync();
            try
            {
                var now = Stopwatch.GetTimestamp();
                _run._sentAt[Key(_consultationId, clientId)] = now;
                _run._saidAt[Key(_consultationId, clientId)] = now;
                await _call.RequestStream.WriteAsync(new ConverseRequest { Say = new ConverseSay { ClientMessageId = clientId, Text = $"bench message {messageId}" } });
            }
            finally
            {
                _writing.Release();
            }
        }

        private async Task ReadAsync(TaskCompletionSource caughtUp, CancellationToken stop)
        {
            ulong last = 0;
            try
            {
                await foreach (var response in _call.ResponseStream.ReadAllAsync(stop))
                {
                    switch (response.KindCase)
                    {
                        case ConverseResponse.KindOneofCase.CaughtUp:
                            last = response.CaughtUp.Sequence;
                            caughtUp.TrySetResult();
                            break;
                        case ConverseResponse.KindOneofCase.Message:
                            var message = response.Message;
                            if (message.Sequence != last + 1)
                            {
                                Interlocked.Increment(ref _run._outOfOrder);
                            }
                            last = message.Sequence;
                            // The other party's message, sent from the other instance: its latency is what this run measures.
                            if (!message.ClientMessageId.StartsWith(_side, StringComparison.Ordinal)
                                && _run._sentAt.TryRemove(Key(_consultationId, message.ClientMessageId), out var sentAt) && _run._measuring)
                            {
                                _run._latenciesMs.Add(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
                                Interlocked.Increment(ref _run._received);
                            }
                            break;
                        case ConverseResponse.KindOneofCase.Accepted:
                            if (_run._saidAt.TryRemove(Key(_consultationId, response.Accepted.ClientMessageId), out var saidAt) && _run._measuring)
                            {
                                _run._acceptedMs.Add(Stopwatch.GetElapsedTime(saidAt).TotalMilliseconds);
                            }
                            break;
                    }
                }
            }
            catch (RpcException) when (stop.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                caughtUp.TrySetException(e);
                Console.Error.WriteLine($"  stream of {_consultationId} ({_side}) failed: {e.Message}");
            }
        }

        private static string Key(string consultationId, string clientId) => $"{consultationId}/{clientId}";
    }
}
