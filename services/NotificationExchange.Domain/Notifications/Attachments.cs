using System.Security.Cryptography;
using System.Text;

namespace NotificationExchange.Domain.Notifications;

public enum AttachmentRole
{
    /// <summary>The message a notice was filed from (an OPM or OCM).</summary>
    Source = 1,

    /// <summary>The planned ephemeris of a maneuver (an OEM).</summary>
    PlannedEphemeris = 2,
}

/// <summary>A message kept with a notification version, exactly as the operator sent it.</summary>
public sealed record Attachment(AttachmentRole Role, string MediaType, string Content)
{
    /// <summary>The largest message kept, in characters.</summary>
    public const int MaxLength = 2 * 1024 * 1024;

    public AttachmentInfo Info()
    {
        var bytes = Encoding.UTF8.GetBytes(Content);
        return new AttachmentInfo(Role, MediaType, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}

/// <summary>What a notification says of an attachment; the content itself is fetched apart, by its digest.</summary>
public sealed record AttachmentInfo(AttachmentRole Role, string MediaType, long SizeBytes, string Sha256);
