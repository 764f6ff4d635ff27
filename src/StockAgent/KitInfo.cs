namespace StockAgent;

/// <summary>Facts about this installation of the kit: where data comes from and whether libtorch loads.</summary>
public static class KitInfo
{
    /// <summary>The shared real-market folder looked for beside the repository (../shared/data/market).</summary>
    public static string? FindSharedMarketFolder(string? start = null)
    {
        var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory);
        for (; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "market");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static string DefaultDataDescription() => "the embedded synthetic market (pass --data DIR for CSVs)";

    public static string TorchStatus()
    {
        try
        {
            using var t = TorchSharp.torch.ones(2, 2);
            return $"libtorch loaded (TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version}), cuda available: {TorchSharp.torch.cuda.is_available()}, intra-op threads: {TorchSharp.torch.get_num_threads()}";
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or NotSupportedException)
        {
            return "libtorch failed to load: " + ex.Message;
        }
    }
}
