namespace StockAgent.Experience;

/// <summary>A start state: one symbol, decisions at bars [StartBar, StartBar + Steps) of its series, the final
/// bar StartBar + Steps closing the episode; a GRPO group id (null when ungrouped) and the episode's seed.</summary>
public readonly record struct EpisodeSpec(string Symbol, int StartBar, int Steps, long? GroupId, int Seed);
