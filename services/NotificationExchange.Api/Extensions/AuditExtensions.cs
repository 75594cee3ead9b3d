using Microsoft.AspNetCore.Authorization;
using NotificationExchange.Api.Audit;

namespace NotificationExchange.Api.Extensions;

internal static class AuditExtensions
{
    /// <summary>
    /// The audit: a record per audited call, written before the call is answered (docs/audit.md). The interceptor
    /// itself is the first of AddExchangeGrpc's, so that it sees the status the client gets.
    /// </summary>
    public static IHostApplicationBuilder AddExchangeAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditRecorder>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditForbiddenRecorder>();
        return builder;
    }
}
