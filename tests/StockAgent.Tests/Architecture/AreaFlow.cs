using System.Reflection;
using NetArchTest.Rules;

namespace StockAgent.Tests.Architecture;

/// <summary>
/// The areas of the core library and what each may depend on (design.md): Market -> Features -> Backtest ->
/// Experience -> Training -> Evaluation -> Experiments -> Pipeline, with Agents beside Features/Backtest, Rewards low,
/// Statistics and IO at the bottom, and Reporting reading result records only (never Training or Agents).
/// </summary>
public static class AreaFlow
{
    public static IReadOnlyDictionary<string, string[]> Allowed { get; } = new Dictionary<string, string[]>
    {
        ["IO"] = [],
        ["Statistics"] = ["IO"],
        ["Market"] = ["IO", "Statistics"],
        ["Features"] = ["IO", "Statistics", "Market"],
        ["Rewards"] = ["IO", "Statistics"],
        ["Agents"] = ["IO", "Statistics", "Market", "Features"],
        ["Backtest"] = ["IO", "Statistics", "Market", "Features", "Agents", "Rewards"],
        ["Experience"] = ["IO", "Statistics", "Market", "Features", "Agents", "Rewards", "Backtest"],
        ["Training"] = ["IO", "Statistics", "Market", "Features", "Agents", "Rewards", "Backtest", "Experience"],
        ["Evaluation"] = ["IO", "Statistics", "Market", "Features", "Agents", "Rewards", "Backtest", "Experience", "Training"],
        ["Experiments"] = ["IO", "Statistics", "Market", "Features", "Agents", "Rewards", "Backtest", "Experience", "Training", "Evaluation"],
        ["Reporting"] = ["IO", "Statistics", "Market", "Features", "Rewards", "Backtest", "Experience", "Evaluation", "Experiments"],
        ["Pipeline"] = ["IO", "Statistics", "Market", "Features", "Agents", "Rewards", "Backtest", "Experience", "Training", "Evaluation", "Experiments", "Reporting"],
    };

    /// <summary>The areas (second namespace segment under <paramref name="root"/>) that <paramref name="assembly"/> has.</summary>
    public static IReadOnlyList<string> AreasOf(Assembly assembly, string root) =>
        assembly.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith(root + ".", StringComparison.Ordinal))
            .Select(n => n[(root.Length + 1)..].Split('.')[0]).Distinct().Order().ToList();

    /// <summary>Every type of <paramref name="area"/> that depends (in signatures or method bodies) on an area it may not,
    /// as "Type -> forbidden areas".</summary>
    public static IReadOnlyList<string> Violations(Assembly assembly, string root, string area, IReadOnlyDictionary<string, string[]> allowed)
    {
        var forbidden = allowed.Keys.Where(a => a != area && !allowed[area].Contains(a)).Select(a => $"{root}.{a}.").ToArray();
        if (forbidden.Length == 0) return [];
        var result = Types.InAssembly(assembly).That().ResideInNamespace($"{root}.{area}").ShouldNot().HaveDependencyOnAny(forbidden.Select(f => f.TrimEnd('.')).ToArray()).GetResult();
        return result.IsSuccessful ? [] : (result.FailingTypeNames ?? []).Order().ToList();
    }
}
