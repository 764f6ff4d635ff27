using StockAgent.Agents;
using StockAgent.Experience;

namespace StockAgent.Training;

/// <summary>A trainer that <see cref="TrainingLoop"/> drives one iteration at a time (an SFT epoch, an RL iteration),
/// whose optimiser state can be saved with a checkpoint and restored to resume.</summary>
public interface IIterativeTrainer : IDisposable
{
    /// <summary>The policy being trained (the loop saves it; its owner disposes it).</summary>
    NeuralPolicy Policy { get; }

    TrainingOptions Options { get; }

    /// <summary>Runs iteration <paramref name="iteration"/> (1-based; iterations run in order, a resumed trainer
    /// starts after the checkpoint's).</summary>
    RlIterationLog Step(int iteration);

    /// <summary>Trajectories rolled out by the last <see cref="Step"/> (empty when it made none).</summary>
    IReadOnlyList<Trajectory> LastRollouts { get; }

    void SaveOptimizer(string path);

    void LoadOptimizer(string path);
}
