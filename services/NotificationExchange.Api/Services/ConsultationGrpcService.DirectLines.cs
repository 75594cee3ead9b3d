using Grpc.Core;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Api.Mapping;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Services;

/// <summary>
/// Standing direct lines: propose, accept, list the caller's own, and ring one (a consultation, answered as
/// RequestConsultation is). A line the caller is not on does not exist for it (NOT_FOUND).
/// </summary>
internal sealed partial class ConsultationGrpcService
{
    [MergesWireViolations]
    public override async Task<DirectLine> ProposeDirectLine(ProposeDirectLineRequest request, ServerCallContext context) =>
        (await directLines.ProposeAsync(request.ToCommand(context.OperatorId()), WireValueInterceptor.Violations(context), context.CancellationToken)).Line.ToProto();

    [MergesWireViolations]
    public override async Task<DirectLine> AcceptDirectLine(AcceptDirectLineRequest request, ServerCallContext context) =>
        (await directLines.AcceptAsync(request.ToCommand(context.OperatorId()), WireValueInterceptor.Violations(context), context.CancellationToken)).Line.ToProto();

    public override async Task<ListDirectLinesResponse> ListDirectLines(ListDirectLinesRequest request, ServerCallContext context) =>
        new() { DirectLines = { (await directLines.ListAsync(context.OperatorId(), context.CancellationToken)).Select(l => l.ToProto()) } };

    [MergesWireViolations]
    public override async Task<Consultation> RingDirectLine(RingDirectLineRequest request, ServerCallContext context)
    {
        var outcome = await directLines.RingAsync(request.ToCommand(context.OperatorId()), WireValueInterceptor.Violations(context), context.CancellationToken);
        return EventMessages.Render(outcome.Event);
    }
}
