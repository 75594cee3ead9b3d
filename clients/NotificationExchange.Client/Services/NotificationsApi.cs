using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Services;

/// <summary>Filing and reading notifications (NotificationService): file, amend, cancel, report execution, get with history, list, attachments, CCSDS export. Every method throws <see cref="Errors.NxException"/> when the call fails.</summary>
public sealed class NotificationsApi(NotificationService.NotificationServiceClient client)
{
    /// <summary>The generated client, for what this class does not wrap.</summary>
    public NotificationService.NotificationServiceClient Raw { get; } = client;

    /// <summary>FileNotification; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<FileNotificationResponse> FileNotificationAsync(FileNotificationRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.FileNotificationAsync(request, cancellationToken: cancellationToken));
    }

    /// <summary>AmendNotification; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<FileNotificationResponse> AmendNotificationAsync(AmendNotificationRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.AmendNotificationAsync(request, cancellationToken: cancellationToken));
    }

    /// <summary>CancelNotification; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<FileNotificationResponse> CancelNotificationAsync(CancelNotificationRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.CancelNotificationAsync(request, cancellationToken: cancellationToken));
    }

    /// <summary>ReportExecution; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<FileNotificationResponse> ReportExecutionAsync(ReportExecutionRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.ReportExecutionAsync(request, cancellationToken: cancellationToken));
    }

    public Task<GetNotificationResponse> GetNotificationAsync(GetNotificationRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.GetNotificationAsync(request, cancellationToken: cancellationToken));

    public Task<ListNotificationsResponse> ListNotificationsAsync(ListNotificationsRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.ListNotificationsAsync(request, cancellationToken: cancellationToken));

    /// <summary>Every notification the query matches, newest first, page after page (the request's page size per page).</summary>
    public IAsyncEnumerable<Notification> ListAllNotificationsAsync(ListNotificationsRequest request, CancellationToken cancellationToken = default) =>
        Pages.AllAsync(request, (page, token) => page.PageToken = token, ListNotificationsAsync, response => response.Notifications,
            response => response.NextPageToken, cancellationToken);

    public Task<Attachment> GetAttachmentAsync(GetAttachmentRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.GetAttachmentAsync(request, cancellationToken: cancellationToken));

    public Task<ExportedMessage> ExportNotificationAsync(ExportNotificationRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.ExportNotificationAsync(request, cancellationToken: cancellationToken));
}
