using System.Buffers.Binary;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using NotificationExchange.Alerts.CatalogueLoading;
using NotificationExchange.Alerts.Registry;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Api.Mapping;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Services;

/// <summary>
/// The object registry and the reference catalogue over gRPC: changes mapped field by field (<see cref="RegistryMapping"/>)
/// and carried out by <see cref="ObjectRegistry"/> and <see cref="CatalogueLoader"/>. Anyone may read who operates
/// what; an object's orbit data only its operator, and everyone when its policy is FULL_STATE. Claims and the
/// catalogue's loads are for administrators (PERMISSION_DENIED to anyone else).
/// </summary>
internal sealed class ObjectRegistryGrpcService(ObjectRegistry registry, CatalogueLoader catalogue) : ObjectRegistryService.ObjectRegistryServiceBase
{
    /// <summary>The largest LoadCatalogue request: 64 MiB of content and the request's other, short, fields.</summary>
    public const int MaxReceiveMessageSize = CatalogueLoader.MaxContentBytes + 64 * 1024;

    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 500;

    // A page token's position is the last catalogue number of the page before, 4 bytes big-endian.
    private const byte PageTokenFormat = 1;

    [MergesWireViolations]
    public override async Task<RegisteredObject> RegisterObject(RegisterObjectRequest request, ServerCallContext context)
    {
        var caller = context.OperatorId();
        var registered = await registry.RegisterAsync(request.RequestId, request.ToRegistration(caller), WireValueInterceptor.Violations(context), context.CancellationToken);
        return registered.ToProto(caller);
    }

    public override async Task<RegisteredObject> GetObject(GetObjectRequest request, ServerCallContext context)
    {
        var caller = context.OperatorId();
        var registered = await registry.GetAsync((int)Math.Min(request.NoradCatId, int.MaxValue), context.CancellationToken)
            ?? throw ExchangeRuleException.NotFound($"registered object {request.NoradCatId}");
        return registered.ToProto(caller);
    }

    [MergesWireViolations]
    public override async Task<ListObjectsResponse> ListObjects(ListObjectsRequest request, ServerCallContext context)
    {
        var caller = context.OperatorId();
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        if (request.PageSize > MaxPageSize)
        {
            errors.Add("page_size", $"{request.PageSize} is outside 1 to {MaxPageSize} (0 for {DefaultPageSize})");
        }
        var after = PageTokens.Read(request.PageToken, PageTokenFormat, p => p.Length == 4 && BinaryPrimitives.ReadInt32BigEndian(p) > 0, errors) is { } position
            ? BinaryPrimitives.ReadInt32BigEndian(position)
            : 0;
        errors.ThrowIfAny();

        var size = request.PageSize == 0 ? DefaultPageSize : (int)request.PageSize;
        // One more than the page tells whether another page follows.
        var objects = await registry.ListAsync(WireScalars.Text(request.OperatorId), after, size + 1, context.CancellationToken);
        var page = objects.Take(size).ToList();
        return new ListObjectsResponse
        {
            Objects = { page.Select(o => o.ToProto(caller)) },
            NextPageToken = objects.Count > size ? EncodePageToken(page[^1].NoradCatId) : "",
        };
    }

    [MergesWireViolations]
    public override async Task<ReleaseObjectResponse> ReleaseObject(ReleaseObjectRequest request, ServerCallContext context)
    {
        await registry.ReleaseAsync(request.ToCommand(context.OperatorId()), WireValueInterceptor.Violations(context), context.CancellationToken);
        return new ReleaseObjectResponse();
    }

    [Authorize(Roles = CallerExtensions.AdministratorRole)]
    public override async Task<ListObjectClaimsResponse> ListObjectClaims(ListObjectClaimsRequest request, ServerCallContext context) =>
        new() { Claims = { (await registry.ListClaimsAsync(request.IncludeResolved, context.CancellationToken)).Select(c => c.ToProto()) } };

    [Authorize(Roles = CallerExtensions.AdministratorRole)]
    [MergesWireViolations]
    public override async Task<ObjectClaim> ResolveObjectClaim(ResolveObjectClaimRequest request, ServerCallContext context) =>
        (await registry.ResolveClaimAsync(request.ToCommand(context.OperatorId()), WireValueInterceptor.Violations(context), context.CancellationToken)).ToProto();

    [Authorize(Roles = CallerExtensions.AdministratorRole)]
    [MergesWireViolations]
    public override async Task<CatalogueLoadReport> LoadCatalogue(LoadCatalogueRequest request, ServerCallContext context)
    {
        var outcome = await catalogue.LoadAsync(request.ToInput(context.OperatorId()), WireValueInterceptor.Violations(context), context.CancellationToken);
        return outcome.Report.ToProto(outcome.Replayed);
    }

    public override async Task<CatalogueStatus> GetCatalogueStatus(GetCatalogueStatusRequest request, ServerCallContext context) =>
        (await catalogue.GetStatusAsync(context.CancellationToken)).ToProto();

    private static string EncodePageToken(int lastNoradCatId)
    {
        Span<byte> position = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(position, lastNoradCatId);
        return PageTokens.Encode(PageTokenFormat, position);
    }
}
