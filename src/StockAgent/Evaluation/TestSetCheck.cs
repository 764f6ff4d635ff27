namespace StockAgent.Evaluation;

/// <summary>What <see cref="TestSetGuard"/> found for one test set: whether it overlaps the dates x symbols the model
/// trained on (in-sample: refused unless allowed, then marked IN-SAMPLE everywhere), whether it overlaps the validation
/// period of the training symbols (allowed, labelled "used for model selection"), and a one-line description.</summary>
public sealed record TestSetCheck(TestSet Set, bool InSample, bool UsedForModelSelection, string Description)
{
    /// <summary>The label every table, JSON and chart carries for this set's numbers.</summary>
    public string Label => InSample ? "IN-SAMPLE" : UsedForModelSelection ? "used for model selection" : Set.Kind;
}
