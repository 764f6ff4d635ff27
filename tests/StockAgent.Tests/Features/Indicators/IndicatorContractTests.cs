using StockAgent.Tests.Support;

namespace StockAgent.Tests.Features.Indicators;

/// <summary>
/// The checks every indicator kernel passes (after LEAN's CommonIndicatorTests and Stock.Indicators' StaticSeriesTestBase):
/// its outputs against a reference CSV written by an independent implementation (TestData/indicators/generate.py), the
/// warm-up length (NaN before, values from), no look-ahead (changing the input after t leaves every output up to t
/// unchanged, bit for bit), argument validation naming the parameter, and buffers of another length or overlapping the
/// source refused. A derived class binds one kernel with its parameters.
/// </summary>
public abstract class IndicatorContractTests
{
    /// <summary>Relative tolerance against the reference (two implementations, two summation orders).</summary>
    private const double Tolerance = 1e-9;

    protected abstract string ReferenceFile { get; }

    /// <summary>The reference CSV's output columns, in the order <see cref="Compute"/> fills them.</summary>
    protected abstract string[] Outputs { get; }

    /// <summary>The first index at which every output has a value.</summary>
    protected abstract int WarmUp { get; }

    /// <summary>The first index at which output <paramref name="k"/> has a value (<see cref="WarmUp"/> unless it starts earlier).</summary>
    protected virtual int WarmUpOf(int k) => WarmUp;

    protected abstract void Compute(ReadOnlySpan<double> source, double[][] outputs);

    /// <summary>Calls with a bad argument, and the parameter each must name.</summary>
    protected abstract IEnumerable<(string Parameter, Action Call)> InvalidArguments();

    /// <summary>A valid input of the kernel: closes of a random walk (returns for a kernel of returns).</summary>
    protected virtual double[] Source(int seed, int length) => RandomSeries.Walk(seed, length).Close;

    private double[][] Run(ReadOnlySpan<double> source)
    {
        var outputs = new double[Outputs.Length][];
        for (int k = 0; k < outputs.Length; k++) outputs[k] = new double[source.Length];
        Compute(source, outputs);
        return outputs;
    }

    [Fact]
    public void Compute_ReferenceSeries_MatchesTheIndependentImplementation()
    {
        var csv = ReferenceCsv.Load(ReferenceFile);
        var outputs = Run(csv["x"]);
        for (int k = 0; k < Outputs.Length; k++)
        {
            var expected = csv[Outputs[k]];
            Assert.True(expected.Count(double.IsFinite) > expected.Length / 2, $"{Outputs[k]}: the reference is mostly empty");
            for (int t = 0; t < expected.Length; t++)
            {
                if (double.IsNaN(expected[t]))
                    Assert.True(double.IsNaN(outputs[k][t]), $"{Outputs[k]}[{t}] = {outputs[k][t]}, the reference has none");
                else
                    Assert.True(Math.Abs(outputs[k][t] - expected[t]) <= Tolerance * Math.Max(1, Math.Abs(expected[t])),
                        $"{Outputs[k]}[{t}] = {outputs[k][t]:R}, the reference {expected[t]:R}");
            }
        }
    }

    [Fact]
    public void Compute_WarmUp_NaNBeforeThenValues()
    {
        var outputs = Run(Source(1, WarmUp + 40));
        for (int k = 0; k < outputs.Length; k++)
        {
            var (output, name, warmUp) = (outputs[k], Outputs[k], WarmUpOf(k));
            for (int t = 0; t < warmUp; t++) Assert.True(double.IsNaN(output[t]), $"{name}[{t}] = {output[t]} inside the warm-up of {warmUp}");
            for (int t = warmUp; t < output.Length; t++) Assert.True(double.IsFinite(output[t]), $"{name}[{t}] = {output[t]} after the warm-up");
        }
    }

    [Fact]
    public void Compute_InputAfterTChanges_OutputsUpToTUnchanged()
    {
        foreach (int seed in new[] { 3, 17, 101 })
        {
            var source = Source(seed, 240);
            var original = Run(source);
            foreach (int cut in new[] { 0, 1, WarmUp - 1, WarmUp, 120, 238 })
            {
                if (cut < 0) continue;
                var changed = (double[])source.Clone();
                var other = Source(seed + 1000, source.Length);
                for (int t = cut + 1; t < changed.Length; t++) changed[t] = other[t];
                var after = Run(changed);
                for (int k = 0; k < Outputs.Length; k++)
                    Assert.True(original[k].AsSpan(0, cut + 1).SequenceEqual(after[k].AsSpan(0, cut + 1)),
                        $"{Outputs[k]}: changing the input after {cut} changed an output at or before it (seed {seed})");
            }
        }
    }

    [Fact]
    public void Compute_InvalidArguments_NameTheParameter()
    {
        var cases = InvalidArguments().ToList();
        Assert.NotEmpty(cases);
        foreach (var (parameter, call) in cases)
            Assert.Equal(parameter, Assert.ThrowsAny<ArgumentException>(call).ParamName);
    }

    [Fact]
    public void Compute_OutputOfAnotherLengthOrOverlappingTheSource_IsRefused()
    {
        var source = Source(5, 60);
        for (int k = 0; k < Outputs.Length; k++)
        {
            var shortOutputs = Outputs.Select(_ => new double[source.Length]).ToArray();
            shortOutputs[k] = new double[source.Length - 1];
            Assert.NotNull(Assert.ThrowsAny<ArgumentException>(() => Compute(source, shortOutputs)).ParamName);
            var aliased = Outputs.Select(_ => new double[source.Length]).ToArray();
            aliased[k] = source;
            Assert.NotNull(Assert.ThrowsAny<ArgumentException>(() => Compute(source, aliased)).ParamName);
        }
    }

    [Fact]
    public void Compute_EmptySource_WritesNothing()
    {
        var outputs = Outputs.Select(_ => Array.Empty<double>()).ToArray();
        Compute(ReadOnlySpan<double>.Empty, outputs);
        Assert.All(outputs, Assert.Empty);
    }
}
