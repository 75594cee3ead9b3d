using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.DirectLines;
using NotificationExchange.Domain.Consultations.DirectLines.Commands;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

/// <summary>Direct lines between the domain and the wire, field by field; nothing is checked here (<see cref="DirectLineCommandValidation"/> does).</summary>
internal static class DirectLineMapping
{
    public static P.DirectLine ToProto(this DirectLine line) => new()
    {
        Id = line.Id,
        ProposedBy = line.ProposedBy,
        Counterpart = line.Counterpart,
        State = (P.DirectLineState)line.State,
        Purpose = line.Purpose,
        ProposedAt = Timestamp.FromDateTime(line.ProposedAt),
        ActivatedAt = WireScalars.ToTimestamp(line.ActivatedAt),
    };

    public static P.DirectLineEvent ToProto(this DirectLineRecorded recorded) => new()
    {
        Sequence = (ulong)recorded.Sequence,
        EventType = (P.DirectLineEventType)recorded.Type,
        RecordedAt = Timestamp.FromDateTime(recorded.RecordedAt),
        Actor = recorded.Change.Actor,
        DirectLine = recorded.Line.ToProto(),
    };

    public static ProposeDirectLineCommand ToCommand(this P.ProposeDirectLineRequest request, string organizationId) =>
        new(request.RequestId, organizationId, request.Counterpart, request.Purpose);

    public static AcceptDirectLineCommand ToCommand(this P.AcceptDirectLineRequest request, string organizationId) =>
        new(request.RequestId, organizationId, request.DirectLineId);

    public static RingDirectLineCommand ToCommand(this P.RingDirectLineRequest request, string organizationId) => new(
        request.RequestId,
        organizationId,
        request.DirectLineId,
        request.AboutCase switch
        {
            P.RingDirectLineRequest.AboutOneofCase.NotificationId => new ConsultationAbout(NotificationId: request.NotificationId),
            P.RingDirectLineRequest.AboutOneofCase.AlertId => new ConsultationAbout(AlertId: request.AlertId),
            _ => new ConsultationAbout(),
        },
        request.Subject,
        request.Body);
}
