using System.Buffers.Binary;
using Grpc.Core;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Api.Mapping;
using NotificationExchange.Consultations;
using NotificationExchange.Consultations.DirectLines;
using NotificationExchange.Consultations.Transcripts;
using NotificationExchange.Domain.Consultations.Commands;
using NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Protocol.V1;
using D = NotificationExchange.Domain.Consultations;

namespace NotificationExchange.Api.Services;

/// <summary>
/// Consultations over gRPC: each change mapped field by field to its command (<see cref="ConsultationRequestMapping"/>)
/// and carried out by <see cref="Consultations.ConsultationService"/>; reads through <see cref="ConsultationReader"/>, which admits
/// only the parties. Answers to changes are the consultation as the write rendered it; reads (GetConsultation,
/// ListConsultations) add where its conversation stands (last message sequence, receipts), which the log's versions
/// do not hold.
/// </summary>
internal sealed partial class ConsultationGrpcService(
    Consultations.ConsultationService consultations, ConsultationReader reader, TranscriptExporter transcripts, DirectLineService directLines,
    IConversationLog conversations)
    : Protocol.V1.ConsultationService.ConsultationServiceBase
{
    [MergesWireViolations]
    public override Task<Consultation> RequestConsultation(RequestConsultationRequest request, ServerCallContext context) =>
        SubmitAsync(request.ToCommand(context.OperatorId()), context);

    [MergesWireViolations]
    public override Task<Consultation> AcknowledgeConsultation(AcknowledgeConsultationRequest request, ServerCallContext context) =>
        SubmitAsync(request.ToCommand(context.OperatorId()), context);

    [MergesWireViolations]
    public override Task<Consultation> AcceptConsultation(AcceptConsultationRequest request, ServerCallContext context) =>
        SubmitAsync(request.ToCommand(context.OperatorId()), context);

    [MergesWireViolations]
    public override Task<Consultation> DeclineConsultation(DeclineConsultationRequest request, ServerCallContext context) =>
        SubmitAsync(request.ToCommand(context.OperatorId()), context);

    [MergesWireViolations]
    public override Task<Consultation> ProposeTime(ProposeTimeRequest request, ServerCallContext context) =>
        SubmitAsync(request.ToCommand(context.OperatorId()), context);

    [MergesWireViolations]
    public override Task<Consultation> WithdrawConsultation(WithdrawConsultationRequest request, ServerCallContext context) =>
        SubmitAsync(request.ToCommand(context.OperatorId()), context);

    [MergesWireViolations]
    public override Task<Consultation> ProposeClosure(ProposeClosureRequest request, ServerCallContext context) =>
        SubmitAsync(request.ToCommand(context.OperatorId()), context);

    [MergesWireViolations]
    public override Task<Consultation> ConfirmClosure(ConfirmClosureRequest request, ServerCallContext context) =>
        SubmitAsync(request.ToCommand(context.OperatorId()), context);

    [MergesWireViolations]
    public override Task<Consultation> ContestClosure(ContestClosureRequest request, ServerCallContext context) =>
        SubmitAsync(request.ToCommand(context.OperatorId()), context);

    public override async Task<GetConsultationResponse> GetConsultation(GetConsultationRequest request, ServerCallContext context)
    {
        var (latest, history) = await reader.GetAsync(context.OperatorId(), request.ConsultationId, context.CancellationToken);
        // The consultation as it stands, conversation included (the log's versions know nothing of messages).
        var response = new GetConsultationResponse
        {
            Consultation = EventMessages.Render(latest).WithConversation(await conversations.GetSummaryAsync(latest.Consultation.Id, context.CancellationToken)),
        };
        foreach (var entry in history)
        {
            // A version that cannot be read back is left out of the history; its neighbours still tell the story.
            if (entry is D.ConsultationRecorded recorded && EventMessages.TryRender(recorded, out var rendered))
            {
                response.History.Add(rendered);
            }
        }
        return response;
    }

    [MergesWireViolations]
    public override async Task<ListConsultationsResponse> ListConsultations(ListConsultationsRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        for (var i = 0; i < request.States.Count; i++)
        {
            errors.KnownEnum($"states[{i}]", (D.ConsultationState)request.States[i]);
        }
        if (request.PageSize > ConsultationReader.MaxPageSize)
        {
            errors.Add("page_size", $"is {request.PageSize}; at most {ConsultationReader.MaxPageSize} allowed");
        }
        var position = PageTokens.Read(request.PageToken, PageTokenFormat, p => p.Length == sizeof(long), errors);
        errors.ThrowIfAny();
        var page = await reader.ListAsync(
            new ConsultationQuery(
                context.OperatorId(),
                request.States.Select(s => (D.ConsultationState)s).ToArray(),
                request.PageSize == 0 ? ConsultationReader.DefaultPageSize : (int)request.PageSize,
                position is null ? null : BinaryPrimitives.ReadInt64BigEndian(position)),
            context.CancellationToken);
        var response = new ListConsultationsResponse();
        var summaries = await conversations.GetSummariesAsync(page.Consultations.Select(c => c.Id).ToArray(), context.CancellationToken);
        response.Consultations.AddRange(page.Consultations.Select(c => c.ToProto().WithConversation(summaries.GetValueOrDefault(c.Id) ?? ConversationSummary.Empty)));
        if (page.NextBeforeFirstSequence is { } next)
        {
            var bytes = new byte[sizeof(long)];
            BinaryPrimitives.WriteInt64BigEndian(bytes, next);
            response.NextPageToken = PageTokens.Encode(PageTokenFormat, bytes);
        }
        return response;
    }

    // A page token's position is the sequence of the request of the last consultation returned, 8 bytes big-endian.
    private const byte PageTokenFormat = 2;

    private async Task<Consultation> SubmitAsync(ConsultationCommand command, ServerCallContext context)
    {
        var outcome = await consultations.SubmitAsync(command, WireValueInterceptor.Violations(context), context.CancellationToken);
        return EventMessages.Render(outcome.Event);
    }
}
