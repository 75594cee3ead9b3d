using NotificationExchange.Domain.Validation;
using NotificationExchange.Filing.Requests;
using D = NotificationExchange.Domain.Notifications;
using P = NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Mapping;

/// <summary>
/// The four change requests to their drafts, field by field, checking nothing (see <see cref="FilingDraft"/>); the
/// request's wire violations go with them, to be refused with whatever else is wrong.
/// </summary>
internal static class FilingMapping
{
    public static FileNotificationDraft ToDraft(this P.FileNotificationRequest request, string operatorId, IReadOnlyList<FieldViolation> prior) => new(
        operatorId,
        request.RequestId,
        Notice(request.Maneuver, request.ProximityOperation, request.Launch, request.CcsdsManeuver, request.PlannedEphemerisOem),
        request.RelatedNotificationIds.ToArray(),
        // an unknown number stays unknown (never read as PUBLIC), and is refused with the request's other faults
        request.Visibility == P.Visibility.Unspecified ? D.Visibility.Public : (D.Visibility)request.Visibility)
    {
        Prior = prior,
        Audience = request.Audience.ToDraft(),
        Embargo = request.Embargo.ToDraft(),
    };

    public static AmendNotificationDraft ToDraft(this P.AmendNotificationRequest request, string operatorId, IReadOnlyList<FieldViolation> prior) => new(
        operatorId,
        request.RequestId,
        request.NotificationId,
        request.HasExpectedVersion ? (int)Math.Min(request.ExpectedVersion, int.MaxValue) : null,
        Notice(request.Maneuver, request.ProximityOperation, request.Launch, request.CcsdsManeuver, request.PlannedEphemerisOem),
        request.RelatedNotificationIds.ToArray(),
        request.Reason)
    {
        Prior = prior,
        Audience = request.Audience.ToDraft(),
        Embargo = request.Embargo.ToDraft(),
    };

    public static CancelNotificationDraft ToDraft(this P.CancelNotificationRequest request, string operatorId, IReadOnlyList<FieldViolation> prior) =>
        new(operatorId, request.RequestId, request.NotificationId, request.Reason) { Prior = prior };

    public static ReportExecutionDraft ToDraft(this P.ReportExecutionRequest request, string operatorId, IReadOnlyList<FieldViolation> prior) =>
        new(operatorId, request.RequestId, request.NotificationId, request.Report.ToDomain()) { Prior = prior };

    private static NoticeDraft Notice(
        P.ManeuverNotice? maneuver, P.ProximityOperationNotice? rpo, P.LaunchNotice? launch, P.CcsdsManeuverNotice? ccsds, string plannedEphemeris) =>
        new(
            NoticeMapping.ToContent(maneuver, rpo, launch),
            ccsds is null ? null : new CcsdsManeuverDraft(ccsds.Message, ccsds.Supplement?.ToDomain()),
            WireScalars.Text(plannedEphemeris));
}
