using StockAgent.Market;

namespace StockAgent.Agents;

/// <summary>Several policies over one action space acting as one (e.g. checkpoints of a run). Usable wherever a policy is.
/// Confidence is the share of votes (or the mean probability) of the chosen action; the ensemble is deterministic,
/// so its log-probability is 0. Disposing it disposes the members that are disposable.</summary>
public sealed class EnsemblePolicy : IPolicy, IDisposable
{
    private readonly IReadOnlyList<IPolicy> _members;

    public EnsemblePolicy(IReadOnlyList<IPolicy> members, EnsembleMode mode = EnsembleMode.MajorityVote)
    {
        if (members.Count == 0) throw new ArgumentException("an ensemble needs at least one member.");
        var actions = members[0].Actions;
        foreach (var m in members)
            if (!m.Actions.Exposures.SequenceEqual(actions.Exposures))
                throw new ArgumentException($"ensemble members must share one action space: {m.Id} has {m.Actions}, {members[0].Id} has {actions}.");
        if (mode == EnsembleMode.MeanProbability && members.Any(m => m is not NeuralPolicy))
            throw new ArgumentException("mean-probability ensembles need neural members (they expose action probabilities); use majority vote.");
        _members = members;
        Mode = mode;
        Actions = actions;
    }

    public EnsembleMode Mode { get; }
    public string Id => "ensemble";
    public string Version => $"{Mode}:{string.Join("+", _members.Select(m => m.Version))}";
    public ActionSpace Actions { get; }

    public void Dispose()
    {
        foreach (var m in _members) (m as IDisposable)?.Dispose();
    }

    public IPolicySession Begin(PriceSeries series, int seed) =>
        new Session(this, _members.Select((m, i) => m.Begin(series, SeedMixer.Mix(seed, i))).ToArray());

    private sealed class Session(EnsemblePolicy ensemble, IPolicySession[] sessions) : IPolicySession
    {
        private readonly double[] _score = new double[ensemble.Actions.Count];

        public PolicyDecision Decide(in DecisionContext context)
        {
            Array.Clear(_score);
            if (ensemble.Mode == EnsembleMode.MajorityVote)
                foreach (var s in sessions) _score[s.Decide(context).Action] += 1.0 / sessions.Length;
            else
                foreach (IProbabilisticSession member in sessions)
                {
                    var logp = member.LogProbabilities(context);
                    for (int a = 0; a < _score.Length; a++) _score[a] += Math.Exp(logp[a]) / sessions.Length;
                }
            int best = 0;
            for (int a = 1; a < _score.Length; a++)
                if (_score[a] > _score[best] + 1e-12 || (Math.Abs(_score[a] - _score[best]) <= 1e-12 && Math.Abs(ensemble.Actions.Exposures[a]) < Math.Abs(ensemble.Actions.Exposures[best])))
                    best = a;
            return new PolicyDecision(best, ensemble.Actions.Exposures[best], _score[best], 0);
        }
    }
}
