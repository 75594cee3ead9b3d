using Grpc.Core;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Services;

// The Converse part of ConsultationService; the unary calls live in ConsultationGrpcService.cs. The handler is
// resolved per call rather than injected, so that this part adds nothing to the class's constructor.
internal sealed partial class ConsultationGrpcService : ConsultationService.ConsultationServiceBase
{
    public override Task Converse(IAsyncStreamReader<ConverseRequest> requestStream, IServerStreamWriter<ConverseResponse> responseStream, ServerCallContext context) =>
        context.GetHttpContext().RequestServices.GetRequiredService<ConverseHandler>().RunAsync(requestStream, responseStream, context);
}
