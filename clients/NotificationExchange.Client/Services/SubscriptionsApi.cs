using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Services;

/// <summary>Durable filtered subscriptions (SubscriptionService); <see cref="Watch"/> streams one, reconnecting by itself. Every method throws <see cref="Errors.NxException"/> when the call fails.</summary>
public sealed partial class SubscriptionsApi(SubscriptionService.SubscriptionServiceClient client)
{
    /// <summary>The generated client, for what this class does not wrap.</summary>
    public SubscriptionService.SubscriptionServiceClient Raw { get; } = client;

    public Task<Subscription> CreateSubscriptionAsync(CreateSubscriptionRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.CreateSubscriptionAsync(request, cancellationToken: cancellationToken));

    public Task<Subscription> GetSubscriptionAsync(GetSubscriptionRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.GetSubscriptionAsync(request, cancellationToken: cancellationToken));

    public Task<ListSubscriptionsResponse> ListSubscriptionsAsync(ListSubscriptionsRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.ListSubscriptionsAsync(request, cancellationToken: cancellationToken));

    public Task<DeleteSubscriptionResponse> DeleteSubscriptionAsync(DeleteSubscriptionRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.DeleteSubscriptionAsync(request, cancellationToken: cancellationToken));

    public Task<AcknowledgeResponse> AcknowledgeAsync(AcknowledgeRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.AcknowledgeAsync(request, cancellationToken: cancellationToken));
}
