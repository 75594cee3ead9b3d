using Grpc.Core;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Services;

/// <summary>ExportTranscript: the consultation's full record for one of its parties (NOT_FOUND to anyone else).</summary>
internal sealed partial class ConsultationGrpcService
{
    public override async Task<ExportTranscriptResponse> ExportTranscript(ExportTranscriptRequest request, ServerCallContext context)
    {
        var transcript = await transcripts.ExportAsync(context.OperatorId(), request.ConsultationId, context.CancellationToken);
        return new ExportTranscriptResponse { Json = transcript.Json, Text = transcript.Text, Sha256 = transcript.Sha256 };
    }
}
