using StockAgent.Pipeline;
using StockAgent.Tests.Support;
using StockAgent.Training;

namespace StockAgent.Tests.Pipeline;

/// <summary>Where an interrupted training session carries on, from hand-made run folders: the newest checkpoint with
/// the trainer's state of the same algorithm before the last iteration; otherwise a reason to run it again.</summary>
public class SessionResumeTests
{
    /// <summary>A checkpoint folder as TrainingLoop writes it: weights' metadata, Adam's state, the trainer's state
    /// (each part optional, to make broken ones).</summary>
    private static string Checkpoint(TempFolder dir, string run, int iteration, string algorithm = "grpo", bool optimizer = true, bool state = true)
    {
        var folder = dir.Combine(Path.Combine(run, "models", $"checkpoint_{iteration:0000}"));
        dir.File(Path.Combine(folder, "model.json"), "{}");
        if (optimizer) dir.File(Path.Combine(folder, ResumeState.OptimizerFileName), "adam");
        if (state) new ResumeState(algorithm, iteration, 0.5, 0, "v1").Save(folder);
        return folder;
    }

    private static ActiveTraining Session(string? folder, int iterations = 5, string algorithm = "grpo", string? resumedFrom = null) =>
        new(2, algorithm, folder, iterations, 1000, resumedFrom);

    [Fact]
    public void NewestCheckpointWithTrainerState_BeforeTheLastIteration_IsChosen()
    {
        using var dir = new TempFolder();
        Checkpoint(dir, "run", 1);
        Checkpoint(dir, "run", 9);   // iteration 9 sorts after 10 as text: the iteration decides, not the name
        var ten = Checkpoint(dir, "run", 10);
        Checkpoint(dir, "run", 11, optimizer: false); // no Adam state: not a checkpoint to resume
        Checkpoint(dir, "run", 12, state: false);
        Checkpoint(dir, "run", 20);  // the last iteration asked: nothing left to run from it

        var r = SessionResume.Find(Session(dir.Combine("run"), iterations: 20), "grpo");
        Assert.Equal(ten, r.Checkpoint);
        Assert.Equal(10, r.Iteration);
        Assert.Contains("after iteration 10 of 20", r.Reason);
    }

    [Fact]
    public void NoUsableCheckpoint_GivesTheReasonToRunAgain()
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(dir.Combine("empty"));
        Checkpoint(dir, "ppo", 1, algorithm: "ppo");
        Checkpoint(dir, "sft", 1, algorithm: "sft");

        Assert.Contains("before its first checkpoint", SessionResume.Find(Session(dir.Combine("empty")), "grpo").Reason);
        Assert.Contains("before its run folder was made", SessionResume.Find(Session(null), "grpo").Reason);
        Assert.Null(SessionResume.Find(Session(dir.Combine("ppo")), "grpo").Checkpoint); // a PPO checkpoint's state is not GRPO's
        Assert.Contains("now trains ppo", SessionResume.Find(Session(dir.Combine("run")), "ppo").Reason);
        var sft = SessionResume.Find(Session(dir.Combine("sft"), algorithm: "sft"), "sft");
        Assert.Null(sft.Checkpoint);
        Assert.Contains("SFT", sft.Reason);
    }

    [Fact]
    public void CarriedOnSessionKilledBeforeItsOwnFirstCheckpoint_CarriesOnFromWhereItStarted()
    {
        using var dir = new TempFolder();
        var first = Checkpoint(dir, "first", 3);
        Directory.CreateDirectory(dir.Combine("second"));

        var r = SessionResume.Find(Session(dir.Combine("second"), resumedFrom: first), "grpo");
        Assert.Equal(first, r.Checkpoint);
        Assert.Equal(3, r.Iteration);
        Assert.Equal(first, SessionResume.Find(Session(null, resumedFrom: first), "grpo").Checkpoint);

        var own = Checkpoint(dir, "second", 4); // once the new run has a checkpoint of its own, that one
        Assert.Equal(own, SessionResume.Find(Session(dir.Combine("second"), resumedFrom: first), "grpo").Checkpoint);
    }
}
