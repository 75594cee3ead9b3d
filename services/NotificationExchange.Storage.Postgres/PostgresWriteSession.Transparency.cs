using NotificationExchange.Transparency.Heads;
using NotificationExchange.Transparency.Merkle;

namespace NotificationExchange.Storage.Postgres;

/// <summary>The transparency log's writes: entries' commitments, the tree's nodes and the signed heads (migration 9).</summary>
internal sealed partial class PostgresWriteSession
{
    public bool SaveCommitment(long sequence, EntryCommitment commitment)
    {
        var update = Command("UPDATE events SET salt = @salt, commitment = @commitment WHERE sequence = @sequence AND commitment IS NULL;");
        update.Parameters["@sequence"].Value = sequence;
        update.Parameters["@salt"].Value = commitment.Salt;
        update.Parameters["@commitment"].Value = commitment.Commitment;
        return update.ExecuteNonQuery() == 1;
    }

    public void SaveTreeNodes(IReadOnlyList<TreeNode> nodes)
    {
        // Plain INSERT: a node stored twice means two builders appended the same leaves, which the cursor's lease and
        // expected position exist to prevent; failing the write is the honest answer.
        var insert = Command("INSERT INTO tree_nodes (level, idx, hash) VALUES (@level, @idx, @hash);");
        foreach (var node in nodes)
        {
            insert.Parameters["@level"].Value = node.Level;
            insert.Parameters["@idx"].Value = node.Index;
            insert.Parameters["@hash"].Value = node.Hash;
            insert.ExecuteNonQuery();
        }
    }

    public bool SaveTreeHead(TreeHead head)
    {
        var insert = Command("""
            INSERT INTO tree_heads (tree_size, root_hash, timestamp_ms, origin, signature, key_id)
            VALUES (@size, @root, @timestamp, @origin, @signature, @key) ON CONFLICT (tree_size) DO NOTHING;
            """);
        insert.Parameters["@size"].Value = head.TreeSize;
        insert.Parameters["@root"].Value = head.RootHash;
        insert.Parameters["@timestamp"].Value = head.TimestampMilliseconds;
        insert.Parameters["@origin"].Value = head.Origin;
        insert.Parameters["@signature"].Value = head.Signature;
        insert.Parameters["@key"].Value = head.KeyId;
        return insert.ExecuteNonQuery() == 1;
    }
}
