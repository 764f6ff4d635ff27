using System.Text.Json;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Market;

public class DataValidateCommandTests
{
    [Fact]
    public void Validate_FolderWithBadFile_ExitsOneAndNamesFileAndLine()
    {
        using var dir = new TempFolder();
        dir.File("GOOD.csv", "date,open,high,low,close,volume\n2020-01-02,10,12,9,11,100\n");
        dir.File("BAD.csv", "date,open,high,low,close,volume\n2020-01-02,10,12,9,11,100\n2020-01-03,10,8,9,11,100\n");

        var run = CliRunner.Run("data", "validate", dir.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("BAD.csv:3", run.Stdout);
        Assert.Matches(@"2 files, [1-9]\d* errors", run.Stdout);
    }

    [Fact]
    public void Validate_Json_HasTotalsAndIssues()
    {
        using var dir = new TempFolder();
        dir.File("ZERO.csv", "date,open,high,low,close,volume\n2020-01-02,10,12,9,11,0\n");

        var run = CliRunner.Run("data", "validate", dir.Path, "--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(1, doc.RootElement.GetProperty("total_files").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("total_warnings").GetInt32());
        Assert.Equal("zero volume", doc.RootElement.GetProperty("files")[0].GetProperty("issues")[0].GetProperty("message").GetString());
    }

    [Fact]
    public void Validate_MissingFolder_ExitsTwoWithOneLine()
    {
        var run = CliRunner.Run("data", "validate", "/no/such/folder");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/no/such/folder", run.Stderr);
    }

    [Fact]
    public void Validate_BinaryGarbage_EscapesUnprintableBytes()
    {
        using var dir = new TempFolder();
        File.WriteAllBytes(dir.Combine("JUNK.csv"), [0x00, 0x01, 0x1B, (byte)'[', (byte)'2', (byte)'J', 0xFF, 0xFE, 0x00, (byte)'\n', 0x07, 0x00, 0x00]);
        File.WriteAllBytes(dir.Combine("ROWS.csv"), [.. "date,open,high,low,close,volume\n"u8, 0x00, 0x00, 0x08, (byte)',', (byte)'1', (byte)',',
            (byte)'2', (byte)',', (byte)'1', (byte)',', (byte)'1', (byte)',', (byte)'1', (byte)'\n',
            .. "2020-01-02,1\u0000\u0000,2,1,1,1\n"u8]);

        var text = CliRunner.Run("data", "validate", dir.Path);
        var json = CliRunner.Run("data", "validate", dir.Path, "--json");

        Assert.Equal(1, text.ExitCode);
        Assert.Equal(1, json.ExitCode);
        foreach (var output in new[] { text.Stdout, json.Stdout })
        {
            var unprintable = output.Where(c => (char.IsControl(c) && c is not '\n' and not '\r') || c == '\uFFFD').ToList();
            Assert.True(unprintable.Count == 0, $"unprintable characters {string.Join(" ", unprintable.Select(c => ((int)c).ToString("X2")))} in:\n{output}");
        }
        Assert.Contains(@"header is '\0\x01\x1B[2J\uFFFD\uFFFD\0'", text.Stdout);
        Assert.Contains(@"cannot read the date '\0\0\x08'", text.Stdout);
        Assert.Contains(@"open '1\0\0' is not a finite number", text.Stdout);
    }

    [Fact]
    public void Validate_EmptyUniverse_ExitsOneWithTheReport()
    {
        using var dir = new TempFolder();
        dir.File("universe.csv", "");
        dir.File("GOOD.csv", "date,open,high,low,close,volume\n2020-01-02,10,12,9,11,100\n");

        var run = CliRunner.Run("data", "validate", dir.Path);
        var json = CliRunner.Run("data", "validate", dir.Path, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Contains("error: universe.csv:1: empty file", run.Stdout);
        Assert.Contains("GOOD.csv", run.Stdout);
        Assert.Contains("1 files, 1 errors, 0 warnings", run.Stdout);
        Assert.Equal(1, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal(1, doc.RootElement.GetProperty("total_errors").GetInt32());
        Assert.Equal("universe.csv", doc.RootElement.GetProperty("folder_issues")[0].GetProperty("file").GetString());
    }
}
