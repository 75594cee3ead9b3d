using Google.Protobuf.WellKnownTypes;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Alerts.Commands;
using NotificationExchange.Domain.Operators;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

/// <summary>
/// Alerts between the domain and the wire, field by field; nothing is checked here (<see cref="AcknowledgeAlertValidation"/>
/// does). The domain's enums carry the protos' numbers. Contact points are not part of an alert's versions: readers add
/// them from the directory (<see cref="WithContacts"/>).
/// </summary>
internal static class AlertMapping
{
    public static P.Alert ToProto(this Alert alert) => new()
    {
        Id = alert.Id,
        Version = (uint)alert.Version,
        State = (P.AlertState)alert.State,
        Primary = alert.Primary.ToProto(alert.NoticeWithheld),
        Secondary = alert.Secondary.ToProto(alert.NoticeWithheld),
        Tca = Timestamp.FromDateTime(alert.Tca),
        MissDistanceM = alert.MissDistanceM,
        RelativePositionM = new P.RtnVector
        {
            Radial = alert.RelativePositionM.Radial, InTrack = alert.RelativePositionM.InTrack, CrossTrack = alert.RelativePositionM.CrossTrack,
        },
        RelativeSpeedMps = alert.RelativeSpeedMps,
        ScreeningVolume = new P.ScreeningVolumeInfo
        {
            Shape = alert.Volume.Shape, RadialKm = alert.Volume.RadialKm, InTrackKm = alert.Volume.InTrackKm, CrossTrackKm = alert.Volume.CrossTrackKm,
        },
        // A withheld notice is named to nobody in the one rendered form (WithNotice names it to readers it admits).
        NotificationId = alert.NoticeWithheld ? "" : alert.NotificationId ?? "",
        NotificationVersion = alert.NoticeWithheld ? 0 : (uint)(alert.NotificationVersion ?? 0),
        Probability = new P.CollisionProbability
        {
            Kind = (P.ProbabilityKind)alert.Probability.Kind,
            Value = alert.Probability.Value,
            Method = alert.Probability.Method ?? "",
            CombinedHardBodyRadiusM = alert.Probability.CombinedHardBodyRadiusM,
        },
        Unannounced = alert.Unannounced?.ToProto(),
        IntentConflict = (P.IntentConflict)alert.IntentConflict,
        RaisedAt = Timestamp.FromDateTime(alert.RaisedAt),
        UpdatedAt = Timestamp.FromDateTime(alert.UpdatedAt),
        Regime = alert.Regime.ToProto(),
    };

    public static P.AlertEvent ToProto(this AlertRecorded recorded) => new()
    {
        Sequence = (ulong)recorded.Sequence,
        EventType = (P.AlertEventType)recorded.Type,
        RecordedAt = Timestamp.FromDateTime(recorded.RecordedAt),
        Alert = recorded.Alert.ToProto(),
        Actor = recorded.Change.Actor ?? "",
        EscalatedOperator = recorded.Change.EscalatedOperator ?? "",
        Contacts = { (recorded.Change.Contacts ?? []).Select(c => c.ToPublicProto()) },
    };

    /// <summary>A copy of <paramref name="alert"/> naming each registered object's contact points, public forms only.</summary>
    public static P.Alert WithContacts(this P.Alert alert, IReadOnlyDictionary<string, IReadOnlyList<ContactPoint>> contacts)
    {
        var copy = alert.Clone();
        foreach (var side in new[] { copy.Primary, copy.Secondary })
        {
            if (side.OperatorId.Length > 0 && contacts.TryGetValue(side.OperatorId, out var points))
            {
                side.Contacts.Add(points.Select(c => c.ToPublicProto()));
            }
        }
        return copy;
    }

    /// <summary>
    /// A copy of <paramref name="rendered"/> naming the notification <paramref name="alert"/> withholds, for a point read
    /// by an organisation the notification's audience admits; <paramref name="rendered"/> itself otherwise.
    /// </summary>
    public static P.Alert WithNotice(this P.Alert rendered, Alert alert, bool readerAdmitted)
    {
        if (!alert.NoticeWithheld || !readerAdmitted || alert.NotificationId is null)
        {
            return rendered;
        }
        var copy = rendered.Clone();
        copy.NotificationId = alert.NotificationId;
        copy.NotificationVersion = (uint)(alert.NotificationVersion ?? 0);
        return copy;
    }

    public static AcknowledgeAlertCommand ToCommand(this P.AcknowledgeAlertRequest request, string operatorId) => new(
        request.RequestId, operatorId, request.AlertId, (int)Math.Min(request.NoradCatId, int.MaxValue), (ManeuverIntent)request.Intent, WireScalars.Text(request.Note));

    /// <summary>An alert's object; of a withheld notice's side, nothing the notice gave (its orbit's epoch included: a
    /// launch's insertion epoch is about its launch time).</summary>
    private static P.AlertObject ToProto(this AlertObject obj, bool noticeWithheld)
    {
        var proto = new P.AlertObject
        {
            Object = obj.Object.ToProto(),
            OperatorId = obj.OperatorId ?? "",
            HardBodyRadiusM = obj.HardBodyRadiusM,
            Source = (P.OrbitSource)obj.Source,
            DataEpoch = noticeWithheld && obj.Source == OrbitSource.Notification ? null : Timestamp.FromDateTime(obj.DataEpoch),
            StateAtTca = obj.StateAtTca is { } s
                ? new P.StateVector { XKm = s.XKm, YKm = s.YKm, ZKm = s.ZKm, XDotKmps = s.XDotKmps, YDotKmps = s.YDotKmps, ZDotKmps = s.ZDotKmps }
                : null,
            Response = obj.Response is { } r
                ? new P.AlertResponse
                {
                    AcknowledgeBy = Timestamp.FromDateTime(r.AcknowledgeBy),
                    AcknowledgedAt = WireScalars.ToTimestamp(r.AcknowledgedAt),
                    Intent = (P.ManeuverIntent)(r.Intent ?? 0),
                    Note = r.Note ?? "",
                    EscalatedAt = WireScalars.ToTimestamp(r.EscalatedAt),
                }
                : null,
        };
        if (obj.Maneuverable is { } maneuverable)
        {
            proto.Maneuverable = maneuverable;
        }
        return proto;
    }

    private static P.UnannouncedApproach ToProto(this UnannouncedApproach approach) => new()
    {
        WithinDistance = new P.TimeWindow
        {
            Start = Timestamp.FromDateTime(approach.WithinDistanceFrom), End = Timestamp.FromDateTime(approach.WithinDistanceTo),
        },
        DistanceThresholdKm = approach.DistanceThresholdKm,
        MinimumRangeKm = approach.MinimumRangeKm,
        MinimumRelativeSpeedMps = approach.MinimumRelativeSpeedMps,
        Reason = approach.Reason,
    };
}
