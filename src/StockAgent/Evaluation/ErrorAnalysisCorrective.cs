namespace StockAgent.Evaluation;

/// <summary>Corrective trajectories collected after an error analysis: the library, the batch they were stored in
/// (null when nothing was collected), how many were asked for and stored, the batch seed, the failing slices they were
/// drawn from (start states from the training period and training symbols only) and the episode window.</summary>
public sealed record ErrorAnalysisCorrective(string Library, long? BatchId, int Requested, int Trajectories, int Seed,
    IReadOnlyList<ErrorAnalysisSlice> Slices, int Window);
