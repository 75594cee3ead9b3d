using System.Runtime.CompilerServices;
using System.Threading.Channels;
using NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Consultations.Conversations;

/// <summary>
/// One party's Converse stream of one consultation: replay from the store after the party's resume position, then
/// live messages and the other parties' receipts, each message once and in sequence order.
/// </summary>
/// <remarks>
/// The store is the truth; what the hub brings is a shortcut. A message offered here that is the next one the stream
/// owes is written as it is; anything else the stream learns of (a later sequence from the bus, an offer that did not
/// fit the buffer, the hub's periodic look at the store) makes it read from the store everything after the last
/// sequence it wrote. Since a consultation's sequences are contiguous and in commit order, that read finds every
/// message up to the one it learned of: gaps and lost announcements heal, and nothing is held without bound.
/// </remarks>
public sealed class ConversationStream : IDisposable
{
    private readonly IConversationLog _log;
    private readonly ConversationOptions _options;
    private readonly Action<ConversationStream> _left;
    private readonly Lock _lock = new();
    // Guarded by _lock: live messages offered and not yet taken by the reader (at most StreamBufferCapacity), the
    // greatest sequence known to be stored, and the newest receipt offered for each other party.
    private readonly Queue<ConversationMessage> _offered = new();
    private readonly Dictionary<string, ConversationReceipt> _offeredReceipts = new(StringComparer.Ordinal);
    private long _knownHead;
    // Wakes the reader; one pending signal is enough, since it takes everything there is when it wakes.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    // Written by the reader only: the last sequence written to the party, and the last receipt written of each other party.
    private long _position;
    private readonly Dictionary<string, ConversationReceipt> _sentReceipts = new(StringComparer.Ordinal);

    internal ConversationStream(IConversationLog log, ConversationOptions options, string consultationId, string organizationId, long resumeAfter, Action<ConversationStream> left)
    {
        _log = log;
        _options = options;
        _left = left;
        ConsultationId = consultationId;
        OrganizationId = organizationId;
        _position = resumeAfter;
    }

    public string ConsultationId { get; }

    /// <summary>The party the stream is for; it receives the other parties' receipts, not its own.</summary>
    public string OrganizationId { get; }

    /// <summary>The last sequence written to the party (or the resume position, before any).</summary>
    public long Position => Volatile.Read(ref _position);

    /// <summary>A message this instance stored (or read), offered as it is.</summary>
    internal void Offer(ConversationMessage message)
    {
        lock (_lock)
        {
            if (message.Sequence <= Position)
            {
                return;
            }
            // Past the capacity the message is not held: knowing it is stored is enough, the store has it.
            if (_offered.Count < _options.StreamBufferCapacity)
            {
                _offered.Enqueue(message);
            }
            _knownHead = Math.Max(_knownHead, message.Sequence);
        }
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Message <paramref name="sequence"/> is stored (another instance said so, or the store did): everything up to it is owed.</summary>
    internal void Learn(long sequence)
    {
        lock (_lock)
        {
            if (sequence <= Math.Max(_knownHead, Position))
            {
                return;
            }
            _knownHead = sequence;
        }
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Another party's receipt as stored; written unless the stream has written a receipt of that party as far.</summary>
    internal void OfferReceipt(ConversationReceipt receipt)
    {
        if (receipt.OrganizationId == OrganizationId)
        {
            return;
        }
        lock (_lock)
        {
            if (!receipt.IsAhead(_offeredReceipts.GetValueOrDefault(receipt.OrganizationId)))
            {
                return;
            }
            _offeredReceipts[receipt.OrganizationId] = receipt;
        }
        _wake.Writer.TryWrite(true);
    }

    /// <summary>
    /// The stream's items: every message after the resume position, in order; then <see cref="ConversationItem.CaughtUp"/>
    /// and the other parties' receipts as stored; then live messages and receipts, until cancelled.
    /// </summary>
    public async IAsyncEnumerable<ConversationItem> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // 1. Replay. The stream was joined to the hub before this read, so what is stored after it is offered live.
        while (true)
        {
            var page = await _log.ReadMessagesAfterAsync(ConsultationId, Position, _options.ReplayPageSize, cancellationToken);
            foreach (var message in page)
            {
                Volatile.Write(ref _position, message.Sequence);
                yield return new ConversationItem.Message(message, Live: false);
            }
            if (page.Count < _options.ReplayPageSize)
            {
                break;
            }
        }
        yield return new ConversationItem.CaughtUp(Position);
        foreach (var receipt in (await _log.GetSummaryAsync(ConsultationId, cancellationToken)).Receipts)
        {
            if (receipt.OrganizationId != OrganizationId && Sends(receipt))
            {
                yield return new ConversationItem.Receipt(receipt);
            }
        }

        // 2. Live.
        while (await _wake.Reader.WaitToReadAsync(cancellationToken))
        {
            _wake.Reader.TryRead(out _);
            ConversationMessage[] offered;
            ConversationReceipt[] receipts;
            long target;
            lock (_lock)
            {
                offered = _offered.ToArray();
                _offered.Clear();
                receipts = _offeredReceipts.Values.ToArray();
                _offeredReceipts.Clear();
                target = _knownHead;
            }
            // Offers come in whatever order their writes completed; sequences say the order to write them in.
            Array.Sort(offered, (a, b) => a.Sequence.CompareTo(b.Sequence));
            var next = 0;
            while (Position < target)
            {
                while (next < offered.Length && offered[next].Sequence <= Position)
                {
                    next++;
                }
                if (next < offered.Length && offered[next].Sequence == Position + 1)
                {
                    Volatile.Write(ref _position, offered[next].Sequence);
                    yield return new ConversationItem.Message(offered[next], Live: true);
                    continue;
                }
                var page = await _log.ReadMessagesAfterAsync(ConsultationId, Position, _options.ReplayPageSize, cancellationToken);
                if (page.Count == 0)
                {
                    // Only a store that lost messages it announced gets here; the next thing learned tries again.
                    break;
                }
                foreach (var message in page)
                {
                    Volatile.Write(ref _position, message.Sequence);
                    yield return new ConversationItem.Message(message, Live: true);
                }
            }
            foreach (var receipt in receipts)
            {
                if (Sends(receipt))
                {
                    yield return new ConversationItem.Receipt(receipt);
                }
            }
        }
    }

    /// <summary>Leaves the hub: nothing more is offered.</summary>
    public void Dispose() => _left(this);

    /// <summary>Whether the receipt says more than the last one written of its party; if so it counts as written.</summary>
    private bool Sends(ConversationReceipt receipt)
    {
        if (!receipt.IsAhead(_sentReceipts.GetValueOrDefault(receipt.OrganizationId)))
        {
            return false;
        }
        _sentReceipts[receipt.OrganizationId] = receipt;
        return true;
    }
}
