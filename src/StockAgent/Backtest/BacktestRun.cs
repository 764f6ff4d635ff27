using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Backtest;

/// <summary>One single-symbol backtest of <see cref="Backtester.RunMany"/>: bars [<see cref="Start"/>,
/// <see cref="End"/>] (inclusive) of <see cref="Series"/>, the session's seed, and the observations the policy reads
/// (null for a policy that reads the bars only).</summary>
public readonly record struct BacktestRun(PriceSeries Series, int Start, int End, int Seed, IObservationSource? Observations);
