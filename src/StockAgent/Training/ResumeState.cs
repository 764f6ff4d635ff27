using System.Text.Json;
using StockAgent.IO;

namespace StockAgent.Training;

/// <summary>
/// What an RL checkpoint needs beside the weights to continue as if never stopped: the algorithm, the last finished
/// iteration (rollout and shuffle seeds derive from it), early-stopping state, and the version of the model the run
/// started from. Stored as trainer_state.json next to optimizer.bin (Adam's moments) in models/checkpoint_NNNN/.
/// </summary>
public sealed record ResumeState(string Algorithm, int Iteration, double? BestValidationSharpe, int ValidationsSinceBest, string BaseVersion)
{
    public const string FileName = "trainer_state.json";
    public const string OptimizerFileName = "optimizer.bin";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public void Save(string modelDirectory) =>
        AtomicFile.WriteAllText(Path.Combine(modelDirectory, FileName), JsonSerializer.Serialize(this, Json));

    /// <summary>The state in <paramref name="modelDirectory"/>, or null when it holds none (an SFT model, a final or
    /// best model, or a checkpoint written before resuming was possible).</summary>
    public static ResumeState? TryLoad(string modelDirectory)
    {
        var path = Path.Combine(modelDirectory, FileName);
        if (!File.Exists(path)) return null;
        ResumeState? state;
        try
        {
            state = JsonSerializer.Deserialize<ResumeState>(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a trainer state ({ex.Message}).", ex);
        }
        if (state is null || string.IsNullOrEmpty(state.Algorithm) || state.Iteration < 1 || state.ValidationsSinceBest < 0 || state.BaseVersion is null)
            throw new InvalidDataException($"{path}: the trainer state is incomplete (needs Algorithm, Iteration >= 1, ValidationsSinceBest >= 0, BaseVersion).");
        return state;
    }
}
