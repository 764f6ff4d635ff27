namespace StockAgent.Training;

/// <summary>
/// GRPO advantages (DeepSeekMath): within each group of rollouts from one start state,
/// A_i = (r_i - mean(r)) / (std(r) + eps), std the sample standard deviation (n - 1) of the group; the same A_i
/// applies to every step of trajectory i. A trajectory without a group is a group of one (advantage 0).
/// </summary>
public static class GroupAdvantages
{
    public static GroupAdvantageResult Compute(IReadOnlyList<double> rewards, IReadOnlyList<long?> groupIds,
        AdvantageScaling scaling = AdvantageScaling.Group, double eps = 1e-6)
    {
        if (rewards.Count != groupIds.Count) throw new ArgumentException($"{rewards.Count} rewards but {groupIds.Count} group ids.");
        int n = rewards.Count;
        var advantages = new double[n];
        var members = new Dictionary<long, List<int>>();
        int singletons = 0;
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(rewards[i])) throw new ArgumentException($"reward {i} is {rewards[i]}; rewards must be finite.");
            if (groupIds[i] is { } g)
            {
                if (!members.TryGetValue(g, out var list)) members[g] = list = [];
                list.Add(i);
            }
            else singletons++;
        }
        int zeroSpread = singletons;
        foreach (var list in members.Values)
        {
            double mean = list.Average(i => rewards[i]);
            double sd = list.Count > 1 ? Math.Sqrt(list.Sum(i => (rewards[i] - mean) * (rewards[i] - mean)) / (list.Count - 1)) : 0;
            if (sd == 0)
            {
                zeroSpread++;
                continue;
            }
            foreach (var i in list)
                advantages[i] = scaling == AdvantageScaling.Group ? (rewards[i] - mean) / (sd + eps) : rewards[i] - mean;
        }
        if (scaling == AdvantageScaling.Batch && n > 1)
        {
            double m = advantages.Average();
            double sd = Math.Sqrt(advantages.Sum(a => (a - m) * (a - m)) / (n - 1));
            if (sd > 0)
                for (int i = 0; i < n; i++) advantages[i] /= sd + eps;
        }
        int groups = members.Count + singletons;
        return new GroupAdvantageResult(advantages, groups, groups == 0 ? double.NaN : (double)zeroSpread / groups);
    }
}
