using Plotly.NET;

namespace StockAgent.Reporting;

/// <summary>The minified plotly.js that Plotly.NET ships inside its own assembly (manifest resource
/// <c>Plotly.NET.plotly-{version}.min.js</c>, the library its <c>PlotlyJSReference.Full</c> option inlines), read once.
/// Its version is Plotly.NET's <c>Globals.PLOTLYJS_VERSION</c> (2.28.0 for Plotly.NET 6.0.0).</summary>
internal static class ReportPageLibrary
{
    private static readonly Lazy<string> Text = new(Load);

    /// <summary>The plotly.js version embedded.</summary>
    public static string Version => global::Globals.PLOTLYJS_VERSION;

    /// <summary>The library's source text, ready to sit inside an inline &lt;script&gt; element (checked to hold no
    /// <c>&lt;/script</c>, which would end the element early).</summary>
    public static string Script => Text.Value;

    private static string Load()
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = $"Plotly.NET.plotly-{Version}.min.js";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(
                $"{assembly.GetName().Name} {assembly.GetName().Version} does not embed '{name}'; its resources are: "
                + string.Join(", ", assembly.GetManifestResourceNames()) + ".");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        if (text.Contains("</script", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"'{name}' contains '</script', so it cannot be inlined in a <script> element.");
        return text;
    }
}
