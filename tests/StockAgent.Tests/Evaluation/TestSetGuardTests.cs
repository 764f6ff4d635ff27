using StockAgent.Evaluation;
using StockAgent.Experience;

namespace StockAgent.Tests.Evaluation;

public class TestSetGuardTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    // Trained on A, B over 2010..2016; validated 2017; tested from mid-2018; C held out.
    private static readonly ResolvedSplit Trained = new(D("2010-01-04"), D("2016-12-15"), D("2017-01-03"), D("2017-12-15"), D("2018-01-02"), D("2018-05-31"), ["A", "B"], ["C"]);

    [Fact]
    public void TrainingSymbolsOverTheTrainingPeriod_AreRefused_NamingTheOverlap()
    {
        var set = new TestSet("mine", TestSet.OutOfTime, ["B", "C"], D("2016-06-01"), D("2018-05-31"));
        var ex = Assert.Throws<InvalidDataException>(() => TestSetGuard.Check(set, Trained));
        Assert.Contains("test set 'mine' (2016-06-01..2018-05-31) overlaps the training data: B from 2016-06-01 to 2016-12-15", ex.Message);
        var allowed = TestSetGuard.Check(set, Trained, allowInSample: true);
        Assert.True(allowed.InSample);
        Assert.Equal("IN-SAMPLE", allowed.Label);
    }

    [Fact]
    public void ValidationOverlap_IsAllowedButLabelled()
    {
        var check = TestSetGuard.Check(new TestSet("recent", TestSet.OutOfTime, ["A"], D("2017-06-01"), D("2018-05-31")), Trained);
        Assert.False(check.InSample);
        Assert.True(check.UsedForModelSelection);
        Assert.Equal("used for model selection", check.Label);
    }

    [Fact]
    public void LaterPeriodsAndUnseenSymbols_AreAccepted()
    {
        Assert.Equal(TestSet.OutOfTime, TestSetGuard.Check(new TestSet("later", TestSet.OutOfTime, ["A", "B"], D("2018-01-02"), D("2020-01-02")), Trained).Label);
        var heldOut = TestSetGuard.Check(new TestSet("held out", TestSet.OutOfSymbolInTime, ["C", "Z"], D("2005-01-03"), D("2018-05-31")), Trained);
        Assert.False(heldOut.InSample);
        Assert.Equal(TestSet.OutOfSymbolInTime, heldOut.Label);
    }

    [Fact]
    public void Defaults_AreOutOfSample_ByConstruction()
    {
        var calendar = Enumerable.Range(0, 3000).Select(i => D("2008-01-01").AddDays(i)).ToArray();
        var split = DataSplit.Default.Resolve(calendar, ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]);
        var sets = TestSets.Defaults(split, calendar);
        Assert.Equal(3, sets.Count);
        Assert.All(sets, s => Assert.False(TestSetGuard.Check(s, split).InSample));
        Assert.Equal(90, calendar.Count(d => d >= sets[0].From));
        Assert.Equal(split.HeldOutSymbols, sets[1].Symbols);
        // Asking for more test days than the split kept out reaches into validation (labelled) and then training (refused).
        Assert.True(TestSetGuard.Check(TestSets.Defaults(split, calendar, testDays: 200)[0], split).UsedForModelSelection);
        Assert.Throws<InvalidDataException>(() => TestSetGuard.Check(TestSets.Defaults(split, calendar, testDays: 500)[0], split));
    }
}
