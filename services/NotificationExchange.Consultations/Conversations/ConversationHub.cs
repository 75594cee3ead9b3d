using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Telemetry;

namespace NotificationExchange.Consultations.Conversations;

/// <summary>
/// This instance's Converse streams, by consultation. A message stored here is offered at once to the streams of its
/// consultation; one stored on another instance arrives as an announcement (its sequence) and each stream reads what
/// it lacks from the store. Receipts go the same ways to the other parties' streams. A periodic look at the store for
/// the consultations with streams open here makes up for announcements the bus lost.
/// </summary>
public sealed class ConversationHub : BackgroundService
{
    private readonly IConversationLog _log;
    private readonly ConversationOptions _options;
    private readonly ExchangeMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger<ConversationHub> _logger;
    private readonly Lock _lock = new();
    // Guarded by _lock: the streams open here, by consultation (a consultation with none has no entry).
    private readonly Dictionary<string, List<ConversationStream>> _rooms = new(StringComparer.Ordinal);

    public ConversationHub(IConversationLog log, IOptions<ConversationOptions> options, ExchangeMetrics metrics, TimeProvider clock, ILogger<ConversationHub> logger)
    {
        _log = log;
        _options = options.Value;
        _metrics = metrics;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Opens a stream of a consultation for one party, after <paramref name="resumeAfter"/>. It is offered every
    /// message stored from now on; what was stored before, its own replay reads. Disposing it leaves the hub.
    /// </summary>
    public ConversationStream Join(string consultationId, string organizationId, long resumeAfter)
    {
        var stream = new ConversationStream(_log, _options, consultationId, organizationId, resumeAfter, Leave);
        lock (_lock)
        {
            if (!_rooms.TryGetValue(consultationId, out var room))
            {
                _rooms[consultationId] = room = [];
            }
            room.Add(stream);
        }
        _metrics.ConversationStreamOpened();
        return stream;
    }

    /// <summary>A message this instance stored: offered as it is to the consultation's streams here.</summary>
    public void Posted(ConversationMessage message)
    {
        foreach (var stream in Streams(message.ConsultationId))
        {
            stream.Offer(message);
        }
    }

    /// <summary>Another instance stored message <paramref name="sequence"/>: the streams here read what they lack from the store.</summary>
    public void Learned(string consultationId, long sequence)
    {
        foreach (var stream in Streams(consultationId))
        {
            stream.Learn(sequence);
        }
    }

    /// <summary>A party's receipt as stored (here or elsewhere), for the other parties' streams here.</summary>
    public void ReceiptMoved(ConversationReceipt receipt)
    {
        foreach (var stream in Streams(receipt.ConsultationId))
        {
            stream.OfferReceipt(receipt);
        }
    }

    /// <summary>Looks at the store once for every consultation with a stream open here, as the periodic check does.</summary>
    public async Task CheckStoreAsync(CancellationToken cancellationToken)
    {
        string[] open;
        lock (_lock)
        {
            open = [.. _rooms.Keys];
        }
        if (open.Length == 0)
        {
            return;
        }
        foreach (var (consultationId, summary) in await _log.GetSummariesAsync(open, cancellationToken))
        {
            Learned(consultationId, summary.LastMessageSequence);
            foreach (var receipt in summary.Receipts)
            {
                ReceiptMoved(receipt);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.CheckInterval, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckStoreAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next tick tries again; announcements still arrive meanwhile.
                    _logger.LogWarning(e, "Could not check the store for conversation messages");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private ConversationStream[] Streams(string consultationId)
    {
        lock (_lock)
        {
            return _rooms.TryGetValue(consultationId, out var room) ? [.. room] : [];
        }
    }

    private void Leave(ConversationStream stream)
    {
        lock (_lock)
        {
            if (!_rooms.TryGetValue(stream.ConsultationId, out var room) || !room.Remove(stream))
            {
                return;
            }
            if (room.Count == 0)
            {
                _rooms.Remove(stream.ConsultationId);
            }
        }
        _metrics.ConversationStreamClosed();
    }
}
