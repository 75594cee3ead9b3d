namespace NotificationExchange.Alerts.CatalogueLoading;

/// <summary>The reference catalogue's settings (section <c>Exchange:Alerts:Catalogue</c>).</summary>
public sealed class CatalogueOptions
{
    public const string Section = "Exchange:Alerts:Catalogue";

    /// <summary>
    /// A catalogue file loaded at start-up when the stored catalogue is empty or the file changed since it was last
    /// loaded from there; none when empty.
    /// </summary>
    public string? Path { get; set; }
}
