using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Services;

/// <summary>Registered objects, ownership claims and the reference catalogue (ObjectRegistryService). Every method throws <see cref="Errors.NxException"/> when the call fails.</summary>
public sealed class RegistryApi(ObjectRegistryService.ObjectRegistryServiceClient client)
{
    /// <summary>The generated client, for what this class does not wrap.</summary>
    public ObjectRegistryService.ObjectRegistryServiceClient Raw { get; } = client;

    /// <summary>RegisterObject; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<RegisteredObject> RegisterObjectAsync(RegisterObjectRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.RegisterObjectAsync(request, cancellationToken: cancellationToken));
    }

    public Task<RegisteredObject> GetObjectAsync(GetObjectRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.GetObjectAsync(request, cancellationToken: cancellationToken));

    public Task<ListObjectsResponse> ListObjectsAsync(ListObjectsRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.ListObjectsAsync(request, cancellationToken: cancellationToken));

    /// <summary>Every registered object the request selects, by catalogue number, page after page.</summary>
    public IAsyncEnumerable<RegisteredObject> ListAllObjectsAsync(ListObjectsRequest request, CancellationToken cancellationToken = default) =>
        Pages.AllAsync(request, (page, token) => page.PageToken = token, ListObjectsAsync, response => response.Objects,
            response => response.NextPageToken, cancellationToken);

    /// <summary>ReleaseObject; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<ReleaseObjectResponse> ReleaseObjectAsync(ReleaseObjectRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.ReleaseObjectAsync(request, cancellationToken: cancellationToken));
    }

    public Task<ListObjectClaimsResponse> ListObjectClaimsAsync(ListObjectClaimsRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.ListObjectClaimsAsync(request, cancellationToken: cancellationToken));

    /// <summary>ResolveObjectClaim; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<ObjectClaim> ResolveObjectClaimAsync(ResolveObjectClaimRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.ResolveObjectClaimAsync(request, cancellationToken: cancellationToken));
    }

    /// <summary>LoadCatalogue; a request without a request id is given one, kept on the request for its retries.</summary>
    public Task<CatalogueLoadReport> LoadCatalogueAsync(LoadCatalogueRequest request, CancellationToken cancellationToken = default)
    {
        request.RequestId = RequestIds.OrNew(request.RequestId);
        return Calls.Run(Raw.LoadCatalogueAsync(request, cancellationToken: cancellationToken));
    }

    public Task<CatalogueStatus> GetCatalogueStatusAsync(GetCatalogueStatusRequest request, CancellationToken cancellationToken = default) =>
        Calls.Run(Raw.GetCatalogueStatusAsync(request, cancellationToken: cancellationToken));
}
