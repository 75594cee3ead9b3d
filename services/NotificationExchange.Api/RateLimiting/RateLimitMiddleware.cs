using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Domain.Telemetry;

namespace NotificationExchange.Api.RateLimiting;

/// <summary>
/// Refuses a call over its caller's rate limit before any service reads it: RESOURCE_EXHAUSTED as a trailers-only
/// response, with <c>grpc-retry-pushback-ms</c> (the wait until a permit, which gRPC clients' retry policies honour:
/// gRFC A6) and a google.rpc.ErrorInfo whose reason RATE_LIMITED tells it from a slow subscriber's cut-off
/// (SUBSCRIBER_TOO_SLOW, also RESOURCE_EXHAUSTED, which must not be retried blindly). Runs after authentication, so
/// that a call is counted against its organisation, and before authorization, so that calls without a valid
/// credential are limited by address before they are refused. The health service is never limited: an orchestrator's
/// probe refused under load would take a healthy instance out of service.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, CallerRateLimiter limiter, ExchangeMetrics metrics)
{
    public const string Reason = "RATE_LIMITED";
    public const string ErrorDomain = "notification-exchange";
    public const string PushbackHeader = "grpc-retry-pushback-ms";

    private static readonly PathString Health = "/grpc.health.v1.Health";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(Health))
        {
            await next(context);
            return;
        }
        var decision = limiter.Decide(context);
        if (decision.IsAllowed)
        {
            await next(context);
            return;
        }
        metrics.RateLimitRefused(decision.CallerKind, Reason);
        // whole milliseconds, rounded up: a client that waits this long finds a permit
        var pushback = ((long)Math.Ceiling(decision.RetryAfter.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        var limit = decision.PermitsPerSecond.ToString(CultureInfo.InvariantCulture);
        var burst = decision.Burst.ToString(CultureInfo.InvariantCulture);
        var message = $"rate limit exceeded: {limit} calls per second (bursts of {burst}) per {(decision.CallerKind == RateDecision.Organization ? "organisation" : "client address without a key")}; retry after {pushback} ms";
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = message,
            Details =
            {
                Any.Pack(new ErrorInfo
                {
                    Reason = Reason,
                    Domain = ErrorDomain,
                    Metadata = { ["caller_kind"] = decision.CallerKind, ["permits_per_second"] = limit, ["burst"] = burst, ["retry_after_ms"] = pushback },
                }),
                Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(decision.RetryAfter) }),
            },
        };
        await GrpcTrailersOnly.WriteAsync(context.Response, Grpc.Core.StatusCode.ResourceExhausted, message, status,
            new Dictionary<string, string> { [PushbackHeader] = pushback });
    }
}
