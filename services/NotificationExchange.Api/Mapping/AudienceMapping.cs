using NotificationExchange.Domain.Audiences;
using NotificationExchange.Filing.Requests;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

/// <summary>Audiences and embargoes between the wire and the exchange, field by field.</summary>
internal static class AudienceMapping
{
    /// <summary>An audience as sent (an unknown scope keeps its number, refused with the request's other faults); null when unset.</summary>
    public static AudienceDraft? ToDraft(this P.Audience? audience) =>
        audience is null ? null : new AudienceDraft((int)audience.Scope, audience.Organizations.ToArray());

    public static EmbargoDraft? ToDraft(this P.Embargo? embargo) =>
        embargo is null ? null : new EmbargoDraft(embargo.Audience.ToDraft(), WireScalars.Time(embargo.Until));

    public static P.Audience ToProto(this NotificationAudience audience) =>
        new() { Scope = (P.AudienceScope)audience.Scope, Organizations = { audience.Organizations } };

    public static P.Embargo? ToProto(this Embargo? embargo) =>
        embargo is null ? null : new P.Embargo { Audience = embargo.Audience.ToProto(), Until = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(embargo.Until) };
}
