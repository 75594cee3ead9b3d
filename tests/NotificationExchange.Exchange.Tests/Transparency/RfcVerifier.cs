namespace NotificationExchange.Exchange.Tests.Transparency;

/// <summary>
/// RFC 9162's verification algorithms (2.1.3.2 inclusion, 2.1.4.2 consistency), written from the RFC's text for the
/// tests, apart from the exchange's code: what a client does with the exchange's proofs.
/// </summary>
internal static class RfcVerifier
{
    public static bool VerifyInclusion(long leafIndex, long treeSize, byte[] leafHash, IReadOnlyList<byte[]> path, byte[] root)
    {
        if (leafIndex >= treeSize)
        {
            return false;
        }
        var fn = leafIndex;
        var sn = treeSize - 1;
        var r = leafHash;
        foreach (var p in path)
        {
            if (sn == 0)
            {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                r = Node(p, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = Node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    public static bool VerifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash, IReadOnlyList<byte[]> consistencyPath)
    {
        if (first == second)
        {
            return consistencyPath.Count == 0 && firstHash.AsSpan().SequenceEqual(secondHash);
        }
        if (first > second || first == 0 || consistencyPath.Count == 0)
        {
            return false;
        }
        var path = consistencyPath.ToList();
        // If first is an exact power of 2, prepend first_hash to the path.
        if ((first & (first - 1)) == 0)
        {
            path.Insert(0, firstHash);
        }
        var fn = first - 1;
        var sn = second - 1;
        if ((fn & 1) == 1)
        {
            while ((fn & 1) == 1)
            {
                fn >>= 1;
                sn >>= 1;
            }
        }
        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = Node(c, fr);
                sr = Node(c, sr);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                sr = Node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr.AsSpan().SequenceEqual(firstHash) && sr.AsSpan().SequenceEqual(secondHash);
    }

    private static byte[] Node(byte[] left, byte[] right) =>
        System.Security.Cryptography.SHA256.HashData([0x01, .. left, .. right]);
}
