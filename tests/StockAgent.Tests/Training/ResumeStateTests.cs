using StockAgent.Training;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Training;

public class ResumeStateTests
{
    [Fact]
    public void SaveThenLoad_RoundTrips_AndAModelWithoutStateGivesNull()
    {
        using var dir = new TempFolder();
        var state = new ResumeState("grpo", 10, 0.42, 1, "sft-20261124");
        state.Save(dir.Path);
        Assert.Equal(state, ResumeState.TryLoad(dir.Path));
        Assert.Null(ResumeState.TryLoad(dir.Combine("elsewhere")));
        var noValidationYet = new ResumeState("ppo", 3, null, 0, "v");
        noValidationYet.Save(dir.Combine("b"));
        Assert.Equal(noValidationYet, ResumeState.TryLoad(dir.Combine("b")));
    }

    [Theory]
    [InlineData("{ not json", "not a trainer state")]
    [InlineData("{\"Algorithm\":\"grpo\",\"Iteration\":0,\"ValidationsSinceBest\":0,\"BaseVersion\":\"v\"}", "Iteration >= 1")]
    [InlineData("{\"Iteration\":3,\"ValidationsSinceBest\":0,\"BaseVersion\":\"v\"}", "incomplete")]
    public void TryLoad_BadFile_NamesItAndWhatIsWrong(string json, string expected)
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(dir.Path);
        File.WriteAllText(dir.Combine(ResumeState.FileName), json);
        var ex = Assert.Throws<InvalidDataException>(() => ResumeState.TryLoad(dir.Path));
        Assert.Contains(ResumeState.FileName, ex.Message);
        Assert.Contains(expected, ex.Message);
    }
}
