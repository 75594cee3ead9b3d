using NotificationExchange.Client;
using NotificationExchange.Client.Streams;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Clients.Tests.Library;

/// <summary>Starting recorders on the library's streams, and what tests read from them.</summary>
internal static class Recording
{
    /// <summary>Quick reconnections, so that a test does not wait on the default backoff.</summary>
    public static WatchOptions QuickReconnect() => new()
    {
        ReconnectDelay = TimeSpan.FromMilliseconds(50),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(500),
    };

    public static StreamRecorder<SubscriptionMessage> Watch(NxClient client, string subscriptionId, WatchOptions? options = null)
    {
        var watch = options ?? QuickReconnect();
        return new StreamRecorder<SubscriptionMessage>(watch, cancellationToken => client.Subscriptions.Watch(subscriptionId, watch, cancellationToken));
    }

    public static IReadOnlyList<NotificationEvent> Events(this StreamRecorder<SubscriptionMessage> watch) =>
        [.. watch.Items.Where(m => m.MessageCase == SubscriptionMessage.MessageOneofCase.Event).Select(m => m.Event)];

    public static Task WaitForEventsAsync(this StreamRecorder<SubscriptionMessage> watch, int count) =>
        watch.WaitUntilAsync(w => w.Events().Count >= count, $"{count} events");

    /// <summary>A conversation and a recorder reading it.</summary>
    public static (ResilientConversation Conversation, StreamRecorder<ConverseResponse> Read) Converse(NxClient client, string consultationId)
    {
        var options = QuickReconnect();
        var conversation = client.Consultations.Converse(consultationId, options);
        return (conversation, new StreamRecorder<ConverseResponse>(options, conversation.ReadAllAsync));
    }

    public static IReadOnlyList<ConversationMessage> Messages(this StreamRecorder<ConverseResponse> read) =>
        [.. read.Items.Where(r => r.KindCase == ConverseResponse.KindOneofCase.Message).Select(r => r.Message)];

    public static IReadOnlyList<MessageAccepted> Accepted(this StreamRecorder<ConverseResponse> read) =>
        [.. read.Items.Where(r => r.KindCase == ConverseResponse.KindOneofCase.Accepted).Select(r => r.Accepted)];

    public static Task WaitForMessagesAsync(this StreamRecorder<ConverseResponse> read, int count) =>
        read.WaitUntilAsync(r => r.Messages().Count >= count, $"{count} conversation messages");
}
