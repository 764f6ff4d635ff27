using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Market;
using StockAgent.Training;

namespace StockAgent.Tests.Training;

/// <summary>A small synthetic market with a planted signal, its default split, and a one-epoch SFT policy on it:
/// the starting point of the RL tests that check behaviour rather than learning (seconds, not minutes).</summary>
internal static class SmallRlSetup
{
    private static readonly Lazy<(MarketData Market, ResolvedSplit Split)> Setup = new(() =>
    {
        var market = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 8, Sectors = 2, Years = 3, Seed = 5, SignalStrength = 1.0 });
        return (market, DataSplit.Default.Resolve(market.Series.Values.First().Dates, market.Symbols.ToArray()));
    });

    public static MarketData Market => Setup.Value.Market;
    public static ResolvedSplit Split => Setup.Value.Split;

    public static NeuralPolicy Sft() =>
        SftTrainer.Train(Market, Split, new SftOptions { Epochs = 1, Hidden = [16], LoraRank = 4, Seed = 3 }).Policy;
}
