using System.Security.Cryptography;

namespace NotificationExchange.Transparency.Merkle;

/// <summary>
/// A salted commitment to one entry: SHA-256(salt || entry), the salt 32 random bytes drawn for that entry alone. Without
/// the salt the commitment says nothing about the entry (it cannot be confirmed by guessing likely contents); with it,
/// anyone holding the entry can check it.
/// </summary>
public sealed record EntryCommitment(byte[] Salt, byte[] Commitment)
{
    public const int SaltSize = 32;

    /// <summary>Draws a salt and commits to the entry's bytes.</summary>
    public static EntryCommitment Create(ReadOnlySpan<byte> entry)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        return new EntryCommitment(salt, Compute(salt, entry));
    }

    public static byte[] Compute(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> entry)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(salt);
        hash.AppendData(entry);
        return hash.GetHashAndReset();
    }

    /// <summary>Whether the entry's bytes, with this salt, give this commitment.</summary>
    public static bool Matches(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> entry, ReadOnlySpan<byte> commitment) =>
        CryptographicOperations.FixedTimeEquals(Compute(salt, entry), commitment);
}
