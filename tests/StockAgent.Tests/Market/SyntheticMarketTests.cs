using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Market;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Market;

public class SyntheticMarketTests
{
    private static Arbitrary<SyntheticMarketOptions> SmallOptions() =>
        (from seed in Gen.Choose(0, int.MaxValue - 1)
         from symbols in Gen.Choose(1, 6)
         from sectors in Gen.Choose(1, symbols)
         from years in Gen.Choose(1, 3)
         from signal in Gen.Elements(0.0, 0.5, 1.0)
         select new SyntheticMarketOptions { Seed = seed, Symbols = symbols, Sectors = sectors, Years = years, SignalStrength = signal }).ToArbitrary();

    [Property(MaxTest = 30)]
    public Property Generate_SameOptions_SamePrices() =>
        Prop.ForAll(SmallOptions(), o =>
        {
            var a = SyntheticMarket.Generate(o);
            var b = SyntheticMarket.Generate(o);
            return a.Series.Keys.SequenceEqual(b.Series.Keys)
                && a.Series.All(kv => kv.Value.Close.SequenceEqual(b[kv.Key].Close) && kv.Value.Open.SequenceEqual(b[kv.Key].Open)
                                      && kv.Value.Volume.SequenceEqual(b[kv.Key].Volume))
                && a.Benchmark!.Close.SequenceEqual(b.Benchmark!.Close);
        });

    [Property(MaxTest = 30)]
    public Property Generate_PricesPositiveFiniteAndOhlcOrdered() =>
        Prop.ForAll(SmallOptions(), o =>
        {
            var market = SyntheticMarket.Generate(o);
            foreach (var s in market.Series.Values.Append(market.Benchmark!))
                for (int i = 0; i < s.Count; i++)
                    if (!(s.Low[i] > 0 && double.IsFinite(s.High[i]) && s.Low[i] <= Math.Min(s.Open[i], s.Close[i])
                          && s.High[i] >= Math.Max(s.Open[i], s.Close[i]) && s.Volume[i] >= 0))
                        return false;
            return market.Series.Count == o.Symbols && market.Sectors.Count() == o.Sectors;
        });

    [Fact]
    public void Generate_DifferentSeeds_DifferentPrices()
    {
        var a = SyntheticMarket.Generate(new SyntheticMarketOptions { Seed = 1, Symbols = 2, Sectors = 1, Years = 1 });
        var b = SyntheticMarket.Generate(new SyntheticMarketOptions { Seed = 2, Symbols = 2, Sectors = 1, Years = 1 });
        Assert.NotEqual(a["S001"].Close, b["S001"].Close);
    }

    [Fact]
    public void Generate_EveryRegimeOccurs_InTheDefaultMarket()
    {
        var truth = SyntheticMarket.GenerateWithTruth(new SyntheticMarketOptions());
        Assert.Equal(6, truth.DailyRegime.Distinct().Count());
        Assert.Equal(truth.Data.Benchmark!.Count, truth.DailyRegime.Length);
    }

    [Theory]
    [InlineData(0.0, -0.02, 0.06)]
    [InlineData(0.5, 0.08, 0.20)]
    [InlineData(1.0, 0.18, 0.32)]
    public void SignalStrength_PlantsMomentumVisibleInPastPrices(double strength, double lo, double hi)
    {
        // Correlation of the mean of the last five daily log returns with the next day's return.
        // Measured with seed 11: 0.028 at 0, 0.128 at 0.5, 0.250 at 1.
        var market = SyntheticMarket.Generate(new SyntheticMarketOptions { SignalStrength = strength, Seed = 11 });
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var s in market.Series.Values)
            for (int t = 6; t < s.Count - 1; t++)
            {
                xs.Add(Math.Log(s.Close[t] / s.Close[t - 5]) / 5);
                ys.Add(Math.Log(s.Close[t + 1] / s.Close[t]));
            }
        double corr = MathNet.Numerics.Statistics.Correlation.Pearson(xs, ys);
        Assert.InRange(corr, lo, hi);
    }

    [Fact]
    public void Options_OutOfRange_GiveClearErrors()
    {
        Assert.Contains("sectors", Assert.Throws<ArgumentException>(() => SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 2, Sectors = 3 })).Message);
        Assert.Contains("signal", Assert.Throws<ArgumentException>(() => SyntheticMarket.Generate(new SyntheticMarketOptions { SignalStrength = 2 })).Message);
        Assert.Contains("symbols", Assert.Throws<ArgumentException>(() => SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 0 })).Message);
    }

    [Fact]
    public void WriteMarket_ThenLoad_RoundTripsExactly()
    {
        using var dir = new TempFolder();
        var market = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 3, Sectors = 2, Years = 1 });

        MarketCsvWriter.WriteMarket(dir.Path, market);
        var loaded = MarketCsvLoader.LoadFolder(dir.Path);

        Assert.Equal(0, loaded.Errors);
        Assert.Equal(market.Series.Keys.Order(), loaded.Data.Series.Keys.Order());
        foreach (var (symbol, s) in market.Series)
        {
            Assert.Equal(s.Close, loaded.Data[symbol].Close);
            Assert.Equal(s.High, loaded.Data[symbol].High);
            Assert.Equal(s.Dates, loaded.Data[symbol].Dates);
            Assert.Equal(market.SectorOf(symbol), loaded.Data.SectorOf(symbol));
        }
        Assert.Equal(SyntheticMarket.BenchmarkSymbol, loaded.Data.Benchmark!.Symbol);
    }

    [Fact]
    public void SynthCommand_WritesSymbolsBenchmarkAndUniverse()
    {
        using var dir = new TempFolder();

        var run = CliRunner.Run("data", "synth", "--symbols", "4", "--sectors", "2", "--years", "1", "--seed", "3", "--out", dir.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(6, Directory.GetFiles(dir.Path, "*.csv").Length);
        Assert.Equal(5, File.ReadAllLines(dir.Combine("universe.csv")).Length - 1);
        Assert.Contains("wrote 6 files", run.Stdout);
    }

    [Theory]
    [InlineData("--symbols", "0")]
    [InlineData("--sectors", "50")]
    public void SynthCommand_BadArguments_ExitTwoWithOneLine(string option, string value)
    {
        using var dir = new TempFolder();
        var run = CliRunner.Run("data", "synth", option, value, "--out", dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Stderr);
    }
}
