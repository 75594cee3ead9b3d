using NotificationExchange.Domain.Audiences;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Consultations.DirectLines;

/// <summary>
/// A direct line's change with its place in the log, so that the organisation a line is proposed to learns of it on its
/// stream, without polling. Only the line's two sides may see it.
/// </summary>
public sealed record DirectLineRecorded(long Sequence, DirectLineEventType Type, DateTime RecordedAt, DirectLineChange Change)
    : LogEntry(Sequence, RecordedAt)
{
    public DirectLine Line => Change.Line;

    public override MatchKeys? MatchKeys => null;

    public override EventAudience Audience => Change.Line.Audience;
}
