using StockAgent.Experiments;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Experiments;

/// <summary>The evaluation record (evaluation.json with returns.csv and draws.csv) reads back what was written.</summary>
[Collection(TorchCollection.Name)]
public class EvaluationRecordTests(EvaluatedRuns runs) : IClassFixture<EvaluatedRuns>
{
    private EvaluationReport Evaluate() => EvaluationRun.Run(runs.Context, new EvaluationSettings { Models = [runs.Models[0]], Resamples = 200, Seed = 4 });

    [Fact]
    public void WrittenThenLoaded_GivesTheSameJson_Returns_AndDraws()
    {
        var report = Evaluate();
        using var dir = new TempFolder();
        string json = EvaluationRecord.Write(report, dir.Combine("eval"));
        Assert.Equal(["draws.csv", "evaluation.csv", "evaluation.json", "returns.csv", "slices.csv"], Directory.GetFiles(dir.Combine("eval")).Select(Path.GetFileName).Order());

        var loaded = EvaluationRecord.Load(json);

        Assert.Equal(EvaluationReportJson.Serialize(report), EvaluationReportJson.Serialize(loaded));
        Assert.Equal(report.Data, loaded.Data with { Symbols = report.Data.Symbols });
        Assert.Equal(report.Data.Symbols, loaded.Data.Symbols);
        Assert.Equal(report.Costs, loaded.Costs);
        Assert.Contains("commission 5 bps", loaded.Costs);
        for (int s = 0; s < report.Sets.Count; s++)
            for (int c = 0; c < report.Sets[s].Scores.Count; c++)
            {
                var (a, b) = (report.Sets[s].Scores[c], loaded.Sets[s].Scores[c]);
                Assert.Equal(a.Returns!.Dates, b.Returns!.Dates);
                Assert.Equal(a.Returns.Returns, b.Returns.Returns); // "R" round-trips every double exactly
                Assert.Equal(200, b.Statistics.Draws.Resamples);
                Assert.Equal(a.Statistics.Draws.Sharpe, b.Statistics.Draws.Sharpe);
                Assert.Equal(a.Statistics.Draws.MaxDrawdown, b.Statistics.Draws.MaxDrawdown);
            }
        // The folder itself names the record too.
        Assert.Equal(EvaluationReportJson.Serialize(report), EvaluationReportJson.Serialize(EvaluationRecord.Load(dir.Combine("eval"))));
    }

    [Fact]
    public void WithoutItsCsvFiles_TheJsonAloneLoads_WithNoReturnsOrDraws()
    {
        var report = Evaluate();
        using var dir = new TempFolder();
        var json = dir.File("evaluation.json", EvaluationReportJson.Serialize(report));

        var loaded = EvaluationRecord.Load(json);

        Assert.All(loaded.Sets.SelectMany(s => s.Scores), s => Assert.Null(s.Returns));
        Assert.All(loaded.Sets.SelectMany(s => s.Scores), s => Assert.Equal(0, s.Statistics.Draws.Resamples));
        Assert.Equal(EvaluationReportJson.Serialize(report), EvaluationReportJson.Serialize(loaded));
    }

    [Fact]
    public void BadRecords_AreClearErrors_NamingFileLineOrField()
    {
        var report = Evaluate();
        using var dir = new TempFolder();
        string json = EvaluationRecord.Write(report, dir.Path);

        File.WriteAllText(dir.Combine("returns.csv"), "test_set,candidate,date,return\ntest period,random,2020-01-02,0.01\ntest period,random,2020-01-03,abc\n");
        var ex = Assert.Throws<InvalidDataException>(() => EvaluationRecord.Load(json));
        Assert.Contains("returns.csv:3", ex.Message);
        Assert.Contains("'abc' is not a number", ex.Message);

        File.WriteAllText(dir.Combine("returns.csv"), "date,return\n");
        Assert.Contains("returns.csv:1: expected the header", Assert.Throws<InvalidDataException>(() => EvaluationRecord.Load(json)).Message);
        File.Delete(dir.Combine("returns.csv"));

        File.WriteAllText(json, File.ReadAllText(json).Replace("\"format\": 1", "\"format\": 9"));
        var newer = Assert.Throws<InvalidDataException>(() => EvaluationRecord.Load(json));
        Assert.Contains("format 9 is newer", newer.Message);
        Assert.Contains(json, newer.Message);

        File.WriteAllText(json, "{\"data\": {}}");
        Assert.Contains("no format number", Assert.Throws<InvalidDataException>(() => EvaluationRecord.Load(json)).Message);
        File.WriteAllText(json, "{\"format\": 1}");
        Assert.Contains("missing 'data'", Assert.Throws<InvalidDataException>(() => EvaluationRecord.Load(json)).Message);
        File.WriteAllText(json, "not json");
        Assert.Contains("not JSON", Assert.Throws<InvalidDataException>(() => EvaluationRecord.Load(json)).Message);
        Assert.Throws<FileNotFoundException>(() => EvaluationRecord.Load(dir.Combine("nowhere/evaluation.json")));
    }
}
