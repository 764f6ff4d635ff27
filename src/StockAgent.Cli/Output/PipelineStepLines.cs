using System.Globalization;
using StockAgent.Pipeline;

namespace StockAgent.Cli;

/// <summary>The pipeline's steps as lines, "[kind] detail (seconds; trajectories, sessions)", each once: the steps
/// that a state's history gained since the previous state. The history of the first state seen (a resumed run's
/// earlier steps) was shown by the run that made it.</summary>
public sealed class PipelineStepLines
{
    private int _shown = -1;

    public IReadOnlyList<string> New(PipelineState state)
    {
        int from = _shown < 0 ? state.History.Count : Math.Min(_shown, state.History.Count);
        _shown = state.History.Count;
        return state.History.Skip(from).Select(step => string.Create(CultureInfo.InvariantCulture,
            $"[{step.Kind}] {step.Detail} ({step.Seconds:F1} s; {state.Trajectories:N0} trajectories, {state.Sessions} sessions)")).ToList();
    }
}
