namespace StockAgent.Pipeline;

/// <summary>One of the research plan's common problems, seen in a pipeline's state: its name, what was seen, and the
/// plan's remedy.</summary>
public sealed record MonitorAlert(string Name, string Seen, string Remedy);
