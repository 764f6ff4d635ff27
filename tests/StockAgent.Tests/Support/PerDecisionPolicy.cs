using StockAgent.Agents;
using StockAgent.Market;

namespace StockAgent.Tests.Support;

/// <summary>A policy without <see cref="IBatchPolicy"/>: the collector then runs one backtest per episode, one
/// decision at a time, instead of stepping episodes in lockstep.</summary>
public sealed class PerDecisionPolicy(IPolicy inner) : IPolicy
{
    public string Id => inner.Id;
    public string Version => inner.Version;
    public ActionSpace Actions => inner.Actions;
    public IPolicySession Begin(PriceSeries series, int seed) => inner.Begin(series, seed);
}
