namespace NotificationExchange.Domain.Consultations.DirectLines.Commands;

/// <summary>
/// Rings an ACTIVE line: becomes a consultation request to the line's other side, URGENT, already accepted, with the
/// shortest acknowledgement window. <see cref="About"/> names a notification or an alert, or nothing (the line's purpose
/// is then the topic).
/// </summary>
public sealed record RingDirectLineCommand(string RequestId, string OrganizationId, string DirectLineId, ConsultationAbout About, string Subject, string Body);
