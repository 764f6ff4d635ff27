using StockAgent.Experience;

namespace StockAgent.Training;

/// <summary>
/// Offline RL input: the newest <c>maxTrajectories</c> trajectories of an experience library, served in batches of
/// whole units (GRPO: groups of at least two rollouts from one start state; PPO: single trajectories). Each pass over
/// the units is a fresh seeded permutation, so iteration i always gets the same batch for the same library and seed.
/// Their stored log-probabilities are those of the policy that collected them (pi_old of the clipped ratio), so units
/// collected by a deterministic policy (a baseline or an ensemble: every stored log-probability 0) are left out: they
/// give no importance ratio. A trajectory stores its own bars only; a sequence model's windows reach before the episode,
/// and <see cref="RolloutBatch.From"/> reads those bars from the market the trajectories were collected on (checking
/// it against each stored first observation), so libraries need nothing more and old ones train as they are.
/// </summary>
public sealed class LibraryReplay
{
    private readonly IReadOnlyList<IReadOnlyList<Trajectory>> _units;
    private readonly int _unitsPerBatch;
    private readonly int _seed;

    public LibraryReplay(ExperienceLibrary library, int maxTrajectories, bool groups, int unitsPerBatch, int seed)
    {
        if (maxTrajectories < 1) throw new ArgumentException($"the number of trajectories must be at least 1 (got {maxTrajectories}).", "NumTrajectories");
        if (unitsPerBatch < 1) throw new ArgumentException($"batch size must be at least 1 (got {unitsPerBatch}).");
        var summaries = library.Query(new TrajectoryQuery { GroupedOnly = groups });
        IEnumerable<IReadOnlyList<TrajectorySummary>> units = groups
            ? summaries.GroupBy(s => s.Metadata.GroupId!.Value).Where(g => g.Count() >= 2).OrderByDescending(g => g.Max(s => s.Id)).Select(g => (IReadOnlyList<TrajectorySummary>)g.ToList())
            : summaries.OrderByDescending(s => s.Id).Select(s => (IReadOnlyList<TrajectorySummary>)[s]);
        var chosen = new List<IReadOnlyList<TrajectorySummary>>();
        int total = 0;
        foreach (var unit in units)
        {
            if (total + unit.Count > maxTrajectories) break;
            chosen.Add(unit);
            total += unit.Count;
        }
        if (chosen.Count == 0)
            throw new InvalidDataException(groups
                ? $"{library.Path} holds no GRPO groups (trajectories sharing a group id, at least two each) within {maxTrajectories} trajectories; collect some with `stockagent collect --group-size 8 --policy model:PATH` or `train --algorithm grpo --library {library.Path}`."
                : $"{library.Path} holds no trajectories.");
        var loaded = library.Load(chosen.SelectMany(u => u.Select(s => s.Id)));
        var list = new List<IReadOnlyList<Trajectory>>(chosen.Count);
        int at = 0;
        foreach (var unit in chosen)
        {
            var trajectories = loaded.Skip(at).Take(unit.Count).ToList();
            at += unit.Count;
            if (trajectories.All(t => t.LogProbs.All(l => l == 0))) Deterministic += trajectories.Count;
            else list.Add(trajectories);
        }
        if (list.Count == 0)
            throw new InvalidDataException($"{library.Path}: its newest {total} trajectories were all collected by deterministic policies (stored log-probabilities 0), " +
                "which give off-policy RL no importance ratio; collect with a stochastic policy (`collect --policy model:PATH` or `random`) or train online.");
        _units = list;
        Trajectories = total - Deterministic;
        _unitsPerBatch = Math.Min(unitsPerBatch, list.Count);
        _seed = seed;
    }

    /// <summary>Trajectories among the newest requested that were left out as a deterministic policy's.</summary>
    public int Deterministic { get; }

    /// <summary>Trajectories held (at most the requested number).</summary>
    public int Trajectories { get; }

    /// <summary>Groups (GRPO) or trajectories (PPO) held.</summary>
    public int Units => _units.Count;

    /// <summary>The trajectories of iteration <paramref name="iteration"/> (1-based).</summary>
    public IReadOnlyList<Trajectory> Batch(int iteration)
    {
        if (iteration < 1) throw new ArgumentOutOfRangeException(nameof(iteration), $"iterations count from 1 (got {iteration}).");
        int perPass = Math.Max(1, _units.Count / _unitsPerBatch);
        int pass = (iteration - 1) / perPass, slot = (iteration - 1) % perPass;
        var order = Enumerable.Range(0, _units.Count).ToArray();
        new Random(SeedMixer.Mix(_seed, pass, 2)).Shuffle(order);
        return order.Skip(slot * _unitsPerBatch).Take(_unitsPerBatch).SelectMany(i => _units[i]).ToList();
    }
}
