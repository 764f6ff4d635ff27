using StockAgent.Market;

namespace StockAgent.Tests.Market;

public class PrintableTextTests
{
    [Theory]
    [InlineData("2020-01-02", "2020-01-02")]
    [InlineData("a\0b", @"a\0b")]
    [InlineData("tab\there\r\n", @"tab\there\r\n")]
    [InlineData("\u001b[31mred", @"\x1B[31mred")]
    [InlineData("del\u007f", @"del\x7F")]
    [InlineData("bad\uFFFDbyte", @"bad\uFFFDbyte")]
    [InlineData("rtl\u202Eoverride", @"rtl\u202Eoverride")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("Zürich 東京 😀", "Zürich 東京 😀")]
    public void Escape_KeepsPrintableTextAndEscapesTheRest(string text, string expected) =>
        Assert.Equal(expected, PrintableText.Escape(text));

    [Fact]
    public void Escape_LoneSurrogate_IsEscaped() =>
        Assert.Equal(@"x\uD800y", PrintableText.Escape("x\uD800y"));

    [Fact]
    public void Escape_LongText_IsCutWithAnEllipsis()
    {
        var escaped = PrintableText.Escape(new string('7', 1000), maxLength: 20);

        Assert.Equal(new string('7', 20) + "...", escaped);
    }
}
