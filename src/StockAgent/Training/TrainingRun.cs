using System.Globalization;
using System.Text.Json;
using StockAgent.Agents;
using StockAgent.IO;
using TorchSharp;
using TorchSharp.Modules;

namespace StockAgent.Training;

/// <summary>
/// A run folder, <c>{root}/rl_{algorithm}_run_{yyyyMMdd_HHmmss}/</c>: config.yaml, split.yaml, metrics.jsonl (one
/// JSON object per iteration or epoch, rewritten atomically), TensorBoard event files under tensorboard/, and
/// models/ with checkpoint_NNNN, best and final model folders.
/// </summary>
public sealed class TrainingRun
{
    private readonly List<string> _metrics = [];
    private readonly SummaryWriter _tensorboard;

    private TrainingRun(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "models"));
        _tensorboard = torch.utils.tensorboard.SummaryWriter(Path.Combine(directory, "tensorboard"));
    }

    public string Directory { get; }

    /// <summary>Makes a new run folder for <paramref name="options"/>' algorithm under <paramref name="root"/>, with
    /// config.yaml (every key of the algorithm, <see cref="TrainingConfig.ToYaml"/>) and split.yaml.</summary>
    public static TrainingRun Create(string root, TrainingOptions options, string splitYaml, DateTimeOffset? now = null)
    {
        string algorithm = options.Algorithm;
        var stamp = (now ?? DateTimeOffset.Now).ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);
        var dir = Path.Combine(root, $"rl_{algorithm}_run_{stamp}");
        for (int k = 2; System.IO.Directory.Exists(dir); k++) dir = Path.Combine(root, $"rl_{algorithm}_run_{stamp}_{k}");
        var run = new TrainingRun(dir);
        AtomicFile.WriteAllText(Path.Combine(dir, "config.yaml"), TrainingConfig.ToYaml(options));
        AtomicFile.WriteAllText(Path.Combine(dir, "split.yaml"), splitYaml);
        return run;
    }

    /// <summary>Appends one record to metrics.jsonl and its numbers to TensorBoard.</summary>
    public void Log(int step, IReadOnlyDictionary<string, double?> values)
    {
        var record = new Dictionary<string, object?> { ["step"] = step, ["time"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) };
        foreach (var (k, v) in values)
        {
            record[k] = v is { } d && double.IsFinite(d) ? d : null;
            if (v is { } x && double.IsFinite(x)) _tensorboard.add_scalar(k, (float)x, step);
        }
        _metrics.Add(JsonSerializer.Serialize(record));
        AtomicFile.WriteAllText(Path.Combine(Directory, "metrics.jsonl"), string.Join("\n", _metrics) + "\n");
    }

    /// <summary>Saves the policy under models/<paramref name="name"/> (written to a temporary folder, then moved);
    /// <paramref name="alsoWrite"/> adds files to that folder before the move (a checkpoint's trainer state).</summary>
    public string SaveModel(NeuralPolicy policy, string name, NeuralPolicyMetadata? metadata = null, Action<string>? alsoWrite = null) =>
        WriteModel(name, staging =>
        {
            policy.Save(staging, metadata);
            alsoWrite?.Invoke(staging);
        });

    /// <summary>Copies a model folder written elsewhere under models/<paramref name="name"/>, as atomically as <see cref="SaveModel"/>.</summary>
    public string CopyModel(string source, string name) =>
        WriteModel(name, staging =>
        {
            System.IO.Directory.CreateDirectory(staging);
            foreach (var file in System.IO.Directory.GetFiles(source)) File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
        });

    private string WriteModel(string name, Action<string> write)
    {
        var target = Path.Combine(Directory, "models", name);
        var staging = target + ".tmp";
        if (System.IO.Directory.Exists(staging)) System.IO.Directory.Delete(staging, true);
        write(staging);
        if (System.IO.Directory.Exists(target)) System.IO.Directory.Delete(target, true);
        System.IO.Directory.Move(staging, target);
        return target;
    }

    public void WriteText(string file, string text) => AtomicFile.WriteAllText(Path.Combine(Directory, file), text);
}
