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
