using StockAgent.Agents;
using StockAgent.Training;

namespace StockAgent.Pipeline;

/// <summary>Where an interrupted training session (<see cref="ActiveTraining"/>) carries on: the newest checkpoint of
/// its run folder (<c>models/checkpoint_NNNN</c>) holding the trainer's state (<see cref="ResumeState.FileName"/> and
/// <see cref="ResumeState.OptimizerFileName"/>) of the same algorithm at an iteration before the last one asked, as
/// <c>train --init-from CHECKPOINT</c> resumes it; or, when there is none, why the session must run again from the
/// start (SFT always does: it trains a new network and takes no starting model).</summary>
public sealed record SessionResume(string? Checkpoint, int Iteration, string Reason)
{
    /// <summary>The resume point of <paramref name="session"/> for a run that now trains <paramref name="algorithm"/>.</summary>
    /// <exception cref="InvalidDataException">A checkpoint's trainer_state.json is not a trainer state (it names the file).</exception>
    public static SessionResume Find(ActiveTraining session, string algorithm)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Algorithm == "sft")
            return new SessionResume(null, 0, "an SFT session trains a new network and cannot start from a checkpoint");
        if (session.Algorithm != algorithm)
            return new SessionResume(null, 0, $"it trained {session.Algorithm} and the run now trains {algorithm}");
        if (session.RunFolder is not null && Newest(session.RunFolder, algorithm, session.Iterations) is { } newest) return newest;
        // A session carried on once already, killed again before its new run folder had a checkpoint: where that one started.
        if (session.ResumedFrom is { } from && ResumeState.TryLoad(from) is { } earlier)
            return new SessionResume(from, earlier.Iteration, "the run folder that carried it on has no checkpoint of its own yet");
        return new SessionResume(null, 0, session.RunFolder is null
            ? "it was stopped before its run folder was made"
            : $"it was stopped before its first checkpoint (none in {Path.Combine(session.RunFolder, "models")} holds the trainer's state of an iteration before its last)");
    }

    private static SessionResume? Newest(string runFolder, string algorithm, int iterations)
    {
        var models = Path.Combine(runFolder, "models");
        SessionResume? newest = null;
        foreach (var checkpoint in Directory.Exists(models) ? Directory.GetDirectories(models, "checkpoint_*") : [])
        {
            // A checkpoint folder is moved into place whole; one without weights or Adam's state is not a checkpoint.
            if (!File.Exists(Path.Combine(checkpoint, NeuralPolicy.MetadataFile)) || !File.Exists(Path.Combine(checkpoint, ResumeState.OptimizerFileName))) continue;
            var state = ResumeState.TryLoad(checkpoint);
            if (state is null || state.Algorithm != algorithm || state.Iteration >= iterations || state.Iteration <= (newest?.Iteration ?? 0)) continue;
            newest = new SessionResume(checkpoint, state.Iteration, $"its checkpoint after iteration {state.Iteration} of {iterations} holds the trainer's state");
        }
        return newest;
    }
}
