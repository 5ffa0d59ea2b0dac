using Schedulers.Cli;

namespace Schedulers.Tests.Cli.Importing;

public sealed class PythonLiteralTests
{
    [Theory]
    [InlineData("100", "100")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("1e-4", "1e-4")]
    [InlineData("'exp_range'", "\"exp_range\"")]
    [InlineData("\"cos\"", "\"cos\"")]
    [InlineData("True", "true")]
    [InlineData("[30, 80]", "[30, 80]")]
    [InlineData("(30, 80)", "[30, 80]")]
    [InlineData("[ ]", "[]")]
    public void A_literal_sd_scripts_can_read_is_read(string text, string expected)
    {
        PythonLiteral.TryParse(text)!.ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("exp_range")]
    [InlineData("inf")]
    [InlineData("[1, 2")]
    [InlineData("'open")]
    [InlineData("1 2")]
    [InlineData("")]
    [InlineData("__import__('os')")]
    public void Text_that_is_not_a_literal_is_refused(string text)
    {
        PythonLiteral.TryParse(text).Should().BeNull();
    }
}
