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
}
