using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace NotificationExchange.Client.Connection;

/// <summary>
/// gRPC's own retry policy (service config), for every method: a call the exchange answered UNAVAILABLE (shutting down,
/// or not reachable) is tried again after an exponential, jittered backoff, and one it refused RESOURCE_EXHAUSTED for
/// its rate limit after the wait the exchange names (grpc-retry-pushback-ms). Safe for the unary calls it covers: reads
/// change nothing; most changes carry a request id the exchange deduplicates within its write transaction, so a retry
/// of a change that did land gets the first answer instead of a second change; and the rest without one are idempotent
/// (UpdateProfile replaces the whole profile, Acknowledge only moves a position forward). The request message, id included, is
/// what gRPC resends, so one logical operation keeps one id across its retries. Two kinds of call are never retried
/// by gRPC. The streams (Subscribe, Converse): <see cref="Streams.ResilientSubscription"/> and
/// <see cref="Streams.ResilientConversation"/> reopen them with a backoff of their own, from the position the caller
/// reached, and a second layer of retries under them would only hide the drops and stretch the waits. And the few calls
/// that carry no request id and are not idempotent: a second CreateSubscription makes a second subscription, a second
/// key rotation voids the key the first returned, a second CreateOperator is refused ALREADY_EXISTS while the first's
/// key is lost, a second IssueApiKey (request id and all) is refused ALREADY_EXISTS while the first's key is lost (a
/// key is shown once), and a second DeleteSubscription answers NOT_FOUND for a delete that worked.
/// </summary>
internal static class RetryServiceConfig
{
    public static ServiceConfig For(int maxAttempts) => new()
    {
        MethodConfigs =
        {
            new MethodConfig
            {
                Names =
                {
                    new MethodName { Service = "notification_exchange.v1.SubscriptionService", Method = "Subscribe" },
                    new MethodName { Service = "notification_exchange.v1.ConsultationService", Method = "Converse" },
                    new MethodName { Service = "notification_exchange.v1.SubscriptionService", Method = "CreateSubscription" },
                    new MethodName { Service = "notification_exchange.v1.SubscriptionService", Method = "DeleteSubscription" },
                    new MethodName { Service = "notification_exchange.v1.OperatorService", Method = "CreateOperator" },
                    new MethodName { Service = "notification_exchange.v1.OperatorService", Method = "RotateApiKey" },
                    new MethodName { Service = "notification_exchange.v1.OperatorService", Method = "IssueApiKey" },
                    new MethodName { Service = "notification_exchange.v1.OperatorService", Method = "RotateWebhookSecret" },
                },
            },
            new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = maxAttempts <= 1 ? null : new RetryPolicy
                {
                    MaxAttempts = Math.Min(maxAttempts, 5),
                    InitialBackoff = TimeSpan.FromMilliseconds(200),
                    MaxBackoff = TimeSpan.FromSeconds(3),
                    BackoffMultiplier = 2,
                    // RESOURCE_EXHAUSTED: the exchange's rate limit (ErrorInfo reason RATE_LIMITED), answered with
                    // grpc-retry-pushback-ms, which gRPC's retry waits for instead of its own backoff (gRFC A6). The
                    // other RESOURCE_EXHAUSTED, a slow subscriber's cut-off (SUBSCRIBER_TOO_SLOW), ends a Subscribe
                    // stream, which the first config above never retries: the subscription resumes from the position
                    // the caller processed, not blindly.
                    RetryableStatusCodes = { StatusCode.Unavailable, StatusCode.ResourceExhausted },
                },
            },
        },
    };
}
