namespace StockAgent.Evaluation;

/// <summary>
/// One group of an error analysis (<see cref="Grouping"/> is regime, sector, volatility or holding; <see cref="Key"/>
/// the group). Over its closed trades: count, win rate (share with P&amp;L &gt; 0; NaN without trades), total and mean
/// P&amp;L after costs, and share of total loss = (sum of this group's negative trade P&amp;L) / (sum of every negative
/// trade P&amp;L; NaN when no trade lost), so the shares of a grouping add up to 1. Over days: the number of backtest days
/// labelled with this group and their summed equity change (<see cref="DailyPnl"/>); a day is labelled by the state
/// at the close before it (causal), the sector by its symbol. Holding-period groups have no days (0, NaN).
/// </summary>
public sealed record ErrorAnalysisGroup(
    string Grouping, string Key, int Trades, double WinRate, double TotalPnl, double MeanPnl, double ShareOfLoss, int Days, double DailyPnl);
