namespace NotificationExchange.Domain.Consultations;

/// <summary>How soon a consultation must be acknowledged; numbered as on the wire.</summary>
public enum ConsultationUrgency
{
    Unspecified = 0,
    Routine = 1,
    Priority = 2,
    Urgent = 3,
}
