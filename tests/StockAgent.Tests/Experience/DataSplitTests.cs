using StockAgent.Experience;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Experience;

public class DataSplitTests
{
    private static readonly DateOnly[] Calendar = SeriesBuilder.Dates(1000);
    private static readonly string[] Symbols = Enumerable.Range(1, 20).Select(i => $"S{i:000}").ToArray();

    [Fact]
    public void Resolve_CountsPeriodsBackFromTheEnd_WithEmbargoes()
    {
        var split = DataSplit.Parse("test_last_days: 90\nvalidation_days: 100\nembargo_days: 5\nheld_out_fraction: 0.1\n");

        var r = split.Resolve(Calendar, Symbols);

        Assert.Equal(Calendar[910], r.TestStart);
        Assert.Equal(Calendar[999], r.TestEnd);
        Assert.Equal(Calendar[904], r.ValidationEnd);
        Assert.Equal(Calendar[805], r.ValidationStart);
        Assert.Equal(Calendar[799], r.TrainEnd);
        Assert.Equal(Calendar[0], r.TrainStart);
        Assert.Equal(2, r.HeldOutSymbols.Count);
        Assert.Equal(18, r.TrainingSymbols.Count);
        Assert.Empty(r.HeldOutSymbols.Intersect(r.TrainingSymbols));
    }

    [Fact]
    public void Resolve_SameSeed_SameHeldOutSymbols() =>
        Assert.Equal(DataSplit.Parse("seed: 3").Resolve(Calendar, Symbols).HeldOutSymbols, DataSplit.Parse("seed: 3").Resolve(Calendar, Symbols).HeldOutSymbols);

    [Fact]
    public void AllowsTraining_OnlyTrainingSymbolsInsideTheTrainingPeriod()
    {
        var r = DataSplit.Parse("held_out_symbols: [S001]").Resolve(Calendar, Symbols);
        Assert.True(r.AllowsTraining("S002", Calendar[10], Calendar[70]));
        Assert.False(r.AllowsTraining("S001", Calendar[10], Calendar[70]));
        Assert.False(r.AllowsTraining("S002", Calendar[10], r.TestStart));
        Assert.Equal(["S001"], r.HeldOutSymbols);
    }

    [Theory]
    [InlineData("test_last_days: [1, 2]\n", "split.yaml:1")]
    [InlineData("seed: 1\nembargo_days: ten\n", "split.yaml:2")]
    [InlineData("test_last_days: 0\n", "test_last_days must be at least 1")]
    [InlineData("held_out_fraction: 1.5\n", "held_out_fraction must be in [0, 1)")]
    [InlineData("train_start: yesterday\n", "train_start 'yesterday' is not a date")]
    [InlineData("unknown_key: 3\n", "split.yaml:1")]
    public void Parse_BadYaml_NamesFileLineAndProblem(string yaml, string expected)
    {
        var ex = Assert.Throws<InvalidDataException>(() => DataSplit.Parse(yaml, "split.yaml"));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Resolve_TooLittleTrainingData_IsAClearError()
    {
        var ex = Assert.Throws<InvalidDataException>(() => DataSplit.Parse("test_last_days: 900").Resolve(Calendar, Symbols));
        Assert.Contains("training days", ex.Message);
    }

    [Fact]
    public void Resolve_UnknownHeldOutSymbol_IsAClearError()
    {
        var ex = Assert.Throws<InvalidDataException>(() => DataSplit.Parse("held_out_symbols: [ZZZ]").Resolve(Calendar, Symbols));
        Assert.Contains("'ZZZ'", ex.Message);
    }

    [Fact]
    public void DefaultFile_Parses()
    {
        var split = DataSplit.Load(Path.Combine(RepoPaths.Root, "data", "config", "splits", "default.yaml"));
        Assert.Equal(90, split.TestLastDays);
        Assert.Contains("test_last_days", split.SourceText);
    }
}
