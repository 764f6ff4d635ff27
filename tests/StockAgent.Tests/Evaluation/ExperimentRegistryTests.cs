using StockAgent.Evaluation;
using StockAgent.Statistics;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Evaluation;

public class ExperimentRegistryTests
{
    private static TrialRecord Trial(string config, double sharpePerDay, string data = "data-1", string kind = "train") =>
        new(config, data, sharpePerDay, 252, new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), $"run {config}", kind);

    [Fact]
    public void Record_RoundTrips_AndAnnualises()
    {
        using var dir = new TempFolder();
        using (var registry = ExperimentRegistry.Open(dir.Combine("runs/experiments.db")))
        {
            long id = registry.Record(Trial("abc", 0.05));
            Assert.True(id > 0);
        }
        using var read = ExperimentRegistry.Open(dir.Combine("runs/experiments.db"), readOnly: true);
        var t = Assert.Single(read.Trials());
        Assert.Equal(Trial("abc", 0.05) with { Id = t.Id }, t);
        Assert.Equal(0.05 * Math.Sqrt(252), t.AnnualisedSharpe, 12);
    }

    [Fact]
    public void Statistics_CountsDistinctConfigurations_WithTheirLatestSharpe()
    {
        using var dir = new TempFolder();
        using var registry = ExperimentRegistry.Open(dir.Combine("experiments.db"));
        registry.Record(Trial("a", 0.01));
        registry.Record(Trial("b", 0.03));
        registry.Record(Trial("a", 0.02, kind: "evaluate")); // a again: its latest record counts
        registry.Record(Trial("c", 0.07));
        registry.Record(Trial("d", 0.5, data: "other"));
        var all = registry.Statistics();
        Assert.Equal(4, all.Trials);
        Assert.Equal(5, all.Records);
        var one = registry.Statistics("data-1");
        Assert.Equal(3, one.Trials);
        // per-day Sharpe 0.02, 0.03, 0.07: mean 0.04, sample variance ((0.02)^2 + (0.01)^2 + (0.03)^2) / 2 = 0.0007
        Assert.Equal(0.0007, one.SharpeVariancePerPeriod, 12);
        Assert.Equal(0.0007 * 252, one.SharpeVarianceAnnualised, 10);
        Assert.Equal(0.07 * Math.Sqrt(252), one.MaxSharpeAnnualised, 12);
        var options = new ReturnEvaluationOptions().WithTrials(one);
        Assert.Equal(3, options.Trials);
        Assert.Equal(0.0007 * 252, options.TrialSharpeVariance!.Value, 10);
        Assert.True(double.IsNaN(registry.Statistics("nothing").SharpeVarianceAnnualised));
    }

    [Fact]
    public void ConcurrentAppends_FromTwoConnections_KeepEveryRecord()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("experiments.db");
        ExperimentRegistry.Open(path).Dispose();
        Parallel.For(0, 2, writer =>
        {
            using var registry = ExperimentRegistry.Open(path);
            for (int i = 0; i < 150; i++) registry.Record(Trial($"w{writer}-{i}", i / 1000.0));
        });
        using var read = ExperimentRegistry.Open(path, readOnly: true);
        var trials = read.Trials();
        Assert.Equal(300, trials.Count);
        Assert.Equal(300, trials.Select(t => t.Id).Distinct().Count());
        Assert.Equal(300, read.Statistics().Trials);
    }

    [Fact]
    public void BadInput_IsRefusedWithAClearMessage()
    {
        using var dir = new TempFolder();
        Assert.Throws<FileNotFoundException>(() => ExperimentRegistry.Open(dir.Combine("missing.db"), readOnly: true));
        var notDb = dir.File("notes.db", "this is not a database, just some text that is long enough to fill a header ......");
        Assert.Throws<InvalidDataException>(() => ExperimentRegistry.Open(notDb));
        using var registry = ExperimentRegistry.Open(dir.Combine("experiments.db"));
        Assert.Equal("ValidationSharpe", Assert.Throws<ArgumentException>(() => registry.Record(Trial("x", double.NaN))).ParamName);
        Assert.Equal("ConfigHash", Assert.Throws<ArgumentException>(() => registry.Record(Trial(" ", 0.1))).ParamName);
        Assert.Equal(64, ExperimentRegistry.Hash("config: 1").Length);
        Assert.Equal(ExperimentRegistry.Hash("a"), ExperimentRegistry.Hash("a"));
        Assert.NotEqual(ExperimentRegistry.Hash("a"), ExperimentRegistry.Hash("b"));
    }
}
