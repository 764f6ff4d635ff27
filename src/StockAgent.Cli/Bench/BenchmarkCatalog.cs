using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Market;

namespace StockAgent.Cli.Bench;

/// <summary>The kit's hot paths; each area adds its benchmarks here.</summary>
public static class BenchmarkCatalog
{
    public static IEnumerable<IBenchmark> All(MarketData market, string? dataDirectory)
    {
        var series = market.Universe.Select(u => market[u.Symbol]).ToList();
        var sma = new SmaCrossoverPolicy(50, 200);
        if (dataDirectory is not null)
            yield return new DelegateBenchmark("data: load and validate folder", "bars",
                () => MarketCsvLoader.LoadFolder(dataDirectory).Files.Sum(f => (long)f.Bars));
        yield return new DelegateBenchmark("backtest: sma-crossover, every symbol, 1 thread", "bars", () =>
        {
            long bars = 0;
            foreach (var s in series) bars += Backtester.Run(sma, s).Days;
            return bars;
        });
        yield return new DelegateBenchmark("backtest: sma-crossover portfolio", "bars", () =>
        {
            var r = PortfolioBacktester.Run(sma, series);
            return (long)r.Dates.Length * series.Count;
        });
    }
}
