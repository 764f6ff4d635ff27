using System.Text.Json;
using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Training;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Training;

/// <summary>The run loop shared by SFT, GRPO and PPO, `stockagent train`, notebooks and the pipeline: early stopping, best model, divergence stop.</summary>
[Collection(TorchCollection.Name)]
public class TrainingLoopTests
{
    private static NeuralPolicy Sft() => SmallRlSetup.Sft();

    private static GrpoTrainer Trainer(NeuralPolicy policy, GrpoOptions loop) =>
        new(SmallRlSetup.Market, SmallRlSetup.Split, policy, loop with { GroupsPerIteration = 4, GroupSize = 4, Epochs = 1, Seed = 11 });

    private static TrainingRun Run(TempFolder dir, TrainingOptions options) =>
        TrainingRun.Create(dir.Path, options, DataSplit.Default.SourceText);

    private static string Version(string model) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(model, NeuralPolicy.MetadataFile))).RootElement.GetProperty("Version").GetString()!;

    [Fact]
    public void Run_ValidationStopsImproving_StopsAfterPatience_KeepingTheBest()
    {
        using var dir = new TempFolder();
        using var policy = Sft();
        var options = new GrpoOptions { Iterations = 6, ValidateEvery = 1, CheckpointEvery = 2, Patience = 3 };
        using var trainer = Trainer(policy, options);
        var run = Run(dir, options);
        var scores = new Queue<double>([0.5, 0.7, 0.6, 0.65, 0.4, 0.9]);
        var logged = new List<RlIterationLog>();
        var loop = new TrainingLoop(trainer, run)
        {
            Validate = p => { Assert.True(p.Greedy); return scores.Dequeue(); },
            OnIteration = logged.Add,
        };

        var result = loop.Run();

        // Best 0.7 at iteration 2; 0.6, 0.65, 0.4 are three validations without a new best: stop after iteration 5.
        Assert.True(result.StoppedEarly);
        Assert.Equal(5, result.LastIteration);
        Assert.Equal(0.7, result.BestValidationSharpe);
        Assert.Equal([1, 2, 3, 4, 5], logged.Select(l => l.Iteration));
        Assert.Equal(5, File.ReadAllLines(Path.Combine(run.Directory, "metrics.jsonl")).Length);
        Assert.EndsWith("+grpo2", Version(Path.Combine(run.Directory, "models", "best")));
        Assert.EndsWith("+grpo", Version(result.FinalModel));
        Assert.False(policy.Greedy);
        var state = ResumeState.TryLoad(Path.Combine(run.Directory, "models", "checkpoint_0004"))!;
        Assert.Equal(new ResumeState("grpo", 4, 0.7, 2, policy.Metadata.Version), state with { BaseVersion = policy.Metadata.Version });
        Assert.Equal(result.LastCheckpoint, Path.Combine(run.Directory, "models", "checkpoint_0004"));
    }

    [Fact]
    public void Run_LossBecomesNaN_WritesErrorAndNamesTheLastGoodCheckpoint()
    {
        using var dir = new TempFolder();
        using var policy = Sft();
        var options = new GrpoOptions { Iterations = 5, CheckpointEvery = 1 };
        using var trainer = Trainer(policy, options);
        var run = Run(dir, options);
        var loop = new TrainingLoop(trainer, run)
        {
            // After iteration 2 (checkpointed) the adapters blow up, as an exploding update would leave them.
            OnIteration = log =>
            {
                if (log.Iteration != 2) return;
                using (TorchSharp.torch.no_grad())
                    foreach (var p in policy.Network.AdapterParameters()) p.fill_(double.NaN);
            },
        };

        var ex = Assert.Throws<TrainingDivergedException>(() => loop.Run());

        var checkpoint = Path.Combine(run.Directory, "models", "checkpoint_0002");
        Assert.Contains(checkpoint, ex.Message);
        Assert.Contains("iteration 3", ex.Message);
        Assert.True(File.Exists(Path.Combine(run.Directory, "error.txt")));
        Assert.Equal(2, ResumeState.TryLoad(checkpoint)!.Iteration);
        Assert.False(Directory.Exists(Path.Combine(run.Directory, "models", "checkpoint_0003")));
        Assert.False(Directory.Exists(Path.Combine(run.Directory, "models", "final")));
    }
}
