namespace StockAgent.Training;

/// <summary>Behaviour-cloning settings: label horizon and risk aversion (<see cref="HindsightLabels"/>), or a teacher
/// strategy's actions instead; optimisation (Adam, cross-entropy, <see cref="Epochs"/> epochs as the run's iterations),
/// the network's shape and its LoRA adapters (created now, trained later by RL).</summary>
public sealed record SftOptions : TrainingOptions
{
    public override string Algorithm => "sft";

    /// <summary>Hindsight labels look this many days ahead.</summary>
    [ConfigKey("label_horizon")]
    public int Horizon { get; init; } = 5;

    /// <summary>Mean-variance risk aversion of the hindsight labels.</summary>
    public double RiskAversion { get; init; } = 2;

    /// <summary>Clone this baseline's actions instead of hindsight labels (e.g. sma-crossover); none by default.</summary>
    public string? Teacher { get; init; }

    /// <summary>The target exposures the network chooses from (its outputs; saved in the model): distinct, increasing, each
    /// in [-1, 1]. A negative exposure is a short position: collection and validation enable shorting from the action
    /// space, a backtest needs <c>BacktestOptions.AllowShort</c> (<c>backtest --allow-short</c>).</summary>
    public IReadOnlyList<double> Actions { get; init; } = [0.0, 0.5, 1.0];

    /// <summary>Volatility targeting of the chosen exposure (<see cref="Agents.VolatilityTarget"/>, saved in the model):
    /// the annualised target, 0 for none.</summary>
    [ConfigKey("vol_target")]
    public double VolTarget { get; init; }

    /// <summary>Daily log returns in the realised volatility of <see cref="VolTarget"/>.</summary>
    [ConfigKey("vol_lookback")]
    public int VolLookback { get; init; } = Agents.VolatilityTarget.DefaultLookback;

    /// <summary>Largest multiple of the chosen exposure under <see cref="VolTarget"/> (before the clamp to [-1, 1]).</summary>
    [ConfigKey("vol_cap")]
    public double VolCap { get; init; } = 1.0;

    /// <summary>The action space of <see cref="Actions"/>.</summary>
    public Agents.ActionSpace ActionSpace() => new(Actions);

    /// <summary>The sizing of <see cref="VolTarget"/>, or null when it is 0 (off).</summary>
    public Agents.VolatilityTarget? Sizing() => VolTarget > 0 ? new Agents.VolatilityTarget(VolTarget, VolLookback, VolCap) : null;

    [ConfigKey("sft_epochs")]
    public int Epochs { get; init; } = 8;

    /// <summary>Samples per gradient step.</summary>
    [ConfigKey("sft_batch_size")]
    public int BatchSize { get; init; } = 256;

    [ConfigKey("sft_learning_rate")]
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Layer sizes; for the GRU the first is the GRU's size and the rest follow it.</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [64, 64];

    /// <summary>"mlp" or "gru" (see <see cref="Agents.PolicyNetworkSpec"/>).</summary>
    public string Architecture { get; init; } = Agents.PolicyNetworkSpec.Mlp;

    /// <summary>Observations per input for the GRU (1 for the MLP).</summary>
    public int SequenceLength { get; init; } = 1;
    public int LoraRank { get; init; } = 16;
    public double LoraAlpha { get; init; } = 32;
    public double LoraDropout { get; init; }

    /// <summary>The observation columns the network reads: "base" (the features of models made before the cross-sectional
    /// ranks), "cross-sectional" (base and the ranks), or a comma-separated list of observation names
    /// (<see cref="StockAgent.Features.ObservationColumns.Parse"/>). Saved in the model as its observation names.</summary>
    public string Features { get; init; } = StockAgent.Features.ObservationColumns.Base;

    /// <summary>"symbol" (one decision per symbol, the default) or "portfolio" (one decision per day over the universe:
    /// see <see cref="Agents.PortfolioPolicy"/>; SFT learns from <see cref="CrossSectionalLabels"/>).</summary>
    public string Level { get; init; } = SymbolLevel;

    /// <summary>Portfolio level: how scores become weights, "top-k" or "softmax" (<see cref="Agents.PortfolioWeighting"/>).</summary>
    public string Weighting { get; init; } = Agents.PortfolioWeighting.TopKScheme;

    /// <summary>Portfolio level, top-k: symbols held (long, and short when long-short).</summary>
    [ConfigKey("top_k")]
    public int TopK { get; init; } = 5;

    /// <summary>Portfolio level, softmax: the temperature (in units of exposure).</summary>
    public double Temperature { get; init; } = 0.1;

    /// <summary>Portfolio level: long-short market-neutral instead of long-only.</summary>
    public bool LongShort { get; init; }

    public const string SymbolLevel = "symbol";
    public const string PortfolioLevel = "portfolio";

    /// <summary>The portfolio weighting a portfolio-level model is saved with; null at the symbol level.</summary>
    public Agents.PortfolioWeighting? PortfolioWeighting => Level == PortfolioLevel
        ? new Agents.PortfolioWeighting { Scheme = Weighting, TopK = TopK, Temperature = Temperature, LongShort = LongShort }
        : null;

    /// <summary>Bars before the training period's first label that only warm the features up.</summary>
    [ConfigIgnore]
    public int WarmupBars { get; init; } = 60;

    public override int TotalIterations => Epochs;

    public override void Validate()
    {
        base.Validate();
        Check.Range(Horizon, 1, 1000, "label_horizon");
        Check.Range(RiskAversion, 0, 1e6, "risk_aversion");
        Check.Range(Epochs, 1, 100_000, "sft_epochs");
        Check.Range(BatchSize, 1, 1_000_000, "sft_batch_size");
        Check.Positive(LearningRate, "sft_learning_rate");
        Check.Range(LoraAlpha, 0, 1e6, "lora_alpha");
        foreach (var h in Hidden) Check.Range(h, 1, 65_536, "hidden");
        Check.Range(SequenceLength, 1, 10_000, "sequence_length");
        Check.Range(LoraRank, 0, 4096, "lora_rank");
        CheckActions(Actions);
        Check.Range(VolTarget, 0, 10, "vol_target");
        Check.Range(VolLookback, 2, 1000, "vol_lookback");
        Check.Range(VolCap, 0, 100, "vol_cap", minExclusive: true);
        try
        {
            StockAgent.Features.ObservationColumns.Parse(Features);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"features must be {StockAgent.Features.ObservationColumns.Base}, {StockAgent.Features.ObservationColumns.CrossSectional} " +
                $"or a comma-separated list of observation names: {ex.Message.Replace($" (Parameter '{ex.ParamName}')", "")}", "features", ex);
        }
        if (Level is not (SymbolLevel or PortfolioLevel))
            throw new ArgumentException($"level must be {SymbolLevel} or {PortfolioLevel} (got '{Level}').", "level");
        if (Weighting is not (Agents.PortfolioWeighting.TopKScheme or Agents.PortfolioWeighting.SoftmaxScheme))
            throw new ArgumentException($"weighting must be {Agents.PortfolioWeighting.TopKScheme} or {Agents.PortfolioWeighting.SoftmaxScheme} (got '{Weighting}').", "weighting");
        Check.Range(TopK, 1, 100_000, "top_k");
        Check.Positive(Temperature, "temperature");
        if (Level == PortfolioLevel && Teacher is not null)
            throw new ArgumentException("a teacher's actions are per symbol: portfolio-level SFT learns from cross-sectional hindsight labels (leave teacher unset).", "teacher");
        if (Teacher is { } t && !Agents.PolicyFactory.BaselineNames.Contains(t))
            throw new ArgumentException($"teacher must be one of {string.Join(", ", Agents.PolicyFactory.BaselineNames)} (got '{t}').", "teacher");
        try
        {
            new Agents.PolicyNetworkSpec { Inputs = 1, Hidden = Hidden, Architecture = Architecture, SequenceLength = SequenceLength, LoraRank = LoraRank, LoraDropout = LoraDropout }.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException(ex.Message, "hidden", ex);
        }
    }

    private static void CheckActions(IReadOnlyList<double> actions)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        string list = "[" + string.Join(", ", actions.Select(a => a.ToString("R", inv))) + "]";
        if (actions.Count < 2) throw new ArgumentException($"actions needs at least two exposures to choose from (got {list}).", "actions");
        for (int i = 0; i < actions.Count; i++)
        {
            if (!(double.IsFinite(actions[i]) && Math.Abs(actions[i]) <= 1))
                throw new ArgumentException($"actions: every exposure must be in [-1, 1] (got {actions[i].ToString("R", inv)} in {list}).", "actions");
            if (i > 0 && actions[i] <= actions[i - 1])
                throw new ArgumentException($"actions must be distinct and in increasing order (got {list}).", "actions");
        }
    }
}
