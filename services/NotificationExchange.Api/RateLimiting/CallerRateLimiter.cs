using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace NotificationExchange.Api.RateLimiting;

/// <summary>
/// Which bucket a call spends from: its organisation's when its credential is valid, else its client address's (a
/// stricter limit). Partitions are by organisation, not by key or instance connection, so one organisation's keys
/// share its limit and one noisy organisation cannot take another's permits. Limits are per exchange instance.
/// </summary>
internal sealed class CallerRateLimiter : IDisposable
{
    private readonly TokenBuckets _organizations;
    private readonly TokenBuckets _anonymous;

    public CallerRateLimiter(IOptions<RateLimitOptions> options, TimeProvider clock)
    {
        Options = options.Value;
        if (Options.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }
        _organizations = new TokenBuckets(clock, Options.PermitsPerSecond, Options.Burst);
        _anonymous = new TokenBuckets(clock, Options.AnonymousPermitsPerSecond, Options.AnonymousBurst);
    }

    public RateLimitOptions Options { get; }

    /// <summary>Takes a permit for the call; when refused, the caller's kind (for metrics) and the wait until a permit.</summary>
    public RateDecision Decide(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } organization)
        {
            return _organizations.TryAcquire(organization, out var wait)
                ? RateDecision.Allowed
                : new RateDecision(false, RateDecision.Organization, wait, Options.PermitsPerSecond, Options.Burst);
        }
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return _anonymous.TryAcquire(address, out var anonymousWait)
            ? RateDecision.Allowed
            : new RateDecision(false, RateDecision.Anonymous, anonymousWait, Options.AnonymousPermitsPerSecond, Options.AnonymousBurst);
    }

    public void Dispose()
    {
        _organizations.Dispose();
        _anonymous.Dispose();
    }
}
