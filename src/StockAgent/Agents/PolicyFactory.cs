namespace StockAgent.Agents;

/// <summary>Creates the baseline policies by the names the CLI and configs use, and trained ones from model folders.</summary>
public static class PolicyFactory
{
    public static IReadOnlyList<string> BaselineNames { get; } = ["buy-and-hold", "sma-crossover", "momentum", "mean-reversion", "random"];

    /// <summary>What <see cref="FromSpec"/> accepts beside the baseline names.</summary>
    public const string TrainedSpecs = "model:PATH | ensemble:PATH,PATH,... (majority vote of greedy members) | ensemble-mean:PATH,PATH,... (mean probability)";

    /// <summary>A baseline by name, a trained model (<c>model:PATH</c>), or an ensemble of model folders
    /// (<c>ensemble:</c> for a majority vote of the members' greedy actions, <c>ensemble-mean:</c> for the action of
    /// highest mean probability). Trained policies are <see cref="IDisposable"/>; an ensemble disposes its members.</summary>
    public static IPolicy FromSpec(string spec, BaselineParameters? p = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        var (kind, rest) = spec.IndexOf(':') is var colon and > 1 ? (spec[..colon].ToLowerInvariant(), spec[(colon + 1)..]) : ("", spec);
        switch (kind)
        {
            case "model":
                return NeuralPolicy.Load(rest);
            case "ensemble":
            case "ensemble-mean":
                var paths = rest.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (paths.Length == 0) throw new ArgumentException($"'{spec}': an ensemble needs model folders, e.g. {kind}:run/models/checkpoint_0010,run/models/final.");
                var members = new List<IPolicy>();
                try
                {
                    foreach (var path in paths) members.Add(NeuralPolicy.Load(path, greedy: true));
                    return new EnsemblePolicy(members, kind == "ensemble" ? EnsembleMode.MajorityVote : EnsembleMode.MeanProbability);
                }
                catch
                {
                    foreach (var m in members) (m as IDisposable)?.Dispose();
                    throw;
                }
            default:
                if (!BaselineNames.Contains(spec.Trim().ToLowerInvariant()))
                    throw new ArgumentException($"unknown strategy '{spec}'; choose one of {string.Join(", ", BaselineNames)}, or {TrainedSpecs}.");
                return Create(spec, p);
        }
    }

    public static IPolicy Create(string name, BaselineParameters? p = null)
    {
        p ??= new BaselineParameters();
        return name.Trim().ToLowerInvariant() switch
        {
            "buy-and-hold" => new BuyAndHoldPolicy(p.Actions),
            "sma-crossover" => new SmaCrossoverPolicy(p.Fast, p.Slow, p.Actions),
            "momentum" => new MomentumPolicy(p.Lookback, p.Hold, p.Actions),
            "mean-reversion" => new MeanReversionPolicy(p.RsiPeriod, p.RsiEnter, p.RsiExit, p.Actions),
            "random" => new RandomPolicy(p.Actions),
            _ => throw new ArgumentException($"unknown strategy '{name}'; choose one of {string.Join(", ", BaselineNames)}."),
        };
    }
}
