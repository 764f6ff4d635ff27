using System.Text.Json;
using System.Text.Json.Serialization;
using StockAgent.Experience;
using StockAgent.IO;

namespace StockAgent.Experiments;

/// <summary>
/// run.json of a training run: what it was trained on and how to reproduce it: the data (source, fingerprint, first
/// and last day, symbols, market seed), the resolved split (training, validation and test date ranges; training and
/// held-out symbols), the training seed, the algorithm, the model it started from, the experience library it read,
/// the code version and the exact command. Evaluation reads it to keep test sets out of what a model trained on.
/// </summary>
public sealed record RunRecord
{
    public const string FileName = "run.json";
    public const int CurrentFormat = 1;

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public int Format { get; init; } = CurrentFormat;
    public required string Algorithm { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required DataIdentity Data { get; init; }
    public required ResolvedSplit Split { get; init; }
    public required int Seed { get; init; }
    public string? InitFrom { get; init; }
    public string? Library { get; init; }
    public string CodeVersion { get; init; } = Experiments.CodeVersion.Current;
    public string Command { get; init; } = "";

    public void Save(string runDirectory) => AtomicFile.WriteAllText(Path.Combine(runDirectory, FileName), JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>The record in <paramref name="runDirectory"/>, or null when it has none (a run made before run.json).</summary>
    public static RunRecord? TryLoad(string runDirectory)
    {
        var path = Path.Combine(runDirectory, FileName);
        if (!File.Exists(path)) return null;
        RunRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a run record ({ex.Message}).", ex);
        }
        if (record is null) throw new InvalidDataException($"{path}: empty run record.");
        if (record.Format > CurrentFormat)
            throw new InvalidDataException($"{path}: run record format {record.Format} is newer than this kit reads ({CurrentFormat}); update the kit.");
        return record;
    }

    /// <summary>The record of the run a model folder belongs to (RUN/models/NAME -> RUN/run.json), or null.</summary>
    public static RunRecord? ForModel(string modelDirectory)
    {
        var models = Path.GetDirectoryName(Path.GetFullPath(modelDirectory).TrimEnd(Path.DirectorySeparatorChar));
        if (models is null || Path.GetFileName(models) != "models") return null;
        var run = Path.GetDirectoryName(models);
        return run is null ? null : TryLoad(run);
    }
}
