using System.CommandLine;
using StockAgent.Cli;
using StockAgent.Market;

namespace StockAgent.Tests.Cli;

public class CliErrorsTests
{
    public static TheoryData<Exception, CliFailure> Cases()
    {
        var market = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 2, Sectors = 1, Years = 1 });
        return new TheoryData<Exception, CliFailure>
        {
            { new ArgumentException("--fast must be at least 1"), CliFailure.Input },
            { new ArgumentOutOfRangeException("window", "too long"), CliFailure.Input },
            { new FormatException("'x' is not a date"), CliFailure.Input },
            { new InvalidDataException("a.csv:3: bad"), CliFailure.Input },
            { new FileNotFoundException("no such model"), CliFailure.Input },
            { new DirectoryNotFoundException("no such folder"), CliFailure.Input },
            { new UnauthorizedAccessException("read-only"), CliFailure.Input },
            { Caught(() => _ = market["NOPE"]), CliFailure.Input },                                 // the kit's own lookup
            { Caught(() => _ = new Dictionary<string, int>()["NOPE"]), CliFailure.Internal },         // a .NET collection: a bug
            { new ArgumentNullException("policy"), CliFailure.Internal },
            { new InvalidOperationException("policy returned target exposure 7"), CliFailure.Internal },
            { new NullReferenceException(), CliFailure.Internal },
            { new NotSupportedException("stream"), CliFailure.Internal },
            { new IOException("No space left on device : '/data/x.db'"), CliFailure.Environment },
            { new IOException("experience library 'x' is open for writing elsewhere"), CliFailure.Environment },
            { new HttpRequestException("connection refused"), CliFailure.Environment },
            { new TaskCanceledException("timeout", new TimeoutException()), CliFailure.Environment },
            { new OperationCanceledException(), CliFailure.Cancelled },
            { new AggregateException(new InvalidDataException("a"), new InvalidDataException("b")), CliFailure.Input },
            { new AggregateException(new InvalidDataException("a"), new InvalidOperationException("bug")), CliFailure.Internal },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_TellsInputFromEnvironmentFromBugs(Exception ex, CliFailure expected) =>
        Assert.Equal(expected, CliErrors.Classify(ex));

    [Theory]
    [InlineData("stopLoss", "stop-loss")]
    [InlineData("StopLoss", "stop-loss")]
    [InlineData("batch_size", "batch-size")]
    [InlineData("seed", "seed")]
    public void Kebab_TurnsParameterNamesIntoOptionNames(string name, string expected) =>
        Assert.Equal(expected, CliErrors.Kebab(name));

    [Fact]
    public void Run_BugInTheKit_ExitsSeventyAndSaysItIsNotTheInput()
    {
        var (code, stderr) = Run(new InvalidOperationException("policy p returned target exposure 7 at 2020-01-02; it must be in [-1, 1]."));

        Assert.Equal(70, code);
        Assert.StartsWith("internal error: InvalidOperationException: policy p returned target exposure 7", stderr);
        Assert.Contains("This is a bug in StockAgent, not a problem with your input; run again with --verbose", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Run_BugInTheKitWithVerbose_PrintsTheStackTrace()
    {
        var (code, stderr) = Run(new InvalidOperationException("NaN loss"), "--verbose");

        Assert.Equal(70, code);
        Assert.StartsWith("internal error: InvalidOperationException: NaN loss", stderr);
        Assert.Contains("   at ", stderr);
        Assert.Contains(nameof(Thrower), stderr);
    }

    [Fact]
    public void Run_BadInput_ExitsTwoWithExactlyOneLine()
    {
        var (code, stderr) = Run(new InvalidDataException("prices.csv:3: high 8 is below low 9"));

        Assert.Equal(2, code);
        Assert.Equal("error: prices.csv:3: high 8 is below low 9" + Environment.NewLine, stderr);
    }

    [Fact]
    public void Run_EnvironmentFailure_ExitsSeventyFourWithOneLine()
    {
        var (code, stderr) = Run(new IOException("No space left on device : '/data/lib.db'"));

        Assert.Equal(74, code);
        Assert.Equal("error: No space left on device : '/data/lib.db'" + Environment.NewLine, stderr);
    }

    [Fact]
    public void Run_ArgumentExceptionNamingAParameter_IsShownAgainstTheCommandsOption()
    {
        var (code, stderr) = Run(new ArgumentException("must be in (0, 1) (got 5).", "stopLoss"));

        Assert.Equal(2, code);
        Assert.Equal("error: --stop-loss: must be in (0, 1) (got 5)." + Environment.NewLine, stderr);
    }

    [Fact]
    public void Run_ArgumentExceptionNamingAnUnknownParameter_DropsDotNetsSuffixOnly()
    {
        var (code, stderr) = Run(new ArgumentException("needs at least one symbol.", "symbols"));

        Assert.Equal(2, code);
        Assert.Equal("error: needs at least one symbol." + Environment.NewLine, stderr);
    }

    [Fact]
    public void Run_RealCommandWithVerbose_StillWorks()
    {
        var output = new StringWriter();
        int code = CliApp.Run(["info", "--verbose"], output, new StringWriter());

        Assert.Equal(0, code);
        Assert.Contains("culture:", output.ToString());
    }

    private static Exception Caught(Action action)
    {
        try { action(); }
        catch (Exception ex) { return ex; }
        throw new InvalidOperationException("expected an exception");
    }

    private static (int Code, string Stderr) Run(Exception toThrow, params string[] extra)
    {
        var root = CliApp.BuildRoot();
        var stopLoss = new Option<double?>("--stop-loss");
        var planted = new Command("planted-failure") { stopLoss };
        planted.SetAction(_ => Thrower(toThrow));
        root.Subcommands.Add(planted);
        var error = new StringWriter();
        int code = CliApp.Run(root, ["planted-failure", "--stop-loss", "5", .. extra], new StringWriter(), error);
        return (code, error.ToString());
    }

    private static int Thrower(Exception ex) => throw ex;
}
