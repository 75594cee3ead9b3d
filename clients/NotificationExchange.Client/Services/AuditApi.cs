using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Services;

/// <summary>The audit (AuditService): who did what with what. Administrators see every record; an organisation the
/// records of its own calls and of others' calls about what it owns. Every method throws <see cref="Errors.NxException"/>
/// when the call fails.</summary>
public sealed class AuditApi(AuditService.AuditServiceClient client)
{
    /// <summary>The generated client, for what this class does not wrap.</summary>
    public AuditService.AuditServiceClient Raw { get; } = client;

    public Task<ListAuditRecordsResponse> ListAuditRecordsAsync(ListAuditRecordsRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.ListAuditRecordsAsync(request, cancellationToken: cancellationToken));

    /// <summary>Every record the request selects, oldest first, page after page.</summary>
    public IAsyncEnumerable<AuditRecord> ListAllAuditRecordsAsync(ListAuditRecordsRequest request, CancellationToken cancellationToken = default) =>
        Pages.AllAsync(request, (page, token) => page.PageToken = token, ListAuditRecordsAsync, response => response.Records,
            response => response.NextPageToken, cancellationToken);
}
