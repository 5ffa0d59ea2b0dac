using Schedulers.Cli;

namespace Schedulers.Designer.Tests;

/// <summary><c>schedulers serve</c>'s options: refused before anything listens.</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData(new[] { "serve", "--port", "99999" }, "error: --port 99999 is not a port: expected 0 (a free one) to 65535.")]
    [InlineData(new[] { "serve", "--host", "example.com" }, "error: --host example.com: give an IP address (127.0.0.1, ::1, 0.0.0.0) or localhost.")]
    public void Bad_options_exit_2_with_the_reason(string[] args, string message)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = CliApp.Run(args, output, error);

        exitCode.Should().Be(2);
        error.ToString().Trim().Should().Be(message);
        output.ToString().Should().BeEmpty();
    }
}
