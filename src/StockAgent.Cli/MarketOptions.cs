using System.CommandLine;
using StockAgent.Experiments;
using StockAgent.Market;

namespace StockAgent.Cli;

/// <summary>The options every experiment command shares (--data, --market-seed, --split) and the context they load.</summary>
public sealed class MarketOptions
{
    public const string DefaultSplit = "data/config/splits/default.yaml";

    public Option<string?> Data { get; } = new("--data") { Description = "Folder of daily CSVs (default: the synthetic market)." };
    public Option<int?> MarketSeed { get; } = new("--market-seed") { Description = "Seed of the synthetic market (default 7); separate from --seed." };
    public Option<string?> Split { get; } = new("--split") { Description = $"Data split YAML (default: {DefaultSplit} when present)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(MarketSeed);
        command.Options.Add(Split);
    }

    public ExperimentSettings Settings(ParseResult parse)
    {
        var seed = parse.GetValue(MarketSeed);
        return new ExperimentSettings
        {
            DataDirectory = parse.GetValue(Data),
            Synthetic = new SyntheticMarketOptions { Seed = seed ?? 7 },
            SplitFile = parse.GetValue(Split) ?? (File.Exists(DefaultSplit) ? DefaultSplit : null),
            ExplicitData = parse.GetValue(Data) is not null || seed is not null,
        };
    }

    /// <summary>The experiment context of these options.</summary>
    public ExperimentContext Load(ParseResult parse) => ExperimentContext.Load(Settings(parse));

    /// <summary>The same options as command-line text, for "next" commands.</summary>
    public string Echo(ParseResult parse) =>
        (parse.GetValue(Data) is { } d ? " --data " + CliFlags.Quote(d) : "") +
        (parse.GetValue(MarketSeed) is { } s ? $" --market-seed {s}" : "") +
        (parse.GetValue(Split) is { } p ? " --split " + CliFlags.Quote(p) : "");
}
