using StockAgent.Rewards;
using StockAgent.Experience;
using StockAgent.Market;

namespace StockAgent.Tests.Support;

/// <summary>Builds trajectories for library tests without running a backtest.</summary>
public static class TrajectoryFactory
{
    public static Trajectory Make(Random rng, string? regime = null, double? reward = null, string symbol = "S001", string sector = "Sector01",
        long? groupId = null, int steps = 60, int observationSize = 13)
    {
        var obs = new float[steps * observationSize];
        for (int i = 0; i < obs.Length; i++) obs[i] = (float)rng.NextDouble();
        var actions = Enumerable.Range(0, steps).Select(_ => rng.Next(3)).ToArray();
        var logProbs = actions.Select(_ => Math.Log(rng.NextDouble())).ToArray();
        var rewards = actions.Select(_ => rng.NextDouble() * 0.02 - 0.01).ToArray();
        var exposures = actions.Select(a => a * 0.5).ToArray();
        var equity = new double[steps];
        equity[0] = 10_000;
        for (int i = 1; i < steps; i++) equity[i] = equity[i - 1] * (1 + rewards[i - 1]);
        var stats = new EpisodeStats(rng.NextDouble() * 2000 - 1000, rng.NextDouble() * 0.2 - 0.1, rng.NextDouble() * 4 - 2, rng.NextDouble() * 0.3,
            rng.Next(10), rng.NextDouble(), rng.NextDouble(), rng.NextDouble() * 0.4, 10_000);
        var start = new DateOnly(2015, 1, 1).AddDays(rng.Next(1000));
        var metadata = new TrajectoryMetadata(symbol, sector, start, start.AddDays(90),
            regime ?? MarketRegime.All[rng.Next(6)].ToString(), 0.2, "test-policy", "1", groupId, 0, rng.Next());
        return new Trajectory(metadata, stats, reward ?? rng.NextDouble(), observationSize, obs, actions, logProbs, rewards, exposures, equity);
    }

    public static BatchInfo Batch(int seed = 1) => new("test-policy", "1", "composite", "test_last_days: 90\n", "{}", seed);
}
