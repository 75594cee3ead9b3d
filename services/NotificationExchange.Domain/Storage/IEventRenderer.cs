using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Domain.Storage;

/// <summary>
/// Renders a recorded event into the form readers receive it in (the wire message). The writers (filing, consultations) render every new event
/// inside its write, before the commit: an event that cannot be rendered fails its own write and is never stored. A
/// renderer may keep what it rendered, so that the filer's answer and the live streams are built from that one form.
/// </summary>
public interface IEventRenderer
{
    /// <summary>
    /// Renders the event; throws <see cref="ArgumentException"/> or <see cref="InvalidOperationException"/> when a value
    /// of the event cannot be rendered (the write then refuses the request). Anything else is the renderer's own fault.
    /// </summary>
    void Render(LogEntry entry);

    /// <summary>
    /// The event as JSON, for those who receive it outside a stream (webhooks): the wire message's proto3 JSON form
    /// with the protos' field names. Throws as <see cref="Render"/> does.
    /// </summary>
    string RenderJson(LogEntry entry);
}
