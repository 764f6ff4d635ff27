using StockAgent.IO;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using StockAgent.Statistics;

namespace StockAgent.Evaluation;

/// <summary>
/// The experiment registry: every configuration trained or evaluated, in one SQLite file (WAL mode, a busy timeout,
/// one INSERT per record in its own immediate transaction), so several processes can append at once and readers never
/// see a half-written record. It supplies the trial count and the variance of the trials' Sharpe ratios for the deflated
/// Sharpe ratio (<see cref="Statistics"/>).
/// </summary>
public sealed class ExperimentRegistry : IDisposable
{
    /// <summary>The registry's usual file name inside a runs folder.</summary>
    public const string DefaultFileName = "experiments.db";

    private const int SchemaVersion = 1;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS trials (
            id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, kind TEXT NOT NULL, label TEXT NOT NULL,
            config_hash TEXT NOT NULL, data_fingerprint TEXT NOT NULL,
            sharpe_per_period REAL NOT NULL, sharpe_annualised REAL NOT NULL, periods_per_year REAL NOT NULL,
            observations INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_trials_config ON trials(config_hash);
        CREATE INDEX IF NOT EXISTS ix_trials_data ON trials(data_fingerprint);
        """;

    private readonly SqliteConnection _connection;

    private ExperimentRegistry(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    public string Path { get; }

    /// <summary>Opens the registry at <paramref name="path"/>, creating it (and its folder) unless read-only.</summary>
    public static ExperimentRegistry Open(string path, bool readOnly = false)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (readOnly && !File.Exists(full)) throw new FileNotFoundException($"Experiment registry '{full}' does not exist.", full);
        if (!readOnly) Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var connection = SqliteFile.Connection(full, readOnly);
        try
        {
            SqliteFile.Open(connection, readOnly, busyTimeoutMs: 15000);
            if (!readOnly)
            {
                using var tx = connection.BeginTransaction(deferred: false);
                Execute(connection, Schema, tx);
                int version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;", tx), CultureInfo.InvariantCulture);
                if (version > SchemaVersion)
                    throw new InvalidDataException($"Experiment registry '{full}' has schema version {version}, newer than this StockAgent knows ({SchemaVersion}); update StockAgent.");
                if (version < SchemaVersion) Execute(connection, $"PRAGMA user_version = {SchemaVersion};", tx);
                tx.Commit();
            }
            else if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'trials';") is long tables && tables == 0)
                throw new InvalidDataException($"'{full}' is not an experiment registry (no trials table).");
            return new ExperimentRegistry(full, connection);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw ex.SqliteErrorCode switch
            {
                5 or 6 => new IOException($"Experiment registry '{full}' is locked by another process ({ex.Message}); try again.", ex),
                11 or 26 => new InvalidDataException($"'{full}' is not a readable experiment registry ({ex.Message}).", ex),
                _ => new IOException($"Cannot open experiment registry '{full}': {ex.Message}", ex),
            };
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Appends one record (atomically) and returns its id.</summary>
    public long Record(TrialRecord trial)
    {
        trial.Validate();
        using var tx = _connection.BeginTransaction(deferred: false);
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO trials (time, kind, label, config_hash, data_fingerprint, sharpe_per_period, sharpe_annualised, periods_per_year, observations)
            VALUES ($time, $kind, $label, $config, $data, $sharpe, $annual, $periods, $obs);
            SELECT last_insert_rowid();
            """;
        cmd.Parameters.AddWithValue("$time", trial.Time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$kind", trial.Kind);
        cmd.Parameters.AddWithValue("$label", trial.Label);
        cmd.Parameters.AddWithValue("$config", trial.ConfigHash);
        cmd.Parameters.AddWithValue("$data", trial.DataFingerprint);
        cmd.Parameters.AddWithValue("$sharpe", trial.ValidationSharpe);
        cmd.Parameters.AddWithValue("$annual", trial.AnnualisedSharpe);
        cmd.Parameters.AddWithValue("$periods", trial.PeriodsPerYear);
        cmd.Parameters.AddWithValue("$obs", trial.Observations);
        long id = (long)cmd.ExecuteScalar()!;
        tx.Commit();
        return id;
    }

    /// <summary>Every record in the order recorded, optionally only those on one data fingerprint.</summary>
    public IReadOnlyList<TrialRecord> Trials(string? dataFingerprint = null)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id, time, kind, label, config_hash, data_fingerprint, sharpe_per_period, periods_per_year, observations FROM trials"
                          + (dataFingerprint is null ? "" : " WHERE data_fingerprint = $data") + " ORDER BY id;";
        if (dataFingerprint is not null) cmd.Parameters.AddWithValue("$data", dataFingerprint);
        using var reader = cmd.ExecuteReader();
        var list = new List<TrialRecord>();
        while (reader.Read())
            list.Add(new TrialRecord(reader.GetString(4), reader.GetString(5), reader.GetDouble(6), reader.GetInt32(8),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(3), reader.GetString(2), reader.GetDouble(7), reader.GetInt64(0)));
        return list;
    }

    /// <summary>Trial count and Sharpe variance for the DSR (see <see cref="TrialStatistics"/>).</summary>
    public TrialStatistics Statistics(string? dataFingerprint = null)
    {
        var all = Trials(dataFingerprint);
        var latest = all.GroupBy(t => t.ConfigHash).Select(g => g.MaxBy(t => t.Id)!).ToList();
        var annual = latest.Select(t => t.AnnualisedSharpe).ToArray();
        var perPeriod = latest.Select(t => t.ValidationSharpe).ToArray();
        static double Variance(double[] x) => x.Length < 2 ? double.NaN : Math.Pow(MetricsCalculator.StdDev(x, 0), 2);
        return new TrialStatistics(latest.Count, all.Count, Variance(annual), Variance(perPeriod),
            annual.Length == 0 ? double.NaN : annual.Average(), annual.Length == 0 ? double.NaN : annual.Max());
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text: a config hash of a canonical config text, or a data
    /// fingerprint of a canonical description of the data (files, sizes, date range, symbols).</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public void Dispose() => _connection.Dispose();

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null) => SqliteFile.Execute(connection, sql, tx);

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? tx = null) => SqliteFile.Scalar(connection, sql, tx);
}
