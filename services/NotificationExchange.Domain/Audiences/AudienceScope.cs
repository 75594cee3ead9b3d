namespace NotificationExchange.Domain.Audiences;

/// <summary>Who a notification is for (the wire's AudienceScope, same numbers).</summary>
public enum AudienceScope
{
    /// <summary>Anyone, also callers without an API key.</summary>
    Public = 1,

    /// <summary>Every authenticated organisation.</summary>
    Registered = 2,

    /// <summary>The filer and the named organisations (1 to 50).</summary>
    Named = 3,

    /// <summary>The filer and exactly one counterpart.</summary>
    Bilateral = 4,
}
