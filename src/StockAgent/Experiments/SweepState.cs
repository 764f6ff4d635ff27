using System.Text.Json;
using System.Text.Json.Serialization;
using StockAgent.IO;

namespace StockAgent.Experiments;

/// <summary>
/// sweep.json, the record of a sweep folder, rewritten atomically after every step so that a killed sweep carries on
/// where it stopped: what it sweeps (name, the config's fingerprint, the data's), every finished trial, the SFT models
/// finished so far (by the SFT part of their configuration and seed, shared between trials), the chosen configuration and
/// model, and where its one scoring on the validation period and on the test sets was written.
/// </summary>
public sealed record SweepState
{
    public const string FileName = "sweep.json";
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public int Format { get; init; } = CurrentFormat;
    public required string Name { get; init; }
    public required string ConfigFingerprint { get; init; }
    public required string DataFingerprint { get; init; }
    public string Command { get; init; } = "";
    public required DateTimeOffset Started { get; init; }
    public int Configurations { get; init; }
    public int Seeds { get; init; }
    public IReadOnlyList<SweepTrialResult> Trials { get; init; } = [];
    /// <summary>SFT models by the SFT part of a configuration and the seed ("key=value;...|seed").</summary>
    public IReadOnlyDictionary<string, string> SftModels { get; init; } = new Dictionary<string, string>();
    public int? ChosenConfiguration { get; init; }
    /// <summary>The chosen model, as evaluate takes it (a model folder or an <c>ensemble:</c> list).</summary>
    public string? Chosen { get; init; }
    public string? ValidationEvaluation { get; init; }
    public string? TestEvaluation { get; init; }
    public double Seconds { get; init; }

    public void Save(string directory) => AtomicFile.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>The state in <paramref name="directory"/>, or null when there is none yet.</summary>
    public static SweepState? TryLoad(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        SweepState? state;
        try
        {
            state = JsonSerializer.Deserialize<SweepState>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a sweep record ({ex.Message}).", ex);
        }
        if (state is null) throw new InvalidDataException($"{path}: empty sweep record.");
        if (state.Format > CurrentFormat)
            throw new InvalidDataException($"{path}: sweep record format {state.Format} is newer than this kit reads ({CurrentFormat}); update the kit.");
        return state;
    }
}
