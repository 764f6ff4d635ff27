namespace StockAgent.Tests.Features.Indicators;

/// <summary>
/// SPY closes and the Bollinger Bands (20, 2) columns of StockCharts ChartSchool's worked example (cs-bbands.xls,
/// "Bollinger Bands"), published to 6 decimals; the first 19 bars have none. ChartSchool uses the population standard
/// deviation, so the kit's sample-std bands reproduce them with the multiplier 2 sqrt(19 / 20).
/// </summary>
public static class StockChartsBollinger
{
    public static readonly double[] Price =
    [
        86.1557, 89.0867, 88.7829, 90.3228, 89.0671, 91.1453, 89.4397, 89.1750, 86.9302, 87.6752, 86.9596, 89.4299, 89.3221,
        88.7241, 87.4497, 87.2634, 89.4985, 87.9006, 89.1260, 90.7043, 92.9001, 92.9784, 91.8021, 92.6647, 92.6843, 92.3021,
        92.7725, 92.5373, 92.9490, 93.2039, 91.0669, 89.8318, 89.7435, 90.3994, 90.7387, 88.0177, 88.0867, 88.8439, 90.7781,
        90.5416, 91.3894, 90.6500,
    ];

    public static readonly double[] Middle =
    [
        88.70794, 89.04516, 89.239745, 89.390705, 89.5078, 89.68866, 89.7465, 89.91314, 90.081255, 90.382195, 90.65863,
        90.863995, 90.88409, 90.90516, 90.988925, 91.153375, 91.19109, 91.1205, 91.167665, 91.25027, 91.242135, 91.1666, 91.05018,
    ];

    public static readonly double[] Upper =
    [
        91.291862, 91.949268, 92.612595, 92.9342, 93.31195, 93.72845, 93.899592, 94.266255, 94.565096, 94.786912, 95.043001,
        94.907605, 94.902912, 94.89532, 94.861013, 94.673629, 94.556593, 94.678752, 94.575786, 94.534271, 94.532306, 94.369251,
        94.148503,
    ];

    public static readonly double[] Lower =
    [
        86.124018, 86.141052, 85.866895, 85.84721, 85.70365, 85.64887, 85.593408, 85.560025, 85.597414, 85.977478, 86.274259,
        86.820385, 86.865268, 86.915, 87.116837, 87.633121, 87.825587, 87.562248, 87.759544, 87.966269, 87.951964, 87.963949,
        87.951857,
    ];

    /// <summary>Checks a computed column (from the 20-bar window) against a published one: NaN for the first 19 bars, then
    /// within <paramref name="tolerance"/>.</summary>
    public static void AssertColumn(Func<int, double[]> compute, double[] published, double tolerance)
    {
        var values = compute(20);
        Assert.Equal(Price.Length, values.Length);
        Assert.All(values[..19], v => Assert.True(double.IsNaN(v)));
        for (int i = 0; i < published.Length; i++) Assert.Equal(published[i], values[19 + i], tolerance);
    }
}
