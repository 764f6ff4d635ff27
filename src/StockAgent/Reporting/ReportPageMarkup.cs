using System.Text;
using System.Text.RegularExpressions;

namespace StockAgent.Reporting;

/// <summary>The text rules of <see cref="ReportPage"/>: HTML escaping, the two inline spans it keeps (<c>**bold**</c>
/// and <c>`code`</c>), heading anchors, and which table cells read as numbers.</summary>
internal static partial class ReportPageMarkup
{
    /// <summary>Escapes the five characters that HTML gives a meaning (&amp; &lt; &gt; " '), so any text reads as text in
    /// element content and in quoted attribute values.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        return sb.ToString();
    }

    /// <summary>Escapes <paramref name="text"/>, then turns <c>`code`</c> spans into &lt;code&gt; (their content kept
    /// literally) and, outside them, <c>**bold**</c> spans into &lt;strong&gt;. Unpaired markers stay as typed.</summary>
    public static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        int at = 0;
        foreach (Match m in CodeSpan().Matches(text))
        {
            sb.Append(Bold(text[at..m.Index]));
            sb.Append("<code>").Append(Escape(m.Groups[1].Value)).Append("</code>");
            at = m.Index + m.Length;
        }
        sb.Append(Bold(text[at..]));
        return sb.ToString();
    }

    /// <summary>An anchor id from a heading: lower-case ASCII letters and digits, every other run of characters one
    /// hyphen, no leading or trailing hyphen; "section" when nothing is left.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().TrimEnd('-');
        return slug.Length == 0 ? "section" : slug;
    }

    /// <summary>Whether a table cell reads as a number, so its column is right-aligned: an optional sign or currency
    /// sign, digits (with thousands commas and a decimal point), an optional unit (%, x, bp, bps, d) and an optional
    /// bracketed interval after it ("1.52 [0.90, 2.10]"); "NaN" counts too.</summary>
    public static bool IsNumeric(string cell) => NumericCell().IsMatch(cell.Trim());

    /// <summary>Whether a cell says "no value" (empty, a dash, n/a), which neither makes a column numeric nor stops it.</summary>
    public static bool IsBlank(string cell) => cell.Trim() is "" or "-" or "\u2014" or "\u2013" or "n/a" or "N/A";

    private static string Bold(string text) => BoldSpan().Replace(Escape(text), "<strong>$1</strong>");

    [GeneratedRegex(@"`([^`\r\n]+)`")]
    private static partial Regex CodeSpan();

    // Runs on escaped text, where '*' is unchanged.
    [GeneratedRegex(@"\*\*(?=\S)(.+?)(?<=\S)\*\*")]
    private static partial Regex BoldSpan();

    [GeneratedRegex(@"^(?:NaN|[-+\u2212]?[$\u20ac\u00a3]?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?\s?(?:%|x|bp|bps|d)?(?:\s*[\[(][^\])]*[\])])?)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumericCell();
}
