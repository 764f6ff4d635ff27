using Microsoft.Data.Sqlite;

namespace StockAgent.IO;

/// <summary>What the kit's SQLite files (the experience library, the experiment registry) share: an unpooled
/// connection in read-only or read-write-create mode, opened with a busy timeout and, for writers, write-ahead logging
/// (readers never block a writer), and one-statement helpers.</summary>
internal static class SqliteFile
{
    public static SqliteConnection Connection(string fullPath, bool readOnly) => new(new SqliteConnectionStringBuilder
    {
        DataSource = fullPath,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString());

    /// <summary>Opens <paramref name="connection"/>, waiting up to <paramref name="busyTimeoutMs"/> for a lock; a writer
    /// switches the file to WAL.</summary>
    public static void Open(SqliteConnection connection, bool readOnly, int busyTimeoutMs)
    {
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout = {busyTimeoutMs};");
        if (!readOnly) Execute(connection, "PRAGMA journal_mode = WAL;");
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
