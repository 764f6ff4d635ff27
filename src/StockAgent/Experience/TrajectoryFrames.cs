using Deedle;
using Microsoft.Data.Analysis;

namespace StockAgent.Experience;

/// <summary>Views for notebooks: a Microsoft.Data.Analysis DataFrame with one row per trajectory, and a Deedle
/// frame of one trajectory's steps indexed by step number.</summary>
public static class TrajectoryFrames
{
    public static DataFrame ToDataFrame(IReadOnlyList<TrajectorySummary> rows)
    {
        static DoubleDataFrameColumn Num(string name, IEnumerable<double> values) => new(name, values.Select(v => (double?)(double.IsNaN(v) ? null : v)));
        return new DataFrame(
            new Int64DataFrameColumn("id", rows.Select(r => r.Id)),
            new Int64DataFrameColumn("batch", rows.Select(r => r.Metadata.BatchId)),
            new StringDataFrameColumn("symbol", rows.Select(r => r.Metadata.Symbol)),
            new StringDataFrameColumn("sector", rows.Select(r => r.Metadata.Sector)),
            new StringDataFrameColumn("regime", rows.Select(r => r.Metadata.Regime)),
            new DateTimeDataFrameColumn("start", rows.Select(r => (DateTime?)r.Metadata.Start.ToDateTime(TimeOnly.MinValue))),
            new DateTimeDataFrameColumn("end", rows.Select(r => (DateTime?)r.Metadata.End.ToDateTime(TimeOnly.MinValue))),
            new StringDataFrameColumn("policy", rows.Select(r => r.Metadata.PolicyId)),
            new Int64DataFrameColumn("group", rows.Select(r => r.Metadata.GroupId)),
            Num("realized_vol", rows.Select(r => r.Metadata.RealizedVolatility)),
            Num("pnl", rows.Select(r => r.Stats.Pnl)),
            Num("return", rows.Select(r => r.Stats.Return)),
            Num("sharpe", rows.Select(r => r.Stats.Sharpe)),
            Num("max_drawdown", rows.Select(r => r.Stats.MaxDrawdown)),
            new Int32DataFrameColumn("trades", rows.Select(r => r.Stats.Trades)),
            Num("win_rate", rows.Select(r => r.Stats.WinRate)),
            Num("mean_exposure", rows.Select(r => r.Stats.MeanExposure)),
            Num("reward", rows.Select(r => r.Reward)),
            new Int32DataFrameColumn("steps", rows.Select(r => r.Steps)));
    }

    /// <summary>Columns: action, log_prob, reward, exposure, equity, then one column per observation value
    /// (named by <paramref name="observationNames"/> when given, else obs_0, obs_1, ...).</summary>
    public static Frame<int, string> StepsToDeedle(Trajectory t, IReadOnlyList<string>? observationNames = null)
    {
        var index = Enumerable.Range(0, t.Steps).ToArray();
        var columns = new List<KeyValuePair<string, Series<int, double>>>
        {
            new("action", new Series<int, double>(index, t.Actions.Select(a => (double)a))),
            new("log_prob", new Series<int, double>(index, t.LogProbs)),
            new("reward", new Series<int, double>(index, t.Rewards)),
            new("exposure", new Series<int, double>(index, t.Exposures)),
            new("equity", new Series<int, double>(index, t.Equity)),
        };
        for (int f = 0; f < t.ObservationSize; f++)
        {
            var name = observationNames is not null && f < observationNames.Count ? observationNames[f] : $"obs_{f}";
            columns.Add(new(name, new Series<int, double>(index, index.Select(i => (double)t.Observations[i * t.ObservationSize + f]))));
        }
        return Frame.FromColumns(columns);
    }
}
