using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Services;

/// <summary>Consultations and standing direct lines (ConsultationService); <see cref="Converse"/> opens a conversation that reconnects by itself. Every method throws <see cref="Errors.NxException"/> when the call fails.</summary>
public sealed partial class ConsultationsApi(ConsultationService.ConsultationServiceClient client)
{
    /// <summary>The generated client, for what this class does not wrap.</summary>
    public ConsultationService.ConsultationServiceClient Raw { get; } = client;

    /// <summary>RequestConsultation; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<Consultation> RequestConsultationAsync(RequestConsultationRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.RequestConsultationAsync(request, cancellationToken: cancellationToken));
    }

    /// <summary>AcknowledgeConsultation; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<Consultation> AcknowledgeConsultationAsync(AcknowledgeConsultationRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.AcknowledgeConsultationAsync(request, cancellationToken: cancellationToken));
    }

    /// <summary>AcceptConsultation; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<Consultation> AcceptConsultationAsync(AcceptConsultationRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.AcceptConsultationAsync(request, cancellationToken: cancellationToken));
    }

    /// <summary>DeclineConsultation; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<Consultation> DeclineConsultationAsync(DeclineConsultationRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.DeclineConsultationAsync(request, cancellationToken: cancellationToken));
    }

    /// <summary>ProposeTime; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<Consultation> ProposeTimeAsync(ProposeTimeRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.ProposeTimeAsync(request, cancellationToken: cancellationToken));
    }

    /// <summary>WithdrawConsultation; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<Consultation> WithdrawConsultationAsync(WithdrawConsultationRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.WithdrawConsultationAsync(request, cancellationToken: cancellationToken));
    }

    /// <summary>ProposeClosure; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<Consultation> ProposeClosureAsync(ProposeClosureRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.ProposeClosureAsync(request, cancellationToken: cancellationToken));
    }

    /// <summary>ConfirmClosure; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<Consultation> ConfirmClosureAsync(ConfirmClosureRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.ConfirmClosureAsync(request, cancellationToken: cancellationToken));
    }

    /// <summary>ContestClosure; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<Consultation> ContestClosureAsync(ContestClosureRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.ContestClosureAsync(request, cancellationToken: cancellationToken));
    }

    public Task<GetConsultationResponse> GetConsultationAsync(GetConsultationRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.GetConsultationAsync(request, cancellationToken: cancellationToken));

    public Task<ListConsultationsResponse> ListConsultationsAsync(ListConsultationsRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.ListConsultationsAsync(request, cancellationToken: cancellationToken));

    /// <summary>Every consultation the caller is a party of in the request's states, newest first, page after page.</summary>
    public IAsyncEnumerable<Consultation> ListAllConsultationsAsync(ListConsultationsRequest request, CancellationToken cancellationToken = default) =>
        Pages.AllAsync(request, (page, token) => page.PageToken = token, ListConsultationsAsync, response => response.Consultations,
            response => response.NextPageToken, cancellationToken);

    public Task<ExportTranscriptResponse> ExportTranscriptAsync(ExportTranscriptRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.ExportTranscriptAsync(request, cancellationToken: cancellationToken));

    /// <summary>ProposeDirectLine; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<DirectLine> ProposeDirectLineAsync(ProposeDirectLineRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.ProposeDirectLineAsync(request, cancellationToken: cancellationToken));
    }

    /// <summary>AcceptDirectLine; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<DirectLine> AcceptDirectLineAsync(AcceptDirectLineRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.AcceptDirectLineAsync(request, cancellationToken: cancellationToken));
    }

    public Task<ListDirectLinesResponse> ListDirectLinesAsync(ListDirectLinesRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.ListDirectLinesAsync(request, cancellationToken: cancellationToken));

    /// <summary>RingDirectLine; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<Consultation> RingDirectLineAsync(RingDirectLineRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.RingDirectLineAsync(request, cancellationToken: cancellationToken));
    }
}
