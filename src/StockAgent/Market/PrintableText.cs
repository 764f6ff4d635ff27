using System.Globalization;
using System.Text;

namespace StockAgent.Market;

/// <summary>
/// Makes text read from a data file safe to quote in a message: control characters become escapes (<c>\\</c> for a backslash, <c>\0</c>,
/// <c>\t</c>, <c>\n</c>, <c>\r</c>, <c>\x1B</c>), and so do invisible or unreadable ones (format and separator
/// characters, lone surrogates, private-use and unassigned code points, and U+FFFD, which stands for bytes that
/// are not UTF-8, as <c>\uFFFD</c>). Text longer than <c>maxLength</c> characters is cut and ends in "...".
/// </summary>
internal static class PrintableText
{
    public const int DefaultMaxLength = 60;

    public static string Escape(string text, int maxLength = DefaultMaxLength)
    {
        var sb = new StringBuilder(Math.Min(text.Length, maxLength) + 8);
        int i = 0;
        for (; i < text.Length && sb.Length < maxLength; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\0': sb.Append("\\0"); continue;
                case '\t': sb.Append("\\t"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\\': sb.Append("\\\\"); continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }
            if (c < 0x20 || c == 0x7F) sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            else if (IsUnprintable(c)) sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else sb.Append(c);
        }
        if (i < text.Length) sb.Append("...");
        return sb.ToString();
    }

    private static bool IsUnprintable(char c) => c == '\uFFFD' || char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        _ => false,
    };
}
