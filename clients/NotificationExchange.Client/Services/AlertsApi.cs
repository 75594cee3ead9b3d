using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Services;

/// <summary>Proximity alerts on the caller's objects and filings (AlertService). Every method throws <see cref="Errors.NxException"/> when the call fails.</summary>
public sealed class AlertsApi(AlertService.AlertServiceClient client)
{
    /// <summary>The generated client, for what this class does not wrap.</summary>
    public AlertService.AlertServiceClient Raw { get; } = client;

    public Task<GetAlertResponse> GetAlertAsync(GetAlertRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.GetAlertAsync(request, cancellationToken: cancellationToken));

    public Task<ListAlertsResponse> ListAlertsAsync(ListAlertsRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.ListAlertsAsync(request, cancellationToken: cancellationToken));

    /// <summary>Every alert the caller is a party to that the request selects, by time of closest approach, page after page.</summary>
    public IAsyncEnumerable<Alert> ListAllAlertsAsync(ListAlertsRequest request, CancellationToken cancellationToken = default) =>
        Pages.AllAsync(request, (page, token) => page.PageToken = token, ListAlertsAsync, response => response.Alerts,
            response => response.NextPageToken, cancellationToken);

    /// <summary>AcknowledgeAlert; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<Alert> AcknowledgeAlertAsync(AcknowledgeAlertRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.AcknowledgeAlertAsync(request, cancellationToken: cancellationToken));
    }

    public Task<ExportedCdm> ExportAlertCdmAsync(ExportAlertCdmRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.ExportAlertCdmAsync(request, cancellationToken: cancellationToken));
}
