using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Experience;
using StockAgent.Features;
using StockAgent.Market;
using StockAgent.Tests.Support;
using StockAgent.Training;
using TorchSharp;

namespace StockAgent.Tests.Training;

/// <summary>Per-model feature selection: a network reads the observation columns its metadata names, from the full
/// observation every source builds and every trajectory stores.</summary>
[Collection(TorchCollection.Name)]
public class FeatureSelectionTests
{
    private static readonly int Full = MarketObservations.Names.Count;

    private static NeuralPolicy Policy(IReadOnlyList<string> names, string architecture = PolicyNetworkSpec.Mlp, int length = 1, int seed = 3)
    {
        torch.manual_seed(seed);
        var spec = new PolicyNetworkSpec { Inputs = names.Count, Architecture = architecture, SequenceLength = length, Hidden = [16, 8], Actions = 3 };
        var network = new PolicyNetwork(spec);
        using (torch.no_grad())
            foreach (var p in network.parameters()) p.normal_(0, 1); // large weights: the choice follows the features
        var normalizer = new FeatureNormalizer(new double[names.Count], Enumerable.Repeat(0.3, names.Count).ToArray());
        return new NeuralPolicy(network, new NeuralPolicyMetadata(spec, [0, 0.5, 1], [.. names], normalizer, "t", "sft", DateTimeOffset.UnixEpoch), greedy: true);
    }

    private static MarketData Market() => SmallRlSetup.Market;

    [Fact]
    public void Parse_BaseCrossSectionalOrAList_GivesThoseColumns()
    {
        Assert.Equal(MarketObservations.BaseNames, ObservationColumns.Parse("base").Names);
        Assert.True(ObservationColumns.Parse("cross-sectional").IsAll);
        Assert.Equal(MarketObservations.BaseNames.Count + 6, ObservationColumns.Parse("cross-sectional").Count);
        var some = ObservationColumns.Parse("xs_mom_1m, ret_1,exposure");
        Assert.Equal(["xs_mom_1m", "ret_1", "exposure"], some.Names);
        var rows = Enumerable.Range(0, 2 * Full).Select(i => (float)i).ToArray();
        int xs = MarketObservations.Names.ToList().IndexOf("xs_mom_1m"), exposure = MarketObservations.Names.ToList().IndexOf("exposure");
        Assert.Equal([xs, 0, exposure, Full + xs, Full, Full + exposure], some.Select(rows));
        var ex = Assert.Throws<ArgumentException>(() => ObservationColumns.Parse("ret_1,no_such_feature"));
        Assert.Contains("no_such_feature", ex.Message);
        Assert.Throws<ArgumentException>(() => ObservationColumns.Parse("ret_1,ret_1"));
    }

    [Fact]
    public void BaseModel_FedFullObservations_SeesExactlyTheBaseColumns_AndDecidesAsOnThem()
    {
        var market = Market();
        var symbol = market.Symbols.First();
        var source = MarketObservations.Of(market).For(symbol);
        foreach (var (architecture, length) in new[] { (PolicyNetworkSpec.Mlp, 1), (PolicyNetworkSpec.Gru, 4) })
        {
            using var policy = Policy(MarketObservations.BaseNames, architecture, length);
            var seen = new List<float[]>();
            policy.InputsSeen = rows => seen.Add(rows);
            var result = Backtester.Run(policy, market[symbol], new BacktestOptions { RecordObservations = true }, 300, 360, 1, source);
            policy.InputsSeen = null;
            Assert.Equal(Full, result.ObservationSize);
            Assert.InRange(seen.Count, 60, 61);
            // The network's input at each decision ends with the base columns of the full observation the backtest
            // recorded (the layout of the kit before the ranks); a GRU's window holds the earlier bars before it.
            var columns = ObservationColumns.Of(MarketObservations.BaseNames);
            for (int k = 0; k < seen.Count; k++)
            {
                var expected = new float[columns.Count];
                columns.Select(result.Observations!.AsSpan(k * Full, Full), expected);
                Assert.Equal(expected, seen[k][^columns.Count..]);
                Assert.Equal(columns.Count * length, seen[k].Length);
            }
            var decisions = new PolicyDecision[seen.Count];
            var rowsSeen = seen.SelectMany(r => r).ToArray();
            policy.DecideBatch(rowsSeen, seen.Count, decisions);
            Assert.Equal(result.Actions[..seen.Count], decisions.Select(d => d.Action).ToArray());
            Assert.True(result.Actions.Distinct().Count() > 1, $"{architecture}: one constant action");
        }
    }

    [Fact]
    public void Load_AnOldModelOfTheBaseColumns_LoadsAndDecidesTheSame()
    {
        using var dir = new TempFolder();
        var market = Market();
        var symbol = market.Symbols.Skip(1).First();
        var source = MarketObservations.Of(market).For(symbol);
        using var policy = Policy(MarketObservations.BaseNames);
        policy.Save(dir.Path);
        Assert.Contains("\"sector_rs_60\",\n    \"exposure\"", File.ReadAllText(Path.Combine(dir.Path, NeuralPolicy.MetadataFile)).Replace("\r", ""));
        using var loaded = NeuralPolicy.Load(dir.Path, greedy: true);
        Assert.Equal(MarketObservations.BaseNames, loaded.Columns.Names);
        var a = Backtester.Run(policy, market[symbol], null, 200, 400, 1, source);
        var b = Backtester.Run(loaded, market[symbol], null, 200, 400, 1, source);
        Assert.Equal(a.Actions, b.Actions);
        Assert.Equal(a.Equity, b.Equity);
    }

    [Fact]
    public void RolloutBatch_OfABaseModel_SelectsItsColumns_AndAnOlderLibraryAsksToRecollect()
    {
        var market = Market();
        using var policy = Policy(MarketObservations.BaseNames);
        var episodes = new[] { new EpisodeSpec(market.Symbols.First(), 300, 20, 0, 1) };
        var trajectories = new ExperienceCollector(market).Collect(policy, episodes);
        Assert.Equal(Full, trajectories[0].ObservationSize); // trajectories keep the full observation
        var batch = RolloutBatch.From(trajectories, policy);
        Assert.Equal(policy.Network.Spec.Inputs, batch.Inputs);
        var expected = new float[20 * batch.Inputs];
        ObservationColumns.Of(MarketObservations.BaseNames).Select(trajectories[0].Observations, expected);
        policy.Metadata.Normalizer.Apply(expected, expected);
        Assert.Equal(expected, batch.Observations);

        var old = TrajectoryFactory.Make(new Random(1), steps: 5, observationSize: MarketObservations.BaseNames.Count);
        var ex = Assert.Throws<InvalidDataException>(() => RolloutBatch.From([old], policy));
        Assert.Contains("collect the experience library again", ex.Message);
    }

    [Fact]
    public void Sft_CrossSectionalFeatures_SavesAModelOfSixMoreInputs_ThatLoadsAndDecides()
    {
        using var dir = new TempFolder();
        var options = new SftOptions { Epochs = 1, Hidden = [16], LoraRank = 2, Seed = 3 };
        var (basePolicy, _) = SftTrainer.Train(SmallRlSetup.Market, SmallRlSetup.Split, options);
        var (xsPolicy, report) = SftTrainer.Train(SmallRlSetup.Market, SmallRlSetup.Split, options with { Features = "cross-sectional" });
        using (basePolicy)
        using (xsPolicy)
        {
            Assert.Equal(MarketObservations.BaseNames, basePolicy.Metadata.ObservationNames);
            Assert.Equal(MarketObservations.BaseNames.Count, basePolicy.Network.Spec.Inputs);
            Assert.Equal(MarketObservations.Names, xsPolicy.Metadata.ObservationNames);
            Assert.Equal(basePolicy.Network.Spec.Inputs + 6, xsPolicy.Network.Spec.Inputs);
            Assert.Equal(xsPolicy.Network.Spec.Inputs, xsPolicy.Metadata.Normalizer.Size);
            Assert.True(double.IsFinite(report.ValidationSharpe));
            // The ranks vary on the training rows (the normaliser saw them), so the network does read them.
            var rank = MarketObservations.Names.ToList().IndexOf("xs_mom_1m");
            Assert.True(xsPolicy.Metadata.Normalizer.Std[rank] > 0.1, $"std of xs_mom_1m {xsPolicy.Metadata.Normalizer.Std[rank]}");
            xsPolicy.Save(dir.Path);
        }
        using var loaded = NeuralPolicy.Load(dir.Path, greedy: true);
        var market = SmallRlSetup.Market;
        var symbol = market.Symbols.First();
        var r = Backtester.Run(loaded, market[symbol], null, 300, 400, 1, MarketObservations.Of(market).For(symbol));
        Assert.Equal(101, r.Days);
    }

    [Fact]
    public void Config_Features_IsAKeyOfSft_ABadNameIsAClearError()
    {
        Assert.Equal("base", TrainingConfig.Load<SftOptions>(null).Features);
        Assert.Equal("cross-sectional", TrainingConfig.Load<SftOptions>(null, ["features=cross-sectional"]).Features);
        Assert.Equal("ret_1,xs_rev_5d", TrainingConfig.Load<SftOptions>(null, ["features=ret_1,xs_rev_5d"]).Features);
        var ex = Assert.Throws<InvalidDataException>(() => TrainingConfig.Load<SftOptions>(null, ["features=momentum"]));
        Assert.Contains("--set features=momentum", ex.Message);
        Assert.Contains("momentum", ex.Message);
    }
}
