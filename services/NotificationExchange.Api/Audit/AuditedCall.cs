using Google.Protobuf;
using NotificationExchange.Domain.Audit;

namespace NotificationExchange.Api.Audit;

/// <summary>
/// How one RPC is audited: its action, the kind of its target, and where its target's id is: in the request, in the
/// response (an id the call made), or the caller itself. <see cref="Target"/> gets the request, the response (null when
/// the call failed) and the caller's organisation, and answers null when there is no id to name.
/// </summary>
internal sealed record AuditedCall(AuditAction Action, AuditTargetKind TargetKind, Func<IMessage, IMessage?, string?, string?> Target);
