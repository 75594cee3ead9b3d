using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Alerts.CatalogueLoading;
using NotificationExchange.Alerts.Registry;
using NotificationExchange.Domain.Registry;
using NotificationExchange.Domain.Registry.Commands;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

/// <summary>
/// The object registry and the catalogue between the wire and the domain, field by field; nothing is checked here
/// (<see cref="RegistrationReading"/> and the registry do, by wire name).
/// </summary>
internal static class RegistryMapping
{
    public static ObjectRegistration ToRegistration(this P.RegisterObjectRequest request, string operatorId) => new(
        operatorId,
        request.Object?.ToDomain(),
        request.Maneuverable,
        request.HardBodyRadiusM,
        request.Orbit?.DataCase switch
        {
            P.ObjectOrbit.DataOneofCase.Tle => new RegistrationOrbit(OrbitForm.Tle, Line1: request.Orbit.Tle.Line1, Line2: request.Orbit.Tle.Line2),
            P.ObjectOrbit.DataOneofCase.Omm => new RegistrationOrbit(OrbitForm.Omm, Text: request.Orbit.Omm),
            P.ObjectOrbit.DataOneofCase.Oem => new RegistrationOrbit(OrbitForm.Oem, Text: request.Orbit.Oem),
            _ => null,
        },
        request.Sharing == P.SharingPolicy.Unspecified ? null : (SharingPolicy)request.Sharing);

    public static ReleaseObjectCommand ToCommand(this P.ReleaseObjectRequest request, string operatorId) =>
        new(request.RequestId, operatorId, (int)Math.Min(request.NoradCatId, int.MaxValue));

    public static ResolveObjectClaimCommand ToCommand(this P.ResolveObjectClaimRequest request, string administratorId) =>
        new(request.RequestId, administratorId, request.ClaimId, request.Award, request.Note);

    public static CatalogueLoadInput ToInput(this P.LoadCatalogueRequest request, string administratorId) =>
        new(request.RequestId, administratorId, WireScalars.Text(request.Content), WireScalars.Text(request.Path), WireScalars.Text(request.Source));

    /// <summary>The registration as <paramref name="callerId"/> may see it: the orbit only for its operator, or for anyone under FULL_STATE.</summary>
    public static P.RegisteredObject ToProto(this RegisteredObject registered, string callerId) => new()
    {
        Object = registered.Object.ToProto(),
        OperatorId = registered.OperatorId,
        Maneuverable = registered.Maneuverable,
        HardBodyRadiusM = registered.HardBodyRadiusM,
        Orbit = ObjectRegistry.OrbitVisibleTo(registered, callerId) ? registered.OrbitProto() : null,
        Sharing = (P.SharingPolicy)registered.Sharing,
        OrbitEpoch = Timestamp.FromDateTime(registered.OrbitEpoch),
        RegisteredAt = Timestamp.FromDateTime(registered.RegisteredAt),
        UpdatedAt = Timestamp.FromDateTime(registered.UpdatedAt),
        Regime = registered.Regime.ToProto(),
    };

    public static P.ObjectClaim ToProto(this ObjectClaim claim) => new()
    {
        Id = claim.Id,
        NoradCatId = (uint)claim.NoradCatId,
        ClaimantId = claim.ClaimantId,
        HolderId = claim.HolderId,
        State = (P.ObjectClaimState)claim.State,
        ClaimedAt = Timestamp.FromDateTime(claim.ClaimedAt),
        ResolvedAt = WireScalars.ToTimestamp(claim.ResolvedAt),
        ResolutionNote = claim.ResolutionNote ?? "",
    };

    public static P.CatalogueLoadReport ToProto(this CatalogueLoad load, bool replayed) => new()
    {
        LoadId = (ulong)load.Id,
        Source = load.Source,
        Format = load.Format,
        Total = (uint)load.Total,
        Added = { load.Added.Select(n => (uint)n) },
        Changed = { load.Changed.Select(n => (uint)n) },
        Dropped = { load.Dropped.Select(n => (uint)n) },
        Unchanged = (uint)load.Unchanged,
        Rejected =
        {
            load.Rejected.Select(r => new P.CatalogueRejection { Line = (uint)Math.Max(r.Line, 0), NoradCatId = (uint)(r.NoradCatId ?? 0), Reason = r.Reason }),
        },
        LoadedAt = Timestamp.FromDateTime(load.LoadedAt),
        Replayed = replayed,
    };

    public static P.CatalogueStatus ToProto(this CatalogueStatusView status) => new()
    {
        Objects = (uint)status.Objects,
        RegisteredObjects = (uint)status.RegisteredObjects,
        LastLoad = status.LastLoad?.ToProto(replayed: false),
        Now = Timestamp.FromDateTime(status.Now),
        Simulated = status.Simulated,
        LastStandingScreen = status.LastStandingScreen is { } screened ? Timestamp.FromDateTime(screened) : null,
        StandingIntervalMinutes = (uint)Math.Round(status.StandingIntervalMinutes),
    };

    private static P.ObjectOrbit OrbitProto(this RegisteredObject registered)
    {
        switch (registered.OrbitForm)
        {
            case OrbitForm.Tle:
                var (line1, line2) = RegistrationOrbit.TleLines(registered.OrbitText);
                return new P.ObjectOrbit { Tle = new P.TwoLineElementSet { Line1 = line1, Line2 = line2 } };
            case OrbitForm.Omm:
                return new P.ObjectOrbit { Omm = registered.OrbitText };
            default:
                return new P.ObjectOrbit { Oem = registered.OrbitText };
        }
    }
}
