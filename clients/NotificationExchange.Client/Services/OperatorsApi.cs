using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Services;

/// <summary>Organisations, their keys and the directory of who to call (OperatorService). Every method throws <see cref="Errors.NxException"/> when the call fails.</summary>
public sealed class OperatorsApi(OperatorService.OperatorServiceClient client)
{
    /// <summary>The generated client, for what this class does not wrap.</summary>
    public OperatorService.OperatorServiceClient Raw { get; } = client;

    public Task<CreateOperatorResponse> CreateOperatorAsync(CreateOperatorRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.CreateOperatorAsync(request, cancellationToken: cancellationToken));

    public Task<ListOperatorsResponse> ListOperatorsAsync(ListOperatorsRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.ListOperatorsAsync(request, cancellationToken: cancellationToken));

    public Task<RotateApiKeyResponse> RotateApiKeyAsync(RotateApiKeyRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.RotateApiKeyAsync(request, cancellationToken: cancellationToken));

    /// <summary>
    /// Issues an API key (shown once, in the answer): the caller's own, or any organisation's for an administrator.
    /// Never retried by the library: a retry of one that landed is refused, and that key's secret is lost.
    /// </summary>
    public Task<IssueApiKeyResponse> IssueApiKeyAsync(IssueApiKeyRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.IssueApiKeyAsync(request, cancellationToken: cancellationToken));
    }

    /// <summary>What is known of an organisation's keys (never the keys themselves).</summary>
    public Task<ListApiKeysResponse> ListApiKeysAsync(ListApiKeysRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.ListApiKeysAsync(request, cancellationToken: cancellationToken));

    /// <summary>Revokes a key at once, on every instance of the exchange within a second.</summary>
    public Task<ApiKey> RevokeApiKeyAsync(RevokeApiKeyRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.RevokeApiKeyAsync(request, cancellationToken: cancellationToken));

    /// <summary>Administrators: maps client certificates (by thumbprint or subject) to an organisation for the mutual TLS endpoint.</summary>
    public Task<ClientCertificate> RegisterClientCertificateAsync(RegisterClientCertificateRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.RegisterClientCertificateAsync(request, cancellationToken: cancellationToken));
    }

    public Task<ListClientCertificatesResponse> ListClientCertificatesAsync(ListClientCertificatesRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.ListClientCertificatesAsync(request, cancellationToken: cancellationToken));

    public Task<ClientCertificate> RevokeClientCertificateAsync(RevokeClientCertificateRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.RevokeClientCertificateAsync(request, cancellationToken: cancellationToken));

    public Task<Operator> WhoAmIAsync(WhoAmIRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.WhoAmIAsync(request, cancellationToken: cancellationToken));

    public Task<DirectoryEntry> UpdateProfileAsync(UpdateProfileRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.UpdateProfileAsync(request, cancellationToken: cancellationToken));

    public Task<ListDirectoryResponse> ListDirectoryAsync(ListDirectoryRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.ListDirectoryAsync(request, cancellationToken: cancellationToken));

    /// <summary>Every directory entry the request selects, in order of organisation id, page after page.</summary>
    public IAsyncEnumerable<DirectoryEntry> ListAllDirectoryEntriesAsync(ListDirectoryRequest request, CancellationToken cancellationToken = default) =>
        Pages.AllAsync(request, (page, token) => page.PageToken = token, ListDirectoryAsync, response => response.Entries,
            response => response.NextPageToken, cancellationToken);

    public Task<DirectoryEntry> GetDirectoryEntryAsync(GetDirectoryEntryRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.GetDirectoryEntryAsync(request, cancellationToken: cancellationToken));

    public Task<RotateWebhookSecretResponse> RotateWebhookSecretAsync(RotateWebhookSecretRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.RotateWebhookSecretAsync(request, cancellationToken: cancellationToken));
}
