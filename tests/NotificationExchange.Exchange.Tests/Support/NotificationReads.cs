using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Exchange.Tests.Support;

internal static class NotificationReads
{
    /// <summary>
    /// A notification as read, without its screening status: what the filer's answer (given before any screen) holds,
    /// for comparing the two.
    /// </summary>
    public static Notification AsAnswered(this Notification read) => new(read) { Screening = null };
}
