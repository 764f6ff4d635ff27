using StockAgent.Experiments;
using System.Text.Json;
using System.Text.Json.Serialization;
using StockAgent.IO;

namespace StockAgent.Pipeline;

/// <summary>
/// The pipeline's state in <c>RUN/training_state.json</c>, written atomically after every step: counts (trajectories,
/// batches, sessions, iterations), the best model and its validation metrics, the latest check, the goals, the status,
/// the history (one record per step), the training session in progress, why it stopped, the final confirmation's file and the report's path. Rerunning
/// the pipeline resumes from it. A file that is not valid state, or from a newer version, is an error that leaves it
/// untouched.
/// </summary>
public sealed record PipelineState
{
    public const string FileName = "training_state.json";
    public const int CurrentFormat = 1;

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public int Format { get; init; } = CurrentFormat;
    public string Status { get; init; } = PipelineStatus.Collecting;
    public required PipelineGoals Goals { get; init; }
    public DateTimeOffset Started { get; init; }
    public DateTimeOffset Updated { get; init; }
    public double Seconds { get; init; }
    public long Trajectories { get; init; }
    public int Batches { get; init; }

    /// <summary>Batches in the library after the last step (collection and online training both add batches); on a
    /// resume, more batches than this mean a batch committed after the last state was written.</summary>
    public int LibraryBatches { get; init; }
    public int Sessions { get; init; }
    public int Iterations { get; init; }
    public string? BestModel { get; init; }
    public ValidationMetrics? Best { get; init; }
    public ValidationMetrics? Latest { get; init; }
    public bool GoalsMet { get; init; }
    public string? StopReason { get; init; }
    public string? Confirmation { get; init; }
    public string? Report { get; init; }

    /// <summary>The command of the latest start or resume (<see cref="PipelineSettings.Command"/>).</summary>
    public string? Command { get; init; }
    public string? Error { get; init; }
    public IReadOnlyList<PipelineStep> History { get; init; } = [];

    /// <summary>The training session in progress (null between sessions and in state files written before the field
    /// existed): a rerun after a kill carries it on from its newest checkpoint.</summary>
    public ActiveTraining? ActiveTraining { get; init; }

    public static string PathIn(string runDirectory) => Path.Combine(runDirectory, FileName);

    public void Save(string runDirectory) => AtomicFile.WriteAllText(PathIn(runDirectory), JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>The state in <paramref name="runDirectory"/>, or null when there is none yet.</summary>
    public static PipelineState? TryLoad(string runDirectory)
    {
        var path = PathIn(runDirectory);
        if (!File.Exists(path)) return null;
        string text = File.ReadAllText(path);
        int format;
        try
        {
            using var doc = JsonDocument.Parse(text);
            format = doc.RootElement.TryGetProperty("format", out var f) && f.TryGetInt32(out var v) ? v : 0;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a pipeline state ({ex.Message}); it was left as it is: move it away to start a new run there.", ex);
        }
        if (format > CurrentFormat)
            throw new InvalidDataException($"{path} has format {format}, newer than this StockAgent knows ({CurrentFormat}); update StockAgent. The file was left as it is.");
        if (format < 1) throw new InvalidDataException($"{path} has no format number: it is not a pipeline state. The file was left as it is.");
        try
        {
            return JsonSerializer.Deserialize<PipelineState>(text, Json) ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a valid pipeline state ({ex.Message}); it was left as it is.", ex);
        }
    }

    /// <summary>This state with <paramref name="step"/> appended to the history and the time updated
    /// (<paramref name="seconds"/>: the run's wall time so far).</summary>
    public PipelineState After(PipelineStep step, double seconds) =>
        this with { History = [.. History, step], Updated = step.Time, Seconds = seconds };
}
