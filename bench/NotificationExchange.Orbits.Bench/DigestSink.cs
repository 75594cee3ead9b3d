using NotificationExchange.Orbits.Screening;

namespace NotificationExchange.Orbits.Bench;

/// <summary>
/// Keeps nothing but a count and an order-free digest of the exact records (catalogue numbers, time of closest
/// approach to the tick, miss distance to the bit): two screens with equal digests and counts gave the same records.
/// </summary>
internal sealed class DigestSink : IConjunctionSink
{
    public long Count { get; private set; }
    public ulong Sum { get; private set; }
    public ulong Xor { get; private set; }

    public void Add(Conjunction conjunction)
    {
        var hash = Mix((ulong)(uint)conjunction.PrimaryCatalogNumber << 32 | (uint)conjunction.SecondaryCatalogNumber);
        hash = Mix(hash ^ (ulong)conjunction.TimeOfClosestApproach.Ticks);
        hash = Mix(hash ^ (ulong)BitConverter.DoubleToInt64Bits(conjunction.MissDistanceKm));
        Count++;
        Sum += hash;
        Xor ^= hash;
    }

    public string Digest => $"{Count}:{Sum:x16}{Xor:x16}";

    /// <summary>SplitMix64's finaliser.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }
}
