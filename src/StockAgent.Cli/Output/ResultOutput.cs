using StockAgent.IO;

namespace StockAgent.Cli;

/// <summary>How a result command ends: the JSON or the text table on standard output, and with --out the JSON and CSV
/// files written atomically into that folder (said through <c>log</c>).</summary>
public static class ResultOutput
{
    /// <param name="files">(file name, content) pairs written under <paramref name="outDir"/>; the JSON first.</param>
    public static void Emit(TextWriter o, bool asJson, string json, Action<TextWriter> print, string? outDir, Action<string> log,
        params (string Name, string Text)[] files)
    {
        if (asJson) o.WriteLine(json);
        else print(o);
        if (outDir is null) return;
        foreach (var (name, text) in files) AtomicFile.WriteAllText(Path.Combine(outDir, name), text);
        log($"wrote {string.Join(", ", files.Select(f => f.Name))} to {outDir}");
    }
}
