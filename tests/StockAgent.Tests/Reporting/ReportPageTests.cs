using System.Text.RegularExpressions;
using DynamicObj;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using StockAgent.Reporting;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Reporting;

/// <summary>The self-contained report page: escaping, plotly.js inlined once, no network address, one container per
/// chart, tables, deterministic output. Its charts drawn in a real browser: <see cref="ReportPageBrowserTests"/>.</summary>
public class ReportPageTests
{
    [Fact]
    public void Table_ScriptInACell_IsText()
    {
        var html = new ReportPage("t")
            .Table(["name", "value"], [["<script>alert(1)</script>", "1 & 2"]], caption: "a \"quoted\" <caption>")
            .ToHtml();
        var body = WithoutLibrary(html);
        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>", body);
        Assert.Contains("1 &amp; 2", body);
        Assert.Contains("<caption>a &quot;quoted&quot; &lt;caption&gt;</caption>", body);
        Assert.DoesNotContain("<script>alert", body);
    }

    [Fact]
    public void TitleHeadingParagraphAndList_AreEscaped()
    {
        var html = WithoutLibrary(new ReportPage("A <b> & 'c'")
            .Heading(2, "Results <img src=x onerror=alert(1)>")
            .Paragraph("x < y && y > z")
            .List(["<i>one</i>", "two"])
            .ToHtml());
        Assert.Contains("<title>A &lt;b&gt; &amp; &#39;c&#39;</title>", html);
        Assert.Contains("Results &lt;img src=x onerror=alert(1)&gt;</h2>", html);
        Assert.Contains("<p>x &lt; y &amp;&amp; y &gt; z</p>", html);
        Assert.Contains("<li>&lt;i&gt;one&lt;/i&gt;</li>", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<i>", html);
    }

    [Fact]
    public void Paragraph_KeepsBoldAndCodeSpans_AndLeavesUnpairedMarkersAsTyped()
    {
        var html = new ReportPage("t").Paragraph("Sharpe **1.52** from `stockagent evaluate --models <dir>`; a lone ** stays, `**not bold**`.").ToHtml();
        Assert.Contains("<p>Sharpe <strong>1.52</strong> from <code>stockagent evaluate --models &lt;dir&gt;</code>; "
            + "a lone ** stays, <code>**not bold**</code>.</p>", html);
    }

    [Fact]
    public void PlotlyJs_IsInlinedOnceInTheHead()
    {
        var html = new ReportPage("t").Chart(Line()).Chart(Bars()).ToHtml();
        var library = ReportPageLibrary.Script;
        Assert.True(library.Length > 1_000_000, $"the embedded plotly.js is only {library.Length} characters");
        Assert.StartsWith("/**\n* plotly.js v" + ReportPage.PlotlyJsVersion, library);
        int first = html.IndexOf(library, StringComparison.Ordinal);
        Assert.True(first > 0, "plotly.js is not in the page");
        Assert.Equal(-1, html.IndexOf(library, first + 1, StringComparison.Ordinal));
        Assert.True(first < html.IndexOf("</head>", StringComparison.Ordinal), "plotly.js is not in the head");
        Assert.Single(Regex.Matches(html, "plotly.js v" + Regex.Escape(ReportPage.PlotlyJsVersion)));
    }

    [Fact]
    public void Page_PointsAtNoNetworkAddress_EvenForAChartThatAsksForRequireJsOrACdn()
    {
        static GenericChart Referencing(PlotlyJSReference reference, GenericChart chart) => Plotly.NET.Chart.withDisplayOptions(
            DisplayOptions.setPlotlyReference(reference).Invoke(new DisplayOptions())).Invoke(chart);
        var viaRequire = Referencing(PlotlyJSReference.NewRequire("https://cdn.plot.ly/plotly-2.28.0.min"), Line());
        var viaCdn = Referencing(PlotlyJSReference.NewCDN("https://cdn.plot.ly/plotly-2.28.0.min.js"), Bars());
        Assert.Contains("requirejs", GenericChart.toChartHTML(viaRequire)); // what Plotly.NET itself would write
        var html = new ReportPage("t").Heading(2, "Charts").Chart(viaRequire).Chart(viaCdn).Chart(Heatmap()).Chart(Histogram())
            .Table(["a"], [["b"]]).ToHtml();
        var page = WithoutLibrary(html);
        Assert.DoesNotMatch(new Regex(@"\b(src|href|action|poster|data)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), page);
        Assert.DoesNotContain("http://", page);
        Assert.DoesNotContain("https://", page);
        Assert.DoesNotContain("require", page);
        Assert.DoesNotContain("<link", page);
        Assert.DoesNotContain("@import", page);
        Assert.DoesNotMatch(new Regex(@"<script[^>]*\bsrc\s*=", RegexOptions.IgnoreCase), html);
        // The library itself holds link texts (the "Produced with Plotly" logo, map attributions) but loads nothing.
        Assert.Equal(1 + 4, Regex.Matches(html, "<script>").Count);
    }

    [Fact]
    public void Charts_GetOneNumberedContainerAndOneDrawCallEach()
    {
        var page = new ReportPage("t").Chart(Line()).Paragraph("between").Chart(Heatmap()).Chart(Histogram());
        var html = WithoutLibrary(page.ToHtml());
        Assert.Equal(3, page.ChartCount);
        var containers = Regex.Matches(html, "<div id=\"([^\"]+)\" class=\"" + ReportPage.ChartContainerClass + "\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(["chart-1", "chart-2", "chart-3"], containers);
        foreach (var id in containers)
        {
            Assert.Single(Regex.Matches(html, $"id=\"{id}\""));
            Assert.Single(Regex.Matches(html, Regex.Escape($"Plotly.newPlot(\"{id}\", ")));
        }
        Assert.True(html.IndexOf("chart-1", StringComparison.Ordinal) < html.IndexOf("<p>between</p>", StringComparison.Ordinal));
        Assert.True(html.IndexOf("<p>between</p>", StringComparison.Ordinal) < html.IndexOf("chart-2", StringComparison.Ordinal));
    }

    [Fact]
    public void Chart_FillsTheColumn_KeepsItsHeight_AndIsResponsive()
    {
        var html = WithoutLibrary(new ReportPage("t")
            .Chart(Plotly.NET.CSharp.GenericChartExtensions.WithSize(Line(), Width: 900, Height: 380))
            .Chart(Plotly.NET.Chart.withConfig(NotResponsive()).Invoke(Bars()))
            .ToHtml());
        var calls = Regex.Matches(html, @"Plotly\.newPlot\(""(chart-\d)"", (.*), (\{.*\}), (\{.*\})\);</script>");
        Assert.Equal(2, calls.Count);
        var layout1 = System.Text.Json.Nodes.JsonNode.Parse(calls[0].Groups[3].Value)!.AsObject();
        Assert.False(layout1.ContainsKey("width"));
        Assert.Equal(380, (int)layout1["height"]!);
        Assert.True((bool)layout1["autosize"]!);
        Assert.Contains("id=\"chart-1\" class=\"report-chart\" style=\"height:380px\"", html);
        Assert.Contains("id=\"chart-2\" class=\"report-chart\" style=\"height:600px\"", html); // Plotly.NET's default height
        foreach (Match call in calls)
        {
            var config = System.Text.Json.Nodes.JsonNode.Parse(call.Groups[4].Value)!.AsObject();
            Assert.True((bool)config["responsive"]!);
            Assert.False((bool)config["displaylogo"]!);
        }
    }

    [Fact]
    public void Chart_TextThatLooksLikeMarkup_CannotEndItsScript()
    {
        var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>([1.0, 2.0], [3.0, 4.0], Name: "</script><script>alert(1)</script> & co")
            .WithTitle("<!-- title -->");
        var html = WithoutLibrary(new ReportPage("t").Chart(chart).ToHtml());
        Assert.DoesNotContain("alert(1)</script>", html);
        Assert.DoesNotContain("<!--", html);
        Assert.Contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 co", html);
        Assert.Equal(2, Regex.Matches(html, "</script>").Count); // the library's and the chart's
    }

    [Fact]
    public void Table_RightAlignsNumericColumns_AndKeepsRowsInOrder()
    {
        var html = WithoutLibrary(new ReportPage("t").Table(
            ["strategy", "Sharpe [95%]", "return", "trades", "note"],
            [
                ["agent", "1.52 [0.90, 2.10]", "12.5%", "1,204", "in-sample"],
                ["SPY", "-0.31 [-1.2, 0.6]", "\u22123.0%", "1", "-"],
                ["SMA 50/200", "NaN", "n/a", "0", "2024-01-02"],
            ], caption: "Performance").ToHtml());
        Assert.Contains("<thead><tr><th>strategy</th><th class=\"num\">Sharpe [95%]</th><th class=\"num\">return</th><th class=\"num\">trades</th><th>note</th></tr></thead>", html);
        Assert.Contains("<tr><td>agent</td><td class=\"num\">1.52 [0.90, 2.10]</td><td class=\"num\">12.5%</td><td class=\"num\">1,204</td><td>in-sample</td></tr>", html);
        Assert.True(html.IndexOf(">agent<", StringComparison.Ordinal) < html.IndexOf(">SPY<", StringComparison.Ordinal));
        Assert.True(html.IndexOf(">SPY<", StringComparison.Ordinal) < html.IndexOf(">SMA 50/200<", StringComparison.Ordinal));
        Assert.Contains("<caption>Performance</caption>", html);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("-0.31", true)]
    [InlineData("1,234,567.89", true)]
    [InlineData("12.5%", true)]
    [InlineData("\u22123.0%", true)]
    [InlineData("$1,000", true)]
    [InlineData("1.52 [0.90, 2.10]", true)]
    [InlineData("0.42 (p 0.03)", true)]
    [InlineData("5 bp", true)]
    [InlineData("1.2e-5", true)]
    [InlineData("NaN", true)]
    [InlineData("2024-01-02", false)]
    [InlineData("agent", false)]
    [InlineData("met (1.6 > 1.5)", false)]
    [InlineData("", false)]
    public void IsNumeric_ReadsNumbersUnitsAndIntervals(string cell, bool numeric) =>
        Assert.Equal(numeric, ReportPageMarkup.IsNumeric(cell));

    [Fact]
    public void Table_RowOfTheWrongWidth_IsRefusedNamingTheRow()
    {
        var e = Assert.Throws<ArgumentException>(() => new ReportPage("t").Table(["a", "b"], [["1", "2"], ["3"]]));
        Assert.Equal("rows", e.ParamName);
        Assert.Contains("rows[1] has 1 cells; the header has 2", e.Message);
        Assert.Equal("header", Assert.Throws<ArgumentException>(() => new ReportPage("t").Table([], [])).ParamName);
    }

    [Fact]
    public void Headings_GetAnchorsAndAContentsList()
    {
        var html = WithoutLibrary(new ReportPage("Benchmark")
            .Heading(2, "Performance Metrics").Heading(3, "Per regime").Heading(2, "Performance metrics").Heading(4, "Detail")
            .Heading(2, "Chart 1").Chart(Line())
            .ToHtml());
        Assert.Contains("<h2 id=\"performance-metrics\">Performance Metrics</h2>", html);
        Assert.Contains("<h3 id=\"per-regime\">Per regime</h3>", html);
        Assert.Contains("<h2 id=\"performance-metrics-2\">Performance metrics</h2>", html);
        Assert.Contains("<h4 id=\"detail\">Detail</h4>", html);
        Assert.Contains("<h2 id=\"chart-1\">Chart 1</h2>", html);
        Assert.Contains("<div id=\"chart-1-2\" class=\"report-chart\"", html); // ids never collide
        Assert.Contains("<li class=\"toc-0\"><a href=\"#performance-metrics\">Performance Metrics</a></li>", html);
        Assert.Contains("<li class=\"toc-1\"><a href=\"#per-regime\">Per regime</a></li>", html);
        Assert.Contains("<a href=\"#performance-metrics-2\">", html);
        Assert.DoesNotContain("<a href=\"#detail\">", html); // level 4 is left out of the contents
        Assert.True(html.IndexOf("<nav class=\"toc\"", StringComparison.Ordinal) < html.IndexOf("<h2 ", StringComparison.Ordinal));
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => new ReportPage("t").Heading(5, "x")).ParamName);
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => new ReportPage("t").Heading(0, "x")).ParamName);
        Assert.DoesNotContain("<nav", WithoutLibrary(new ReportPage("t").Paragraph("no headings").ToHtml()));
    }

    [Fact]
    public void SameCalls_GiveTheSameBytes_WithNoRandomIds()
    {
        string Build() => new ReportPage("Benchmark").Heading(2, "Equity").Chart(Line()).Chart(Heatmap())
            .Table(["a", "b"], [["x", "1"]]).Raw("<hr>").ToHtml();
        var first = Build();
        Assert.Equal(first, Build());
        Assert.DoesNotMatch(new Regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), WithoutLibrary(first));
        var page = new ReportPage("t").Chart(Line());
        Assert.Equal(page.ToHtml(), page.ToHtml());
    }

    [Fact]
    public void Raw_IsAddedAsGiven()
    {
        var html = new ReportPage("t").Paragraph("before").Raw("<details><summary>more</summary>x</details>").ToHtml();
        Assert.Contains("<p>before</p>\n<details><summary>more</summary>x</details>\n</main>", html);
    }

    [Fact]
    public void Save_WritesThePageAtomically()
    {
        using var temp = new TempFolder();
        var page = new ReportPage("t").Heading(2, "x").Chart(Bars());
        var path = temp.Combine("out/report.html");
        page.Save(path);
        Assert.Equal(page.ToHtml(), File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(temp.Combine("out")));
        var bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)'<', bytes[0]); // no byte-order mark
    }

    [Fact]
    public void BadArguments_AreRefusedByName()
    {
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => new ReportPage(" ")).ParamName);
        Assert.Equal("chart", Assert.Throws<ArgumentNullException>(() => new ReportPage("t").Chart(null!)).ParamName);
        Assert.Equal("items", Assert.Throws<ArgumentException>(() => new ReportPage("t").List(["a", null!])).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => new ReportPage("t").Table(["a"], [[null!]])).ParamName);
    }

    /// <summary>The page with plotly.js cut out (it holds link texts of its own, see the no-network test).</summary>
    internal static string WithoutLibrary(string html) => html.Replace(ReportPageLibrary.Script, "", StringComparison.Ordinal);

    /// <summary>Two equity-like lines on a linear y axis with a "linear"/"log" update menu, as the benchmark's equity chart has.</summary>
    internal static GenericChart Line()
    {
        var days = Enumerable.Range(0, 250).Select(d => new DateTime(2024, 1, 1).AddDays(d)).ToArray();
        double[] agent = new double[days.Length], spy = new double[days.Length];
        double a = 1_000_000, s = 1_000_000;
        for (int i = 0; i < days.Length; i++)
        {
            a *= 1 + 0.002 * Math.Sin(i / 9.0) + 0.0004;
            s *= 1 + 0.0015 * Math.Cos(i / 13.0) + 0.0002;
            agent[i] = a;
            spy[i] = s;
        }
        var chart = Plotly.NET.CSharp.Chart.Combine(
        [
            Plotly.NET.CSharp.Chart.Line<DateTime, double, string>(days, agent, Name: "agent"),
            Plotly.NET.CSharp.Chart.Line<DateTime, double, string>(days, spy, Name: "SPY"),
        ]).WithTitle("Equity").WithYTitle("equity");
        return Plotly.NET.Chart.withUpdateMenu(ScaleMenu(), FSharpOption<bool>.None).Invoke(chart);
    }

    internal static GenericChart Heatmap()
    {
        string[] months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        string[] years = ["2022", "2023", "2024"];
        var z = years.Select((_, y) => months.Select((_, m) => Math.Round(3 * Math.Sin(y * 12 + m), 2)).ToArray()).ToArray();
        return Plotly.NET.CSharp.Chart.Heatmap<double, string, string, string>(z, X: months, Y: years)
            .WithTitle("Monthly returns (%)");
    }

    internal static GenericChart Histogram()
    {
        var rng = new Random(7);
        var returns = Enumerable.Range(0, 500).Select(_ => (rng.NextDouble() + rng.NextDouble() + rng.NextDouble() - 1.5) / 100).ToArray();
        return Plotly.NET.CSharp.Chart.Histogram<double, double, string>(X: returns, Name: "daily return").WithTitle("Daily returns");
    }

    internal static GenericChart Bars() =>
        Plotly.NET.CSharp.Chart.Combine(
        [
            Plotly.NET.CSharp.Chart.Column<double, string, string>([1.2, -0.3, 0.8], Keys: Regimes, Name: "agent"),
            Plotly.NET.CSharp.Chart.Column<double, string, string>([0.9, -0.6, 0.1], Keys: Regimes, Name: "SPY"),
        ]).WithTitle("Sharpe per regime");

    private static readonly string[] Regimes = ["bull", "bear", "sideways"];

    private static Config NotResponsive()
    {
        var config = new Config();
        config.SetProperty("responsive", false);
        return config;
    }

    private static UpdateMenu ScaleMenu()
    {
        UpdateMenuButton Button(string label, string type)
        {
            var args = new DynamicObj.DynamicObj();
            args.SetProperty("yaxis.type", type);
            return UpdateMenuButton.init(Args: FSharpOption<IEnumerable<DynamicObj.DynamicObj>>.Some([args]), Args2: null, Execute: null,
                Label: FSharpOption<string>.Some(label), Method: FSharpOption<StyleParam.UpdateMethod>.Some(StyleParam.UpdateMethod.Relayout),
                Name: null, TemplateItemName: null, Visible: null);
        }
        return UpdateMenu.init(Active: null, BGColor: null, BorderColor: null,
            Buttons: FSharpOption<IEnumerable<UpdateMenuButton>>.Some([Button("linear", "linear"), Button("log", "log")]),
            Direction: FSharpOption<StyleParam.UpdateMenuDirection>.Some(StyleParam.UpdateMenuDirection.Right), Font: null, Name: null,
            Pad: null, ShowActive: null, TemplateItemName: null,
            Type: FSharpOption<StyleParam.UpdateMenuType>.Some(StyleParam.UpdateMenuType.Buttons), Visible: null,
            X: FSharpOption<double>.Some(1.0), XAnchor: FSharpOption<StyleParam.XAnchorPosition>.Some(StyleParam.XAnchorPosition.Right),
            Y: FSharpOption<double>.Some(1.02), YAnchor: FSharpOption<StyleParam.YAnchorPosition>.Some(StyleParam.YAnchorPosition.Bottom));
    }
}
