using StockAgent.Features;

namespace StockAgent.Tests.Features.Indicators;

public class LogReturnContractTests : IndicatorContractTests
{
    protected override string ReferenceFile => "log_return_5.csv";
    protected override string[] Outputs => ["log_return"];
    protected override int WarmUp => 5;

    protected override void Compute(ReadOnlySpan<double> source, double[][] outputs) => LogReturn.Compute(source, 5, outputs[0]);

    protected override IEnumerable<(string Parameter, Action Call)> InvalidArguments() =>
        [("lookback", () => LogReturn.Compute(new double[5], 0, new double[5]))];
}
