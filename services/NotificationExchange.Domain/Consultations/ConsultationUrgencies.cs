namespace NotificationExchange.Domain.Consultations;

public static class ConsultationUrgencies
{
    /// <summary>The shortest acknowledgement window a request may ask for, and the one a direct line rings with.</summary>
    public static readonly TimeSpan ShortestWindow = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(30);

    /// <summary>When a counterpart must acknowledge unless the request says otherwise (urgent 15 min, priority 4 h, routine 72 h).</summary>
    public static TimeSpan DefaultAcknowledgementWindow(this ConsultationUrgency urgency) => urgency switch
    {
        ConsultationUrgency.Urgent => TimeSpan.FromMinutes(15),
        ConsultationUrgency.Priority => TimeSpan.FromHours(4),
        ConsultationUrgency.Routine => TimeSpan.FromHours(72),
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, null),
    };
}
