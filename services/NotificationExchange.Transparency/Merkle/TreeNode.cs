namespace NotificationExchange.Transparency.Merkle;

/// <summary>The hash of a complete subtree: 2^<see cref="Level"/> leaves from <see cref="Index"/>·2^<see cref="Level"/>.</summary>
public sealed record TreeNode(int Level, long Index, byte[] Hash);
