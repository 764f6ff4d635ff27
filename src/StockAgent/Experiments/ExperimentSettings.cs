using StockAgent.Experience;
using StockAgent.Market;

namespace StockAgent.Experiments;

/// <summary>Where an experiment's market comes from and how it is split: a folder of daily CSVs, or (none) the
/// synthetic market with <see cref="Synthetic"/>'s settings (its own seed, separate from any training seed); the split
/// from <see cref="SplitFile"/> or <see cref="Split"/> (neither: <see cref="DataSplit.Default"/>).</summary>
public sealed record ExperimentSettings
{
    /// <summary>Folder of daily CSVs (and DIR/daily, universe.csv); null: the synthetic market.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The synthetic market's settings when <see cref="DataDirectory"/> is null.</summary>
    public SyntheticMarketOptions Synthetic { get; init; } = new();

    /// <summary>Split YAML file (data/config/splits/*.yaml); wins over <see cref="Split"/>.</summary>
    public string? SplitFile { get; init; }

    public DataSplit? Split { get; init; }

    /// <summary>True when the user named the market on purpose (a data folder, or a synthetic market seed): a model
    /// trained on another market is then used with a warning instead of refused.</summary>
    public bool ExplicitData { get; init; }

    /// <summary>For scoring only (evaluation of models trained elsewhere): a market too short for the split (a later
    /// folder of a few months) is then one test period of all its days, with every symbol in the aggregates, instead of
    /// an error. Collection and training leave it false: they need a training period.</summary>
    public bool SplitOptional { get; init; }
}
