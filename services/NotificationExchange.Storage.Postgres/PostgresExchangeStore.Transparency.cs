using Npgsql;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Transparency;
using NotificationExchange.Transparency.Heads;

namespace NotificationExchange.Storage.Postgres;

/// <summary>
/// The transparency log's reads (migration 9): the salts and commitments in the entries' rows, the tree's complete
/// subtrees in <c>tree_nodes</c>, the signed heads in <c>tree_heads</c>, and the tree's size as its work cursor's position.
/// </summary>
public sealed partial class PostgresExchangeStore : ITransparencyStore
{
    private const string SelectHead = "SELECT tree_size, root_hash, timestamp_ms, origin, signature, key_id FROM tree_heads";

    public Task<IReadOnlyList<StoredLeaf>> ReadLeavesAsync(long fromSequence, int maxCount, CancellationToken cancellationToken) =>
        ReadAsync(
            SelectEvent.Replace(" FROM events", ", salt, commitment FROM events", StringComparison.Ordinal) + " WHERE sequence >= @from AND sequence < @from + @limit ORDER BY sequence;",
            [("@from", fromSequence), ("@limit", maxCount)],
            reader => new StoredLeaf(ReadEntry(reader), reader.IsDBNull(9) ? null : (byte[])reader[9], reader.IsDBNull(10) ? null : (byte[])reader[10]),
            cancellationToken);

    public Task<IReadOnlyList<LogEntry>> ReadUncommittedAsync(long afterSequence, int maxCount, CancellationToken cancellationToken) =>
        ReadAsync(SelectEvent + " WHERE commitment IS NULL AND sequence > @after ORDER BY sequence LIMIT @limit;",
            [("@after", afterSequence), ("@limit", maxCount)], ReadEntry, cancellationToken);

    public async Task<long> GetTreeSizeAsync(CancellationToken cancellationToken) =>
        (await ReadAsync("SELECT position FROM work_cursors WHERE name = @name;", [("@name", ITransparencyStore.TreeCursor)],
            reader => reader.GetInt64(0), cancellationToken)).SingleOrDefault();

    public ITreeNodeReader OpenTreeNodes() => new TreeNodeReader(Settings.OpenPooled());

    public async Task<TreeHead?> GetLatestHeadAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(SelectHead + " ORDER BY tree_size DESC LIMIT 1;", [], ReadHead, cancellationToken)).SingleOrDefault();

    public async Task<TreeHead?> GetHeadAsync(long treeSize, CancellationToken cancellationToken) =>
        (await ReadAsync(SelectHead + " WHERE tree_size = @size;", [("@size", treeSize)], ReadHead, cancellationToken)).SingleOrDefault();

    private static TreeHead ReadHead(NpgsqlDataReader reader) =>
        new(reader.GetString(3), reader.GetInt64(0), (byte[])reader[1], reader.GetInt64(2), (byte[])reader[4], reader.GetString(5));

    /// <summary>One pooled connection and one prepared statement for a proof's reads.</summary>
    private sealed class TreeNodeReader : ITreeNodeReader
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlCommand _select;

        public TreeNodeReader(NpgsqlConnection connection)
        {
            _connection = connection;
            _select = Command(connection, "SELECT hash FROM tree_nodes WHERE level = @level AND idx = @idx;", [("@level", 0), ("@idx", 0L)]);
        }

        public byte[] Node(int level, long index)
        {
            _select.Parameters["@level"].Value = level;
            _select.Parameters["@idx"].Value = index;
            return _select.ExecuteScalar() as byte[]
                ?? throw new InvalidOperationException($"the transparency tree has no node at level {level}, index {index}");
        }

        public void Dispose()
        {
            _select.Dispose();
            _connection.Dispose();
        }
    }
}
