using StockAgent.Experiments;
using StockAgent.Tests.Support;
using Xunit;

namespace StockAgent.Tests.Experiments;

public class SweepConfigTests
{
    private static SweepConfig Write(TempFolder dir, string yaml, string name = "s.yaml")
    {
        var path = Path.Combine(dir.Path, name);
        File.WriteAllText(path, yaml);
        return SweepConfig.Load(path);
    }

    private static string Error(string yaml)
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "bad.yaml");
        File.WriteAllText(path, yaml);
        return Assert.Throws<InvalidDataException>(() => SweepConfig.Load(path)).Message;
    }

    [Fact]
    public void Grid_expands_every_combination_in_row_major_order_with_the_fixed_keys_first()
    {
        using var dir = new TempFolder();
        var c = Write(dir, "search: grid\nseeds: [1, 2]\nfixed:\n  num_iterations: 3\nspace:\n  kl_coef: [0.01, 0.1]\n  hidden: [[16], [32, 32]]\n  reward: [pnl, composite, sharpe]\n");
        Assert.Equal("s", c.Name);
        Assert.Equal(12, c.GridSize);
        var all = c.Expand();
        Assert.Equal(12, all.Count);
        Assert.Equal(["num_iterations=3", "kl_coef=0.01", "hidden=[16]", "reward=pnl"], all[0]);
        Assert.Equal(["num_iterations=3", "kl_coef=0.01", "hidden=[16]", "reward=composite"], all[1]);
        Assert.Equal(["num_iterations=3", "kl_coef=0.1", "hidden=[32, 32]", "reward=sharpe"], all[^1]);
        Assert.Equal(12, all.Select(a => string.Join(";", a)).Distinct().Count());
        Assert.Equal([1, 2], c.Seeds);
    }

    [Fact]
    public void Random_draws_distinct_configurations_the_same_way_for_the_same_seed()
    {
        using var dir = new TempFolder();
        const string yaml = "search: random\nconfigurations: 7\nseed: 3\nspace:\n  kl_coef: [0.01, 0.02, 0.05, 0.1]\n  learning_rate: [0.0005, 0.001, 0.002]\n  reward: [pnl, composite]\n";
        var a = Write(dir, yaml).Expand().Select(x => string.Join(";", x)).ToList();
        var b = Write(dir, yaml, "t.yaml").Expand().Select(x => string.Join(";", x)).ToList();
        Assert.Equal(7, a.Count);
        Assert.Equal(7, a.Distinct().Count());
        Assert.Equal(a, b);
        var other = Write(dir, yaml.Replace("seed: 3", "seed: 4"), "u.yaml").Expand().Select(x => string.Join(";", x)).ToList();
        Assert.NotEqual(a, other);
        // Asking for more than the grid holds gives the whole grid, each once.
        var whole = Write(dir, yaml.Replace("configurations: 7", "configurations: 100"), "v.yaml").Expand();
        Assert.Equal(24, whole.Count);
        Assert.Equal(24, whole.Select(x => string.Join(";", x)).Distinct().Count());
    }

    [Fact]
    public void The_fingerprint_changes_with_what_is_trained_and_not_with_the_name()
    {
        using var dir = new TempFolder();
        var a = Write(dir, "name: a\nspace:\n  kl_coef: [0.01, 0.1]\n");
        Assert.Equal(a.Fingerprint(), Write(dir, "name: b\nspace:\n  kl_coef: [0.01, 0.1]\n", "b.yaml").Fingerprint());
        Assert.NotEqual(a.Fingerprint(), Write(dir, "name: a\nspace:\n  kl_coef: [0.01, 0.2]\n", "c.yaml").Fingerprint());
        Assert.NotEqual(a.Fingerprint(), Write(dir, "name: a\nseeds: [7, 8]\nspace:\n  kl_coef: [0.01, 0.1]\n", "d.yaml").Fingerprint());
    }

    [Theory]
    [InlineData("space:\n  kl_coeff: [0.1]\n", "bad.yaml:2", "did you mean 'kl_coef'")]
    [InlineData("space:\n  kl_coef: [0.1, lots]\n", "bad.yaml:2", "kl_coef takes a number")]
    [InlineData("fixed:\n  num_iterations: 0\n", "bad.yaml:2", "num_iterations")]
    [InlineData("searches: grid\n", "bad.yaml:1", "unknown sweep key 'searches'")]
    [InlineData("search: bayes\n", "bad.yaml:1", "grid or random")]
    [InlineData("search: random\nspace:\n  kl_coef: [0.1]\n", "bad.yaml", "configurations: N")]
    [InlineData("space:\n  kl_coef: 0.1\n", "bad.yaml:2", "list of values")]
    [InlineData("space:\n  kl_coef: [0.1, 0.1]\n", "bad.yaml:2", "twice")]
    [InlineData("fixed:\n  kl_coef: 0.1\nspace:\n  kl_coef: [0.1, 0.2]\n", "bad.yaml:4", "fixed and in space")]
    [InlineData("fixed:\n  seed: 3\n", "bad.yaml:2", "seeds list")]
    [InlineData("seeds: [1, 2]\nensemble_top: 3\n", "bad.yaml", "ensemble_top")]
    [InlineData("seeds: [1, 1]\n", "bad.yaml:1", "twice")]
    [InlineData("configurations: -2\n", "bad.yaml:1", "at least 1")]
    [InlineData("space: [a\n", "bad.yaml:", "")]
    public void Bad_input_names_the_file_line_and_what_is_wrong(string yaml, string where, string what)
    {
        var message = Error(yaml);
        Assert.Contains(where, message);
        Assert.Contains(what, message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var e = Assert.Throws<FileNotFoundException>(() => SweepConfig.Load("/nonexistent/sweep.yaml"));
        Assert.Contains("/nonexistent/sweep.yaml", e.Message);
    }

    [Fact]
    public void The_sweeps_shipped_in_data_config_load()
    {
        var folder = Path.Combine(RepoPaths.Root, "data", "config", "sweeps");
        var files = Directory.GetFiles(folder, "*.yaml");
        Assert.NotEmpty(files);
        foreach (var f in files) Assert.NotEmpty(SweepConfig.Load(f).Expand());
    }
}
