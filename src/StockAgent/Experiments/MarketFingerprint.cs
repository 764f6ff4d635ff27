using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using StockAgent.Market;

namespace StockAgent.Experiments;

/// <summary>SHA-256 over a loaded market's content: each symbol (ordinal order) with its sector and every bar (date,
/// adjusted OHLC, volume), then the benchmark's bars. The same bars give the same fingerprint whatever the file layout
/// or the folder's path; any changed price changes it. The first 16 hex digits are kept.</summary>
public static class MarketFingerprint
{
    public static string Of(MarketData market)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var symbol in market.Series.Keys.Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(symbol + "\u0001" + market.SectorOf(symbol) + "\u0002"));
            Append(hash, market.Series[symbol]);
        }
        if (market.Benchmark is { } b)
        {
            hash.AppendData(Encoding.UTF8.GetBytes("benchmark\u0001" + b.Symbol + "\u0002"));
            Append(hash, b);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static void Append(IncrementalHash hash, PriceSeries s)
    {
        var days = new int[s.Count];
        for (int i = 0; i < days.Length; i++) days[i] = s.Dates[i].DayNumber;
        hash.AppendData(MemoryMarshal.AsBytes(days.AsSpan()));
        foreach (var field in new[] { s.Open, s.High, s.Low, s.Close, s.Volume })
            hash.AppendData(MemoryMarshal.AsBytes(field.AsSpan()));
    }
}
