using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Storage;

public static class EventRendering
{
    /// <summary>
    /// Renders a new event inside the write that records it, before the commit, as every writer must: an event that
    /// cannot be rendered refuses its write on <paramref name="field"/> (the request field it came from), and the write
    /// leaves no trace. Nothing is stored that cannot be served.
    /// </summary>
    public static void RenderForReaders(this IEventRenderer renderer, LogEntry entry, string field)
    {
        try
        {
            renderer.Render(entry);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw ExchangeRuleException.Invalid(field, $"cannot be served to readers: {e.Message}");
        }
    }
}
