using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Alerts;

/// <summary>
/// What an alert and the screening may take from a restricted notification: the one rule, for the screens that build
/// alerts and for the proximity-operation notices that declare approaches. Safety before secrecy: a restricted notice is
/// screened like any other and its alerts reach the operators they endanger, but it tells nobody it does not admit what
/// it says.
/// </summary>
public static class NoticeDisclosure
{
    /// <summary>
    /// The alert as a screen of a notification whose audience in force is <paramref name="noticeAudience"/> may build
    /// it (null: no notification, a standing screen). When that audience leaves out one of the alert's parties, the
    /// alert withholds the notice (<see cref="Alert.NoticeWithheld"/>) and carries no state at TCA derived from it, as
    /// for a registration that does not share its state.
    /// </summary>
    public static Alert Applied(Alert alert, EventAudience? noticeAudience)
    {
        if (noticeAudience is null || alert.Parties.All(noticeAudience.Admits))
        {
            return alert with { NoticeWithheld = false };
        }
        return alert with
        {
            NoticeWithheld = true,
            Primary = WithoutNoticeState(alert.Primary),
            Secondary = WithoutNoticeState(alert.Secondary),
        };
    }

    /// <summary>
    /// Whether a proximity-operation notice whose audience in force is <paramref name="rpoAudience"/> declares its
    /// approach to a target operated by <paramref name="targetOperator"/> (null: nobody operates it): only when that
    /// operator may read it. For an operator the notice leaves out, the approach is unannounced, and screened as such.
    /// </summary>
    public static bool Declares(EventAudience rpoAudience, string? targetOperator) =>
        targetOperator is null || rpoAudience.Admits(targetOperator);

    /// <summary>A side whose orbit came from the notice keeps only its catalogue number: the notice's state at TCA, and
    /// the name and COSPAR id its filer wrote (a launch's payload names among them), are the notice's content. (The wire
    /// leaves out the side's data epoch too: AlertMapping.)</summary>
    private static AlertObject WithoutNoticeState(AlertObject side) =>
        side.Source == OrbitSource.Notification ? side with { StateAtTca = null, Object = new SpaceObjectRef(side.Object.NoradCatId) } : side;
}
