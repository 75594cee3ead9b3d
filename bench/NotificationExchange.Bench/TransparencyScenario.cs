using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NotificationExchange.Transparency.Heads;
using NotificationExchange.Transparency.Merkle;

namespace NotificationExchange.Bench;

internal sealed record TransparencySettings(int Leaves, int Proofs, int Filers, TimeSpan Duration, TimeSpan Warmup);

/// <summary>
/// What the transparency log costs. The tree: <see cref="TransparencySettings.Leaves"/> leaves appended as the
/// exchange's builder appends them (batches of 2,000, each batch's new complete subtrees inserted into a
/// <c>tree_nodes</c> table in SQLite in one transaction), then inclusion and consistency proofs and roots computed from
/// that table (O(log n) reads each), and heads signed. Filing: durable filings a second at full speed on one embedded
/// server with the log on and off, alternating which goes first, medians of the repeats.
/// </summary>
internal static class TransparencyScenario
{
    private const int Batch = 2_000;

    public static async Task<int> RunAsync(string serverDll, int repeats, TransparencySettings settings)
    {
        Console.WriteLine($"NotificationExchange transparency benchmark: a tree of {settings.Leaves:N0} leaves, {settings.Proofs:N0} proofs of each kind, " +
            $"filing with the log on and off for {settings.Duration.TotalSeconds} s each, {repeats} repeat(s), {Environment.ProcessorCount} cores");
        MeasureTree(settings);
        await CompareFilingAsync(serverDll, repeats, settings);
        return 0;
    }

    private static void MeasureTree(TransparencySettings settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "nx-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "tree.db")};Pooling=False");
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            Execute(connection, "CREATE TABLE tree_nodes (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID;");
            using var nodes = new SqliteNodes(connection);

            var commitment = new byte[32];
            var appendClock = Stopwatch.StartNew();
            long size = 0;
            while (size < settings.Leaves)
            {
                var appender = new TreeAppender(nodes, size);
                for (var i = 0; i < Batch && appender.Size < settings.Leaves; i++)
                {
                    BitConverter.TryWriteBytes(commitment, appender.Size);
                    appender.Append(MerkleHash.EntryLeaf(appender.Size + 1, EntryCommitment.Compute(commitment, commitment)));
                }
                nodes.Store(appender.Added);
                size = appender.Size;
            }
            appendClock.Stop();
            Console.WriteLine($"tree: {size:N0} leaves appended in {appendClock.Elapsed.TotalSeconds:0.0} s: {size / appendClock.Elapsed.TotalSeconds:N0} leaves/s " +
                $"(leaf hash, complete subtrees, SQLite inserts in batches of {Batch:N0}); {nodes.Count():N0} nodes stored");

            var random = new Random(7);
            var inclusion = new List<double>();
            var inclusionLength = new List<double>();
            var consistency = new List<double>();
            var consistencyLength = new List<double>();
            for (var i = 0; i < settings.Proofs; i++)
            {
                var leaf = random.NextInt64(size);
                var started = Stopwatch.GetTimestamp();
                var path = MerkleTree.InclusionPath(nodes, leaf, size);
                inclusion.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                inclusionLength.Add(path.Count);
                var first = random.NextInt64(1, size);
                started = Stopwatch.GetTimestamp();
                var proof = MerkleTree.ConsistencyPath(nodes, first, size);
                consistency.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                consistencyLength.Add(proof.Count);
            }
            var reads = nodes.Reads;
            var rootClock = Stopwatch.StartNew();
            var root = MerkleTree.Root(nodes, size);
            rootClock.Stop();
            using var key = LogSigningKey.Generate();
            var signing = new List<double>();
            for (var i = 0; i < 200; i++)
            {
                var started = Stopwatch.GetTimestamp();
                key.Sign("notification-exchange/bench", size, root, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                signing.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }
            Console.WriteLine($"  inclusion proof: median {Statistics.Median(inclusion):0} us, p99 {Statistics.Percentile([.. inclusion.Order()], 0.99):0} us; " +
                $"{Statistics.Median(inclusionLength):0} hashes ({Statistics.Median(inclusionLength) * 32:0} bytes), at most {inclusionLength.Max():0}");
            Console.WriteLine($"  consistency proof: median {Statistics.Median(consistency):0} us, p99 {Statistics.Percentile([.. consistency.Order()], 0.99):0} us; " +
                $"{Statistics.Median(consistencyLength):0} hashes ({Statistics.Median(consistencyLength) * 32:0} bytes), at most {consistencyLength.Max():0}");
            Console.WriteLine($"  node reads per proof: {(double)reads / (2 * settings.Proofs):0.0}; root of the whole tree {rootClock.Elapsed.TotalMicroseconds:0} us; " +
                $"signing a head (ECDSA P-256) median {Statistics.Median(signing):0} us");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task CompareFilingAsync(string serverDll, int repeats, TransparencySettings settings)
    {
        var load = new LoadSettings(0, 0, 2000, settings.Filers, 64, 0, settings.Duration, settings.Warmup);
        var on = new List<double>();
        var off = new List<double>();
        for (var repeat = 1; repeat <= repeats; repeat++)
        {
            // Alternate which goes first, so that neither always meets a warmer machine.
            foreach (var enabled in repeat % 2 == 1 ? new[] { true, false } : [false, true])
            {
                await using var group = await ServerGroup.StartAsync(serverDll, 1, null, $"t{repeat}-{enabled}",
                    enabled ? null : ["--Exchange:Transparency:Enabled=false"]);
                var perSecond = await new LoadRun(group.Addresses, ServerGroup.AdminKey, load, () => TimeSpan.Zero).FilingsAloneAsync();
                (enabled ? on : off).Add(perSecond);
                Console.WriteLine($"repeat {repeat}: durable filings/s with the transparency log {(enabled ? "on " : "off")} {perSecond:0}");
            }
        }
        Console.WriteLine();
        Console.WriteLine($"medians over {repeats} repeat(s):");
        Console.WriteLine($"  durable filings/s, transparency on   {Statistics.Median(on),8:0}");
        Console.WriteLine($"  durable filings/s, transparency off  {Statistics.Median(off),8:0}   (on/off {Statistics.Median(on) / Statistics.Median(off):0.00})");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The tree_nodes table as the exchange's store reads it: one prepared statement per node.</summary>
    private sealed class SqliteNodes(SqliteConnection connection) : INodeSource, IDisposable
    {
        private readonly SqliteCommand _select = Prepared(connection, "SELECT hash FROM tree_nodes WHERE level = $level AND idx = $idx;");
        private readonly SqliteCommand _insert = Prepared(connection, "INSERT INTO tree_nodes (level, idx, hash) VALUES ($level, $idx, $hash);", "$hash");

        public long Reads { get; private set; }

        public byte[] Node(int level, long index)
        {
            Reads++;
            _select.Parameters["$level"].Value = level;
            _select.Parameters["$idx"].Value = index;
            return (byte[])_select.ExecuteScalar()!;
        }

        public void Store(IReadOnlyList<TreeNode> nodes)
        {
            using var transaction = connection.BeginTransaction();
            _insert.Transaction = transaction;
            foreach (var node in nodes)
            {
                _insert.Parameters["$level"].Value = node.Level;
                _insert.Parameters["$idx"].Value = node.Index;
                _insert.Parameters["$hash"].Value = node.Hash;
                _insert.ExecuteNonQuery();
            }
            transaction.Commit();
            _insert.Transaction = null;
        }

        public long Count()
        {
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM tree_nodes;";
            return (long)count.ExecuteScalar()!;
        }

        public void Dispose()
        {
            _select.Dispose();
            _insert.Dispose();
        }

        private static SqliteCommand Prepared(SqliteConnection connection, string sql, string? blob = null)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$level", 0);
            command.Parameters.AddWithValue("$idx", 0L);
            if (blob is not null)
            {
                command.Parameters.AddWithValue(blob, Array.Empty<byte>());
            }
            return command;
        }
    }
}
