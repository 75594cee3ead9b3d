using System.ComponentModel.DataAnnotations;

namespace NotificationExchange.Api.Authentication;

/// <summary>Exchange:Authentication: how credentials are checked.</summary>
internal sealed class AuthenticationOptions
{
    public const string Section = "Exchange:Authentication";

    /// <summary>
    /// How long an instance trusts what it read of a credential. A revocation reaches every instance through the bus
    /// within a second; this bounds it while the bus is down. Short, because a read of the store is cheap.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan KeyCacheLifetime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often last-used times are written to the store (they are kept to the minute).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LastUsedFlushInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Exchange:Authentication:ClientCertificates: the mutual TLS endpoint's trust.</summary>
    public ClientCertificateOptions ClientCertificates { get; set; } = new();
}
