namespace StockAgent.Experience;

/// <summary>What a batch records besides its trajectories: the acting policy, the reward function's name,
/// the data split's YAML, the collection settings as JSON, and the seed.</summary>
public sealed record BatchInfo(string PolicyId, string PolicyVersion, string RewardName, string SplitYaml, string ConfigJson, int Seed);
