using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Notifications;

/// <summary>
/// The rules a notice or report must satisfy before the exchange accepts it, as of the exchange's clock, and the
/// limits they apply. Field paths are the wire contract's names, rooted at the notice's field (maneuver,
/// proximity_operation, launch) or at report. The rules of each kind of notice, of reports and of their parts live
/// beside this class (ManeuverNoticeValidation, OrbitSpecValidation, ...).
/// </summary>
public sealed class NotificationValidator(TimeProvider clock)
{
    public const int MaxCatalogNumber = 339_999;
    public const int ShortTextLength = 128;
    public const int LongTextLength = 2_000;
    public const int AbortPlanLength = 4_000;
    public const int MaxListLength = 100;
    public static readonly TimeSpan MaxWindowLength = TimeSpan.FromDays(366);

    /// <summary>
    /// The times a notice or report may give (windows, epochs, liftoff): from the year before the first satellite up to
    /// (not including) 2100. Earlier or later values are mistakes, and far-off ones cannot be served to every client.
    /// </summary>
    public static readonly DateTime EarliestTime = new(1957, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime LatestTime = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>How far in the future a report may date what happened (clock skew between operator and exchange).</summary>
    public static readonly TimeSpan ReportClockTolerance = TimeSpan.FromMinutes(5);

    public void ValidateContent(NotificationContent? content, ValidationErrors errors)
    {
        switch (content)
        {
            case null:
                errors.Add("content", "one of maneuver, proximity_operation or launch is required");
                break;
            case ManeuverNotice maneuver:
                ManeuverNoticeValidation.Validate(maneuver, Now, errors);
                break;
            case ProximityOperationNotice rpo:
                ProximityOperationNoticeValidation.Validate(rpo, Now, errors);
                break;
            case LaunchNotice launch:
                LaunchNoticeValidation.Validate(launch, Now, errors);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(content), content.GetType().Name, null);
        }
    }

    public static void ValidateRequestId(string? requestId, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(requestId))
        {
            errors.Add("request_id", "is required (a client-chosen id that makes retries safe)");
        }
        else if (requestId.Length > ShortTextLength)
        {
            errors.Add("request_id", $"is {requestId.Length} characters long; at most {ShortTextLength} allowed");
        }
        else if (requestId.Any(c => c is < '!' or > '~'))
        {
            errors.Add("request_id", "may contain only printable ASCII characters without spaces");
        }
    }

    public static void ValidateRelatedIds(IReadOnlyList<string> related, ValidationErrors errors)
    {
        if (related.Count > MaxListLength)
        {
            errors.Add("related_notification_ids", $"has {related.Count} entries; at most {MaxListLength} allowed");
        }
        for (var i = 0; i < related.Count; i++)
        {
            NotificationIds.Validate($"related_notification_ids[{i}]", related[i], errors);
        }
    }

    /// <summary>A report on a notification of the given kind (known only in the write: the report's presence is checked before).</summary>
    public void ValidateReport(ExecutionReport report, NotificationKind kind, ValidationErrors errors) =>
        ExecutionReportValidation.Validate(report, kind, Now, errors);

    /// <summary>The time the rules are checked at.</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
}
