using StockAgent.Agents;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Cli;

/// <summary>`backtest --vol-target`: a baseline sized to a target volatility, as the library's wrapper runs it.</summary>
public class VolatilityTargetedBacktestCommandTests
{
    [Fact]
    public void Backtest_VolTarget_EqualsTheWrappedPolicysBacktest_AndLowersExposure()
    {
        var sized = CliRunner.Run("backtest", "--strategy", "buy-and-hold", "--symbols", "S003", "--json", "--vol-target", "0.1");
        var plain = CliRunner.Run("backtest", "--strategy", "buy-and-hold", "--symbols", "S003", "--json");
        Assert.True(sized.ExitCode == 0, sized.Stderr);
        double Metric(CliRunner.Result r, string key)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
            return doc.RootElement.GetProperty("symbols").GetProperty("S003").GetProperty(key).GetDouble();
        }
        var market = StockAgent.Market.SyntheticMarket.Generate(new StockAgent.Market.SyntheticMarketOptions());
        var direct = StockAgent.Backtest.Backtester.Run(new VolatilityTargetedPolicy(new BuyAndHoldPolicy(), new VolatilityTarget(0.1)), market["S003"]);
        Assert.Equal(direct.FinalEquity, Metric(sized, "final_equity"), 6);
        Assert.True(Metric(sized, "exposure") < Metric(plain, "exposure"), $"exposure {Metric(sized, "exposure")} against {Metric(plain, "exposure")}");

        var bad = CliRunner.Run("backtest", "--strategy", "buy-and-hold", "--vol-target", "-1");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--vol-target must be a positive annualised volatility", bad.Stderr);
    }
}
