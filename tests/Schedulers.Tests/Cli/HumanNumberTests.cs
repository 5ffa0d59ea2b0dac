using Schedulers.Cli;

namespace Schedulers.Tests.Cli;

public sealed class HumanNumberTests
{
    [Theory]
    [InlineData(0.00030000000000000003, "3e-4")]
    [InlineData(3e-4, "3e-4")]
    [InlineData(1e-6, "1e-6")]
    [InlineData(1.5e-5, "1.5e-5")]
    [InlineData(0.01, "0.01")]
    [InlineData(0.0099999999999, "0.01")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0, "1")]
    [InlineData(2.5, "2.5")]
    [InlineData(0.0, "0")]
    [InlineData(300.0, "300")]
    [InlineData(4.317124741065786e-6, "4.31712e-6")]
    [InlineData(0.012345678, "0.0123457")]
    [InlineData(2_500_000.0, "2.5e6")]
    public void Numbers_are_rounded_to_six_significant_digits_in_the_shortest_readable_form(double value, string expected)
    {
        HumanNumber.Format(value).Should().Be(expected);
    }
}
