namespace StockAgent.Features;

/// <summary>The argument checks every indicator kernel makes before its one pass.</summary>
internal static class IndicatorArguments
{
    public static void Period(int period, int minimum, string name)
    {
        if (period < minimum)
            throw new ArgumentOutOfRangeException(name, $"{name} must be at least {minimum} (got {period}).");
    }

    /// <summary>An output must have the source's length and must not overlap it (kernels read earlier inputs after
    /// writing later outputs).</summary>
    public static void Output(ReadOnlySpan<double> source, ReadOnlySpan<double> output, string name)
    {
        if (output.Length != source.Length)
            throw new ArgumentException($"{name} holds {output.Length} values but the source has {source.Length}.", name);
        if (source.Overlaps(output))
            throw new ArgumentException($"{name} overlaps the source; pass a separate buffer.", name);
    }

    /// <summary>Outputs of one kernel must not overlap each other either.</summary>
    public static void Separate(ReadOnlySpan<double> a, string nameA, ReadOnlySpan<double> b, string nameB)
    {
        if (a.Overlaps(b)) throw new ArgumentException($"{nameA} and {nameB} overlap; pass separate buffers.", nameB);
    }
}
