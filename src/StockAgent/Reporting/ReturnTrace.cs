using StockAgent.Evaluation;

namespace StockAgent.Reporting;

/// <summary>A named daily series of simple returns for <see cref="BenchmarkCharts"/>: the agent, a benchmark (SPY),
/// or a baseline (equal-weight buy-and-hold, SMA crossover). <see cref="IsBenchmark"/> marks the series the others are
/// judged against; every chart draws it, in its own style.</summary>
public sealed record ReturnTrace(string Name, DateOnly[] Dates, double[] Returns, bool IsBenchmark = false)
{
    /// <summary>The trace of an evaluation's return series (its dates and returns; the other columns are not drawn).</summary>
    public static ReturnTrace Of(string name, ReturnSeries series, bool isBenchmark = false) =>
        new(name, series.Dates, series.Returns, isBenchmark);

    /// <summary>Throws <see cref="ArgumentException"/> naming the trace and its first problem: a missing name, lengths,
    /// the order of dates, a value that is not a simple return (<see cref="ReturnSeries.Validate"/>).</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new ArgumentException("a return trace needs a name.", nameof(Name));
        ArgumentNullException.ThrowIfNull(Dates);
        ArgumentNullException.ThrowIfNull(Returns);
        try
        {
            new ReturnSeries(Dates, Returns).Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"return trace '{Name}': {ex.Message}", ex.ParamName, ex);
        }
    }
}
