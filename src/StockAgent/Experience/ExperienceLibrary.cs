using StockAgent.IO;
using System.Globalization;
using Microsoft.Data.Sqlite;
using StockAgent.Market;
using StockAgent.Rewards;
using static System.FormattableString;

namespace StockAgent.Experience;

/// <summary>
/// The experience library: one SQLite file (WAL mode, so readers query while a collection writes). Each
/// batch commits in one transaction, so a batch is wholly in or wholly out, even if the writer is killed.
/// Metadata and episode stats live in indexed columns; steps in one compact blob per trajectory, decoded
/// only when asked for. The schema carries a version (PRAGMA user_version) and migrations. Version 2 adds the episode's
/// benchmark return and Sharpe and its differential Sharpe ratio (<see cref="EpisodeStats"/>); a version-1 library gets
/// the columns when opened for writing, its rows read NULL as NaN (not measured), and it can still be read read-only.
/// </summary>
public sealed class ExperienceLibrary : IDisposable
{
    /// <summary>The newest schema this code knows.</summary>
    public const int SchemaVersion = 2;

    private static readonly string[] Migrations =
    [
        // 0 -> 1
        """
        CREATE TABLE batches (
            id INTEGER PRIMARY KEY, created TEXT NOT NULL, policy_id TEXT NOT NULL, policy_version TEXT NOT NULL,
            reward_name TEXT NOT NULL, seed INTEGER NOT NULL, split_yaml TEXT NOT NULL, config_json TEXT NOT NULL,
            trajectories INTEGER NOT NULL);
        CREATE TABLE trajectories (
            id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL REFERENCES batches(id),
            symbol TEXT NOT NULL, sector TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL,
            regime TEXT NOT NULL, realized_vol REAL, policy_id TEXT NOT NULL, policy_version TEXT NOT NULL,
            group_id INTEGER, seed INTEGER NOT NULL, quality_flags TEXT NOT NULL,
            pnl REAL, ret REAL, sharpe REAL, max_drawdown REAL, trades INTEGER, win_rate REAL,
            mean_exposure REAL, volatility REAL, initial_equity REAL,
            reward REAL NOT NULL, steps INTEGER NOT NULL, steps_blob BLOB NOT NULL);
        CREATE INDEX ix_traj_reward ON trajectories(reward);
        CREATE INDEX ix_traj_regime_reward ON trajectories(regime, reward);
        CREATE INDEX ix_traj_symbol ON trajectories(symbol);
        CREATE INDEX ix_traj_sector ON trajectories(sector);
        CREATE INDEX ix_traj_batch ON trajectories(batch_id);
        CREATE INDEX ix_traj_group ON trajectories(group_id);
        CREATE INDEX ix_traj_policy ON trajectories(policy_id);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
        // 1 -> 2
        """
        ALTER TABLE trajectories ADD COLUMN benchmark_return REAL;
        ALTER TABLE trajectories ADD COLUMN benchmark_sharpe REAL;
        ALTER TABLE trajectories ADD COLUMN differential_sharpe REAL;
        """,
    ];

    private const string SummaryColumns =
        "id, batch_id, symbol, sector, start_date, end_date, regime, realized_vol, policy_id, policy_version, group_id, seed, quality_flags, " +
        "pnl, ret, sharpe, max_drawdown, trades, win_rate, mean_exposure, volatility, initial_equity, reward, steps";

    private static readonly string[] BenchmarkColumns = ["benchmark_return", "benchmark_sharpe", "differential_sharpe"];

    private readonly SqliteConnection _connection;
    private readonly LibraryWriterLock? _writerLock;
    private readonly string _summaryColumns, _prefixedSummaryColumns;

    private ExperienceLibrary(string path, SqliteConnection connection, LibraryWriterLock? writerLock, int version)
    {
        Path = path;
        _connection = connection;
        _writerLock = writerLock;
        // A version-1 library read read-only has no benchmark columns: they read as NULL (NaN).
        var columns = SummaryColumns.Split(", ").Concat(version >= 2 ? BenchmarkColumns : BenchmarkColumns.Select(_ => "NULL")).ToArray();
        _summaryColumns = string.Join(", ", columns);
        _prefixedSummaryColumns = string.Join(", ", columns.Select(c => c == "NULL" ? c : "t." + c));
    }

    public string Path { get; }

    /// <summary>Test hook: called before each trajectory of a batch is inserted (to simulate failures mid-batch).</summary>
    internal Action<int>? BeforeInsert { get; set; }

    /// <summary>
    /// Opens (and, unless read-only, creates and migrates) the library at <paramref name="path"/>. Readers never wait
    /// for writers. A writer holds the library's writer lock (<see cref="LibraryWriterLock"/>, the side file
    /// <c>PATH-lock</c>) until disposed: a second writer, in this or another process, gets an <see cref="IOException"/>
    /// saying so. A file that cannot be written (read-only) gives an <see cref="UnauthorizedAccessException"/>, one that
    /// is not a library or is damaged an <see cref="InvalidDataException"/>; in every such case the file is not changed.
    /// </summary>
    public static ExperienceLibrary Open(string path, bool readOnly = false)
    {
        var full = System.IO.Path.GetFullPath(path);
        bool exists = File.Exists(full);
        if (readOnly && !exists) throw new FileNotFoundException($"Experience library '{full}' does not exist; run `stockagent collect` first.", full);
        if (Directory.Exists(full)) throw new ArgumentException($"experience library '{full}' is a folder, not a file; name a file such as {System.IO.Path.Combine(full, "experience.db")}.", nameof(path));
        if (exists && new FileInfo(full).Length > 0) CheckHeader(full);
        LibraryWriterLock? writerLock = null;
        if (!readOnly)
        {
            if (exists) EnsureWritable(full);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            writerLock = LibraryWriterLock.Acquire(full);
        }
        var connection = SqliteFile.Connection(full, readOnly);
        try
        {
            SqliteFile.Open(connection, readOnly, busyTimeoutMs: 10000);
            if (!readOnly) Execute(connection, "PRAGMA synchronous = NORMAL;");
            Execute(connection, "PRAGMA foreign_keys = ON;");
            int version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
            if (version > SchemaVersion)
                throw new InvalidDataException($"Experience library '{full}' has schema version {version}, newer than this StockAgent knows ({SchemaVersion}); update StockAgent. The file was not changed.");
            if (version < SchemaVersion && !(readOnly && version >= 1))
            {
                if (readOnly) throw new InvalidDataException($"Experience library '{full}' has schema version {version} and needs migrating; open it once for writing.");
                Migrate(connection, version);
                version = SchemaVersion;
            }
            var quick = Scalar(connection, "PRAGMA quick_check;") as string;
            if (quick != "ok") throw new InvalidDataException($"Experience library '{full}' is damaged (quick_check: {quick}).");
            return new ExperienceLibrary(full, connection, writerLock, version);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            writerLock?.Dispose();
            throw ex.SqliteErrorCode switch
            {
                11 or 26 => new InvalidDataException($"'{full}' is not a readable experience library ({ex.Message}). The file was not changed.", ex),
                _ => Translate(ex, full, "open"),
            };
        }
        catch
        {
            connection.Dispose();
            writerLock?.Dispose();
            throw;
        }
    }

    /// <summary>Refuses, before SQLite touches it, a library file that cannot be written: marked read-only (no write
    /// permission bit; for root, none at all) or denied by the operating system.</summary>
    private static void EnsureWritable(string full)
    {
        UnauthorizedAccessException ReadOnly(Exception? inner) => new(
            $"experience library '{full}' is read-only, so it cannot be opened for writing; make it writable or name another library file. The file was not changed.", inner);
        if ((File.GetAttributes(full) & FileAttributes.ReadOnly) != 0) throw ReadOnly(null);
        try
        {
            using var probe = new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw ReadOnly(ex);
        }
    }

    /// <summary>An SQLite failure as the exception that says what happened: the file could not be written
    /// (<see cref="UnauthorizedAccessException"/>), the disk is full, the file is locked, or another I/O failure
    /// (<see cref="IOException"/>). Anything else (a constraint, a misuse) is a bug and stays an <see cref="SqliteException"/>.</summary>
    private static Exception Translate(SqliteException ex, string full, string action) => ex.SqliteErrorCode switch
    {
        8 => new UnauthorizedAccessException($"experience library '{full}' cannot be written ({ex.Message}); make it and its folder writable or name another library file.", ex),
        13 => new IOException($"the disk is full: experience library '{full}' could not {action} ({ex.Message}); free some space and run again.", ex),
        5 or 6 => new IOException($"Experience library '{full}' is locked by another process ({ex.Message}); try again when it finishes.", ex),
        10 or 14 => new IOException($"Cannot {action} experience library '{full}': {ex.Message}", ex),
        _ => ex,
    };

    private static void CheckHeader(string path)
    {
        Span<byte> header = stackalloc byte[16];
        using (var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            int read = f.ReadAtLeast(header, 16, throwOnEndOfStream: false);
            if (read == 16 && header.SequenceEqual("SQLite format 3\0"u8)) return;
        }
        throw new InvalidDataException($"'{path}' is not an experience library (not an SQLite database). The file was not changed.");
    }

    private static void Migrate(SqliteConnection connection, int from)
    {
        using var tx = connection.BeginTransaction();
        for (int v = from; v < SchemaVersion; v++)
        {
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = Migrations[v] + $"\nPRAGMA user_version = {v + 1};";
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>Stores a batch in one transaction and returns its id; on any error nothing of it is stored.</summary>
    public long AppendBatch(BatchInfo info, IReadOnlyList<Trajectory> trajectories)
    {
        try
        {
            return AppendBatchCore(info, trajectories);
        }
        catch (SqliteException ex) when (Translate(ex, Path, "store the batch") is var e && e != ex)
        {
            throw e;
        }
    }

    private long AppendBatchCore(BatchInfo info, IReadOnlyList<Trajectory> trajectories)
    {
        using var tx = _connection.BeginTransaction();
        long batchId;
        using (var cmd = _connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO batches (created, policy_id, policy_version, reward_name, seed, split_yaml, config_json, trajectories)
                VALUES ($created, $policy, $version, $reward, $seed, $split, $config, $count);
                SELECT last_insert_rowid();
                """;
            cmd.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$policy", info.PolicyId);
            cmd.Parameters.AddWithValue("$version", info.PolicyVersion);
            cmd.Parameters.AddWithValue("$reward", info.RewardName);
            cmd.Parameters.AddWithValue("$seed", info.Seed);
            cmd.Parameters.AddWithValue("$split", info.SplitYaml);
            cmd.Parameters.AddWithValue("$config", info.ConfigJson);
            cmd.Parameters.AddWithValue("$count", trajectories.Count);
            batchId = (long)cmd.ExecuteScalar()!;
        }
        using (var insert = _connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO trajectories (batch_id, symbol, sector, start_date, end_date, regime, realized_vol, policy_id, policy_version,
                    group_id, seed, quality_flags, pnl, ret, sharpe, max_drawdown, trades, win_rate, mean_exposure, volatility, initial_equity,
                    reward, steps, steps_blob, benchmark_return, benchmark_sharpe, differential_sharpe)
                VALUES ($b, $sym, $sec, $start, $end, $regime, $rv, $pid, $pver, $gid, $seed, $flags, $pnl, $ret, $sharpe, $mdd, $trades,
                    $win, $exp, $vol, $eq0, $reward, $steps, $blob, $bret, $bsharpe, $dsr);
                """;
            var p = new Dictionary<string, SqliteParameter>();
            foreach (var name in new[] { "$b", "$sym", "$sec", "$start", "$end", "$regime", "$rv", "$pid", "$pver", "$gid", "$seed", "$flags", "$pnl", "$ret", "$sharpe", "$mdd", "$trades", "$win", "$exp", "$vol", "$eq0", "$reward", "$steps", "$blob", "$bret", "$bsharpe", "$dsr" })
                p[name] = insert.Parameters.Add(new SqliteParameter { ParameterName = name });
            insert.Prepare();
            for (int i = 0; i < trajectories.Count; i++)
            {
                BeforeInsert?.Invoke(i);
                var t = trajectories[i];
                var m = t.Metadata;
                var s = t.Stats;
                p["$b"].Value = batchId;
                p["$sym"].Value = m.Symbol;
                p["$sec"].Value = m.Sector;
                p["$start"].Value = m.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                p["$end"].Value = m.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                p["$regime"].Value = m.Regime;
                p["$rv"].Value = Db(m.RealizedVolatility);
                p["$pid"].Value = m.PolicyId;
                p["$pver"].Value = m.PolicyVersion;
                p["$gid"].Value = m.GroupId is { } g ? g : DBNull.Value;
                p["$seed"].Value = m.Seed;
                p["$flags"].Value = m.QualityFlags;
                p["$pnl"].Value = Db(s.Pnl);
                p["$ret"].Value = Db(s.Return);
                p["$sharpe"].Value = Db(s.Sharpe);
                p["$mdd"].Value = Db(s.MaxDrawdown);
                p["$trades"].Value = s.Trades;
                p["$win"].Value = Db(s.WinRate);
                p["$exp"].Value = Db(s.MeanExposure);
                p["$vol"].Value = Db(s.Volatility);
                p["$eq0"].Value = Db(s.InitialEquity);
                p["$bret"].Value = Db(s.BenchmarkReturn);
                p["$bsharpe"].Value = Db(s.BenchmarkSharpe);
                p["$dsr"].Value = Db(s.DifferentialSharpe);
                if (!double.IsFinite(t.Reward)) throw new ArgumentException(Invariant($"trajectory {i} ({m.Symbol} {m.Start:yyyy-MM-dd}) has a non-finite reward {t.Reward}; the batch was not stored."));
                p["$reward"].Value = t.Reward;
                p["$steps"].Value = t.Steps;
                p["$blob"].Value = StepCodec.Encode(t);
                insert.ExecuteNonQuery();
            }
        }
        tx.Commit();
        return batchId;
    }

    /// <summary>Number of stored trajectories matching <paramref name="query"/>.</summary>
    public int Count(TrajectoryQuery? query = null)
    {
        using var cmd = Where(query ?? TrajectoryQuery.All, "SELECT COUNT(*) FROM trajectories");
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Stored trajectories per (sector, regime) pair that has any, ordered by sector then regime (ordinal).</summary>
    public IReadOnlyList<(string Sector, string Regime, int Count)> SectorRegimeCounts()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT sector, regime, COUNT(*) FROM trajectories GROUP BY sector, regime ORDER BY sector, regime";
        using var r = cmd.ExecuteReader();
        var counts = new List<(string, string, int)>();
        while (r.Read()) counts.Add((r.GetString(0), r.GetString(1), r.GetInt32(2)));
        return counts;
    }

    /// <summary>Summaries of the trajectories matching <paramref name="query"/>, in id order.</summary>
    public IReadOnlyList<TrajectorySummary> Query(TrajectoryQuery? query = null)
    {
        using var cmd = Where(query ?? TrajectoryQuery.All, $"SELECT {_summaryColumns} FROM trajectories", " ORDER BY id");
        return ReadSummaries(cmd);
    }

    /// <summary>
    /// The best <paramref name="n"/> trajectories by reward, at least <paramref name="minReward"/>. Balanced: each
    /// regime present contributes an equal share (n / number of regimes, rounded down; a regime with fewer
    /// qualifying trajectories contributes all it has). Ordered by reward, best first.
    /// </summary>
    public IReadOnlyList<TrajectorySummary> TopByReward(int n, double minReward = double.NegativeInfinity, bool balancedByRegime = false)
    {
        if (n < 1) throw new ArgumentException($"top-N needs n >= 1 (got {n}).");
        using var cmd = _connection.CreateCommand();
        cmd.Parameters.AddWithValue("$min", double.IsNegativeInfinity(minReward) ? double.MinValue : minReward);
        if (!balancedByRegime)
        {
            cmd.CommandText = $"SELECT {_summaryColumns} FROM trajectories WHERE reward >= $min ORDER BY reward DESC, id LIMIT $n";
            cmd.Parameters.AddWithValue("$n", n);
            return ReadSummaries(cmd);
        }
        int regimes;
        using (var count = _connection.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) FROM (SELECT DISTINCT regime FROM trajectories INDEXED BY ix_traj_regime_reward WHERE reward >= $min)";
            count.Parameters.AddWithValue("$min", double.IsNegativeInfinity(minReward) ? double.MinValue : minReward);
            regimes = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        if (regimes == 0) return [];
        // The ranking reads only the (regime, reward) index; summary columns are fetched for the winners alone.
        cmd.CommandText = $"""
            SELECT {_prefixedSummaryColumns} FROM trajectories t JOIN (
                SELECT id, ROW_NUMBER() OVER (PARTITION BY regime ORDER BY reward DESC, id) AS rank_in_regime
                FROM trajectories INDEXED BY ix_traj_regime_reward WHERE reward >= $min) ranked ON ranked.id = t.id
            WHERE ranked.rank_in_regime <= $per ORDER BY t.reward DESC, t.id
            """;
        cmd.Parameters.AddWithValue("$per", Math.Max(1, n / regimes));
        return ReadSummaries(cmd);
    }

    /// <summary>Full trajectories (with steps) for the given ids, in the order given.</summary>
    public IReadOnlyList<Trajectory> Load(IEnumerable<long> ids)
    {
        var list = new List<Trajectory>();
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {_summaryColumns}, steps_blob FROM trajectories WHERE id = $id";
        var id = cmd.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        foreach (var i in ids)
        {
            id.Value = i;
            using var reader = cmd.ExecuteReader();
            if (!reader.Read()) throw new KeyNotFoundException($"no trajectory with id {i} in {Path}.");
            var summary = ReadSummary(reader);
            list.Add(StepCodec.Decode((byte[])reader["steps_blob"], summary.Metadata, summary.Stats, summary.Reward));
        }
        return list;
    }

    /// <summary>GRPO groups: trajectories sharing a group id, optionally of one batch, keyed by group id.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<TrajectorySummary>> Groups(long? batchId = null) =>
        Query(new TrajectoryQuery { BatchId = batchId, GroupedOnly = true })
            .GroupBy(t => t.Metadata.GroupId!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TrajectorySummary>)g.ToList());

    /// <summary>A uniform random sample of <paramref name="n"/> trajectories (fewer if the library is smaller); same seed, same sample.</summary>
    public IReadOnlyList<TrajectorySummary> Sample(int n, int seed)
    {
        var all = Query();
        var rng = new Random(seed);
        return all.OrderBy(_ => rng.Next()).Take(n).OrderBy(t => t.Id).ToList();
    }

    /// <summary>Recomputes every stored reward with <paramref name="reward"/> from the stored episode stats (no
    /// re-collection), in one transaction; returns how many were updated.</summary>
    public int RecomputeRewards(RewardFunction reward, string name)
    {
        try
        {
            return RecomputeRewardsCore(reward, name);
        }
        catch (SqliteException ex) when (Translate(ex, Path, "store the new rewards") is var e && e != ex)
        {
            throw e;
        }
    }

    private int RecomputeRewardsCore(RewardFunction reward, string name)
    {
        var all = Query();
        using var tx = _connection.BeginTransaction();
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "UPDATE trajectories SET reward = $r WHERE id = $id";
        var r = cmd.Parameters.Add(new SqliteParameter { ParameterName = "$r" });
        var id = cmd.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        foreach (var t in all)
        {
            double value = reward(t.Stats);
            if (!double.IsFinite(value)) throw new ArgumentException(Invariant($"reward '{name}' gave {value} for trajectory {t.Id}; nothing was changed."));
            r.Value = value;
            id.Value = t.Id;
            cmd.ExecuteNonQuery();
        }
        using (var meta = _connection.CreateCommand())
        {
            meta.Transaction = tx;
            meta.CommandText = "INSERT INTO meta (key, value) VALUES ('reward_name', $v) ON CONFLICT(key) DO UPDATE SET value = $v";
            meta.Parameters.AddWithValue("$v", name);
            meta.ExecuteNonQuery();
        }
        tx.Commit();
        return all.Count;
    }

    public IReadOnlyList<BatchRecord> Batches()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id, created, policy_id, policy_version, reward_name, seed, trajectories FROM batches ORDER BY id";
        using var r = cmd.ExecuteReader();
        var list = new List<BatchRecord>();
        while (r.Read())
            list.Add(new BatchRecord(r.GetInt64(0), DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.GetInt32(6)));
        return list;
    }

    public LibraryStats Stats()
    {
        Dictionary<string, int> CountBy(string column)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = $"SELECT {column}, COUNT(*) FROM trajectories GROUP BY {column} ORDER BY {column}";
            using var r = cmd.ExecuteReader();
            var d = new Dictionary<string, int>(StringComparer.Ordinal);
            while (r.Read()) d[r.GetString(0)] = r.GetInt32(1);
            return d;
        }
        var rewards = new List<double>();
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "SELECT reward FROM trajectories ORDER BY reward";
            using var r = cmd.ExecuteReader();
            while (r.Read()) rewards.Add(r.GetDouble(0));
        }
        DateOnly? first = null, last = null;
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "SELECT MIN(start_date), MAX(end_date) FROM trajectories";
            using var r = cmd.ExecuteReader();
            if (r.Read() && !r.IsDBNull(0))
            {
                first = DateOnly.Parse(r.GetString(0), CultureInfo.InvariantCulture);
                last = DateOnly.Parse(r.GetString(1), CultureInfo.InvariantCulture);
            }
        }
        int groups = Convert.ToInt32(Scalar(_connection, "SELECT COUNT(DISTINCT group_id) FROM trajectories WHERE group_id IS NOT NULL"), CultureInfo.InvariantCulture);
        long bytes = new FileInfo(Path).Length + (File.Exists(Path + "-wal") ? new FileInfo(Path + "-wal").Length : 0);
        return new LibraryStats(rewards.Count, CountBy("symbol"), CountBy("sector"), CountBy("regime"), CountBy("policy_id"),
            first, last, RewardSummary.From(rewards), Batches(), groups, bytes, Count(new TrajectoryQuery { Corrective = true }));
    }

    /// <summary>Writes the summaries matching <paramref name="query"/> to a CSV file (atomically); returns the row count.</summary>
    public int ExportCsv(string path, TrajectoryQuery? query = null)
    {
        var rows = Query(query);
        IO.AtomicFile.WriteText(path, w =>
        {
            using var csv = new CsvHelper.CsvWriter(w, CultureInfo.InvariantCulture, leaveOpen: true);
            foreach (var h in new[] { "id", "batch_id", "symbol", "sector", "start", "end", "regime", "realized_vol", "policy_id", "policy_version",
                                      "group_id", "seed", "quality_flags", "pnl", "return", "sharpe", "max_drawdown", "trades", "win_rate",
                                      "mean_exposure", "volatility", "reward", "steps", "benchmark_return", "benchmark_sharpe", "differential_sharpe" })
                csv.WriteField(h);
            csv.NextRecord();
            foreach (var t in rows)
            {
                var m = t.Metadata;
                var s = t.Stats;
                csv.WriteField(t.Id); csv.WriteField(m.BatchId); csv.WriteField(m.Symbol); csv.WriteField(m.Sector);
                csv.WriteField(m.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); csv.WriteField(m.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(m.Regime); csv.WriteField(m.RealizedVolatility); csv.WriteField(m.PolicyId); csv.WriteField(m.PolicyVersion);
                csv.WriteField(m.GroupId); csv.WriteField(m.Seed); csv.WriteField(m.QualityFlags);
                csv.WriteField(s.Pnl); csv.WriteField(s.Return); csv.WriteField(s.Sharpe); csv.WriteField(s.MaxDrawdown); csv.WriteField(s.Trades);
                csv.WriteField(s.WinRate); csv.WriteField(s.MeanExposure); csv.WriteField(s.Volatility); csv.WriteField(t.Reward); csv.WriteField(t.Steps);
                csv.WriteField(s.BenchmarkReturn); csv.WriteField(s.BenchmarkSharpe); csv.WriteField(s.DifferentialSharpe);
                csv.NextRecord();
            }
        });
        return rows.Count;
    }

    private SqliteCommand Where(TrajectoryQuery q, string select, string suffix = "")
    {
        var regime = q.Regime is null ? null : MarketRegime.Parse(q.Regime).ToString(); // an unknown regime is an error, not 0 rows
        var cmd = _connection.CreateCommand();
        var clauses = new List<string>();
        void Add(string clause, string name, object value)
        {
            clauses.Add(clause);
            cmd.Parameters.AddWithValue(name, value);
        }
        if (q.Symbol is not null) Add("symbol = $symbol", "$symbol", q.Symbol);
        if (q.Sector is not null) Add("sector = $sector", "$sector", q.Sector);
        if (regime is not null) Add("regime = $regime", "$regime", regime);
        if (q.PolicyId is not null) Add("policy_id = $policy", "$policy", q.PolicyId);
        if (q.BatchId is not null) Add("batch_id = $batch", "$batch", q.BatchId);
        if (q.MinReward is not null) Add("reward >= $minr", "$minr", q.MinReward);
        if (q.MaxReward is not null) Add("reward <= $maxr", "$maxr", q.MaxReward);
        if (q.GroupedOnly) clauses.Add("group_id IS NOT NULL");
        if (q.Corrective is { } corrective)
            Add(corrective ? "(',' || quality_flags || ',') LIKE $corrective" : "(',' || quality_flags || ',') NOT LIKE $corrective", "$corrective", $"%,{TrajectoryQuery.CorrectiveFlag},%");
        if (q.MaxRewardZScore is { } z)
        {
            using var stats = _connection.CreateCommand();
            stats.CommandText = "SELECT AVG(reward), AVG(reward * reward) FROM trajectories";
            using var r = stats.ExecuteReader();
            if (r.Read() && !r.IsDBNull(0))
            {
                double mean = r.GetDouble(0), sd = Math.Sqrt(Math.Max(0, r.GetDouble(1) - mean * mean));
                Add("ABS(reward - $zmean) <= $zband", "$zmean", mean);
                cmd.Parameters.AddWithValue("$zband", z * sd);
            }
        }
        cmd.CommandText = select + (clauses.Count > 0 ? " WHERE " + string.Join(" AND ", clauses) : "") + suffix
            + (q.Limit is { } limit ? $" LIMIT {limit}" : "");
        return cmd;
    }

    private static List<TrajectorySummary> ReadSummaries(SqliteCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<TrajectorySummary>();
        while (r.Read()) list.Add(ReadSummary(r));
        return list;
    }

    private static TrajectorySummary ReadSummary(SqliteDataReader r)
    {
        double D(int i) => r.IsDBNull(i) ? double.NaN : r.GetDouble(i);
        var metadata = new TrajectoryMetadata(r.GetString(2), r.GetString(3),
            DateOnly.Parse(r.GetString(4), CultureInfo.InvariantCulture), DateOnly.Parse(r.GetString(5), CultureInfo.InvariantCulture),
            r.GetString(6), D(7), r.GetString(8), r.GetString(9), r.IsDBNull(10) ? null : r.GetInt64(10), r.GetInt64(1), r.GetInt32(11), r.GetString(12));
        var stats = new EpisodeStats(D(13), D(14), D(15), D(16), r.GetInt32(17), D(18), D(19), D(20), D(21), D(24), D(25), D(26));
        return new TrajectorySummary(r.GetInt64(0), metadata, stats, r.GetDouble(22), r.GetInt32(23));
    }

    private static object Db(double x) => double.IsNaN(x) ? DBNull.Value : x;

    private static void Execute(SqliteConnection c, string sql) => SqliteFile.Execute(c, sql);

    private static object? Scalar(SqliteConnection c, string sql) => SqliteFile.Scalar(c, sql);

    public void Dispose()
    {
        _connection.Dispose();
        _writerLock?.Dispose();
    }
}
