using System.Text.Json;
using System.Text.Json.Serialization;

namespace StockAgent.Evaluation;

/// <summary>An <see cref="ErrorAnalysisResult"/> as JSON: snake_case keys (policy_id, sets, from, to, backtests,
/// initial_cash, total_pnl, daily_pnl, volatility_low_max, volatility_mid_max, groups, top_losers, whipsaws,
/// failing_slices, notes, trade_count, corrective), ISO dates (yyyy-MM-dd), NaN and infinities as null. The full trade
/// list is left out (the CSV of groups and the top losers carry it).</summary>
public static class ErrorAnalysisJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new FiniteOrNull() },
    };

    public static string Serialize(ErrorAnalysisResult result) => JsonSerializer.Serialize(result, Options);

    /// <summary>Writes a NaN or infinite double as null (and reads null as NaN).</summary>
    private sealed class FiniteOrNull : JsonConverter<double>
    {
        public override bool HandleNull => true;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }
}
