namespace StockAgent.Market;

/// <summary>Daily-bar CSV layouts the loader recognises from the header.</summary>
public enum CsvFormat
{
    /// <summary>AlphaVantage daily adjusted: timestamp,open,high,low,close,adjusted_close,volume,dividend_amount,split_coefficient.</summary>
    AlphaVantage,

    /// <summary>Yahoo Finance: Date,Open,High,Low,Close,Adj Close,Volume.</summary>
    Yahoo,

    /// <summary>Plain or Stooq: date,open,high,low,close,volume (no adjustment).</summary>
    Plain,
}
