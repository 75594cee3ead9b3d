using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace NotificationExchange.Api.Audit;

/// <summary>
/// Records an audited call that authorization refused (an operator calling an administrators' method) before its
/// request is read: PERMISSION_DENIED, with no target or request id (the body was never parsed). Calls without a valid
/// credential are not recorded: there is nobody to name (they are rate limited by address instead).
/// </summary>
internal sealed class AuditForbiddenRecorder(AuditRecorder recorder) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true && AuditedCalls.Find(context.Request.Path) is { } call)
        {
            await recorder.RecordAsync(call, context, context.Request.Path, null, null, Grpc.Core.StatusCode.PermissionDenied);
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
