namespace StockAgent.IO;

/// <summary>Writes files atomically: the content goes to a temporary file in the same folder, which is
/// then renamed over the target, so a reader or a crash never sees a half-written file.</summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    public static void WriteAllText(string path, string text) =>
        Write(path, s => { using var w = new StreamWriter(s, leaveOpen: true); w.Write(text); });

    /// <summary>Writes text through a <see cref="TextWriter"/> callback (CSV writers, JSON writers).</summary>
    public static void WriteText(string path, Action<TextWriter> write) =>
        Write(path, s => { using var w = new StreamWriter(s, leaveOpen: true); write(w); });
}
