using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Statistics;

namespace StockAgent.Tests.Statistics;

public class MonthlyReturnsTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Of_KnownAnswer_CompoundsWithinEachMonth_NaNForMonthsWithoutData()
    {
        // November 2023: +10% then -10% = 1.1 x 0.9 - 1 = -1%; December: +5%; January 2024: +2%, +3% = 5.06%;
        // no data from February 2024 on, nor before November 2023.
        DateOnly[] dates = [D(2023, 11, 29), D(2023, 11, 30), D(2023, 12, 1), D(2024, 1, 2), D(2024, 1, 3)];
        double[] returns = [0.10, -0.10, 0.05, 0.02, 0.03];
        var m = MonthlyReturns.Of(dates, returns);

        Assert.Equal(2023, m.FirstYear);
        Assert.Equal([2023, 2024], m.Years);
        Assert.Equal(-0.01, m[2023, 11], 15);
        Assert.Equal(0.05, m[2023, 12], 15);
        Assert.Equal(0.0506, m[2024, 1], 15);
        Assert.True(double.IsNaN(m[2023, 10]));
        Assert.True(double.IsNaN(m[2024, 2]));
        Assert.True(double.IsNaN(m[2022, 5]));
        Assert.Equal(21, m.Values.Sum(row => row.Count(double.IsNaN))); // 10 empty months in 2023, 11 in 2024
        Assert.Throws<ArgumentOutOfRangeException>(() => m[2023, 13]);
    }

    [Fact]
    public void Of_YearsWithoutAnyReturnAreRowsOfNaN_ANaNReturnMakesItsMonthNaN()
    {
        var m = MonthlyReturns.Of([D(2020, 3, 2), D(2022, 3, 1), D(2022, 3, 2)], [0.01, double.NaN, 0.02]);
        Assert.Equal([2020, 2021, 2022], m.Years);
        Assert.All(m.Values[1], x => Assert.True(double.IsNaN(x)));
        Assert.Equal(0.01, m[2020, 3], 15);
        Assert.True(double.IsNaN(m[2022, 3]));
    }

    [Fact]
    public void Of_BadInput_NamesTheProblem()
    {
        var lengths = Assert.Throws<ArgumentException>(() => MonthlyReturns.Of([D(2020, 1, 2)], [0.1, 0.2]));
        Assert.Contains("1 dates for 2 returns", lengths.Message);
        Assert.Throws<ArgumentException>(() => MonthlyReturns.Of([], []));
    }

    [Property(MaxTest = 100)]
    public Property EachMonth_IsTheProductOfItsDailyFactors_AndAllMonthsCompoundToTheTotal() =>
        Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), Gen.Choose(1, 800).ToArbitrary(), (seed, n) =>
        {
            var rng = new Random(seed);
            var dates = new DateOnly[n];
            var returns = new double[n];
            var day = D(2015, 1, 1).AddDays(rng.Next(0, 400));
            for (int i = 0; i < n; i++)
            {
                day = day.AddDays(rng.Next(1, 6));
                dates[i] = day;
                returns[i] = (rng.NextDouble() - 0.5) / 10;
            }
            var m = MonthlyReturns.Of(dates, returns);
            foreach (var g in dates.Zip(returns).GroupBy(x => (x.First.Year, x.First.Month)))
            {
                double product = g.Aggregate(1.0, (p, x) => p * (1 + x.Second)) - 1;
                if (Math.Abs(m[g.Key.Year, g.Key.Month] - product) > 1e-14) return false.Label($"{g.Key}: {m[g.Key.Year, g.Key.Month]} vs {product}");
            }
            int months = dates.Select(d => (d.Year, d.Month)).Distinct().Count();
            double total = m.Values.SelectMany(row => row).Where(double.IsFinite).Aggregate(1.0, (p, x) => p * (1 + x));
            return (m.Values.Sum(row => row.Count(double.IsFinite)) == months
                && Math.Abs(total - ReturnPaths.Growth(returns)[^1]) <= 1e-12 * total).Label("months and total");
        });
}
