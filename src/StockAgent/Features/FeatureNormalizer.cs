using System.Text.Json.Serialization;

namespace StockAgent.Features;

/// <summary>
/// Per-feature standardisation fitted on training rows only: z = (x - mean) / std, clipped to +/- <see cref="Clip"/>;
/// a NaN input or a feature with zero spread maps to 0. Means and standard deviations (population) are saved with
/// the model so inference normalises exactly as training did.
/// </summary>
public sealed record FeatureNormalizer
{
    [JsonConstructor]
    public FeatureNormalizer(double[] mean, double[] std, double clip = 5)
    {
        if (mean.Length != std.Length) throw new ArgumentException($"normaliser: {mean.Length} means but {std.Length} deviations.");
        Mean = mean;
        Std = std;
        Clip = clip;
    }

    public double[] Mean { get; }
    public double[] Std { get; }
    public double Clip { get; }

    public int Size => Mean.Length;

    /// <summary>The identity (no scaling) for <paramref name="size"/> features.</summary>
    public static FeatureNormalizer Identity(int size) => new(new double[size], Enumerable.Repeat(1.0, size).ToArray(), double.PositiveInfinity);

    /// <summary>Fits on <paramref name="rows"/> (row-major, <paramref name="size"/> columns), ignoring NaN.</summary>
    public static FeatureNormalizer Fit(ReadOnlySpan<float> rows, int size, double clip = 5)
    {
        if (size < 1 || rows.Length % size != 0) throw new ArgumentException($"normaliser: {rows.Length} values are not rows of {size}.");
        var sum = new double[size];
        var sumSq = new double[size];
        var count = new long[size];
        for (int i = 0; i < rows.Length; i++)
        {
            float v = rows[i];
            if (float.IsNaN(v)) continue;
            int f = i % size;
            sum[f] += v;
            sumSq[f] += (double)v * v;
            count[f]++;
        }
        var mean = new double[size];
        var std = new double[size];
        for (int f = 0; f < size; f++)
        {
            if (count[f] == 0) continue;
            mean[f] = sum[f] / count[f];
            std[f] = Math.Sqrt(Math.Max(0, sumSq[f] / count[f] - mean[f] * mean[f]));
        }
        return new FeatureNormalizer(mean, std, clip);
    }

    /// <summary>Normalises rows from <paramref name="source"/> into <paramref name="destination"/> (same length).</summary>
    public void Apply(ReadOnlySpan<float> source, Span<float> destination)
    {
        if (source.Length % Size != 0 || destination.Length < source.Length)
            throw new ArgumentException($"normaliser expects rows of {Size} values (got {source.Length}).");
        for (int i = 0; i < source.Length; i++)
        {
            int f = i % Size;
            float v = source[i];
            destination[i] = float.IsNaN(v) || !(Std[f] > 0) ? 0f : (float)Math.Clamp((v - Mean[f]) / Std[f], -Clip, Clip);
        }
    }
}
