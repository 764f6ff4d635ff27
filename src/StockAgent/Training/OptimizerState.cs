using StockAgent.IO;
using TorchSharp.Modules;

namespace StockAgent.Training;

/// <summary>Saves and restores an optimiser's state (Adam's moments and step counts) for checkpoints.</summary>
internal static class OptimizerState
{
    public static void Save(OptimizerHelper optimizer, string path) => AtomicFile.Write(path, s =>
    {
        using var w = new BinaryWriter(s, System.Text.Encoding.UTF8, leaveOpen: true);
        optimizer.save_state_dict(w);
    });

    /// <summary>Restores the state of a trainer of the same algorithm and network; the learning rate stays
    /// <paramref name="learningRate"/> (this run's).</summary>
    public static void Load(OptimizerHelper optimizer, string path, string trainer, double learningRate)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no optimiser state to resume from.", path);
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            optimizer.load_state_dict(reader);
        }
        catch (Exception ex) when (ex is not FileNotFoundException)
        {
            throw new InvalidDataException($"{path}: the optimiser state does not fit this {trainer} trainer ({ex.Message}).", ex);
        }
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
    }
}
