using System.Text.Json;
using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Training;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Training;

/// <summary>The run loop shared by `stockagent train` and library users: early stopping, best model, divergence stop.</summary>
[Collection(TorchCollection.Name)]
public class RlRunLoopTests
{
    private static NeuralPolicy Sft() => SmallRlSetup.Sft();

    private static GrpoTrainer Trainer(NeuralPolicy policy) =>
        new(SmallRlSetup.Market, SmallRlSetup.Split, policy, new GrpoOptions { GroupsPerIteration = 4, GroupSize = 4, Epochs = 1, Seed = 11 });

    private static TrainingRun Run(TempFolder dir) =>
        TrainingRun.Create(dir.Path, "grpo", RlConfig.Load(null), DataSplit.Default.SourceText);

    private static string Version(string model) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(model, NeuralPolicy.MetadataFile))).RootElement.GetProperty("Version").GetString()!;

    [Fact]
    public void Run_ValidationStopsImproving_StopsAfterPatience_KeepingTheBest()
    {
        using var dir = new TempFolder();
        using var policy = Sft();
        using var trainer = Trainer(policy);
        var run = Run(dir);
        var scores = new Queue<double>([0.5, 0.7, 0.6, 0.65, 0.4, 0.9]);
        var logged = new List<RlIterationLog>();
        var loop = new RlRunLoop(trainer, run, new RlLoopOptions { Algorithm = "grpo", NumIterations = 6, ValidateEvery = 1, CheckpointEvery = 2, Patience = 3 })
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
        using var trainer = Trainer(policy);
        var run = Run(dir);
        var loop = new RlRunLoop(trainer, run, new RlLoopOptions { Algorithm = "grpo", NumIterations = 5, CheckpointEvery = 1 })
        {
            // After iteration 2 (checkpointed) the adapters blow up, as an exploding update would leave them.
            OnIteration = log =>
            {
                if (log.Iteration != 2) return;
                using (TorchSharp.torch.no_grad())
                    foreach (var p in policy.Network.AdapterParameters()) p.fill_(double.NaN);
            },
        };

        var ex = Assert.Throws<InvalidOperationException>(() => loop.Run());
        File.WriteAllText("/tmp/exmsg.txt", ex.ToString());

        var checkpoint = Path.Combine(run.Directory, "models", "checkpoint_0002");
        Assert.Contains(checkpoint, ex.Message);
        Assert.Contains("iteration 3", ex.Message);
        Assert.True(File.Exists(Path.Combine(run.Directory, "error.txt")));
        Assert.Equal(2, ResumeState.TryLoad(checkpoint)!.Iteration);
        Assert.False(Directory.Exists(Path.Combine(run.Directory, "models", "checkpoint_0003")));
        Assert.False(Directory.Exists(Path.Combine(run.Directory, "models", "final")));
    }
}
