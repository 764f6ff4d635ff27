using StockAgent.Evaluation;

namespace StockAgent.Experiments;

/// <summary>One candidate's score on one test set: every statistic of its equal-weight portfolio's daily returns
/// (against the market's benchmark), the number of symbols it traded, its regime and sector slices, and the label its
/// numbers carry (IN-SAMPLE, "used for model selection", or the set's kind of out-of-sample), and the daily returns
/// the statistics were computed from (null when read from an evaluation record without its returns.csv).</summary>
public sealed record CandidateScore(string Name, string Kind, string Label, int Symbols, ReturnEvaluation Statistics, IReadOnlyList<SliceRow> Slices,
    ReturnSeries? Returns = null)
{
    public bool InSample => Label == "IN-SAMPLE";
}
