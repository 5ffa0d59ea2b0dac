using System.Diagnostics;
using Schedulers.Tests.Support;

namespace Schedulers.Tests.Cli;

/// <summary>The command a build leaves behind, run as a separate process, as a user runs it from a clone.</summary>
public sealed class BuiltCommandTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public void A_build_leaves_a_command_named_schedulers_that_runs()
    {
        var name = OperatingSystem.IsWindows() ? "schedulers.exe" : "schedulers";
        var command = RepositoryPaths.InRepository("src", "Schedulers.Cli", "bin", Configuration, "net10.0", name);

        File.Exists(command).Should().BeTrue("building src/Schedulers.Cli must leave the command '{0}' (docs and help call it that)", command);
        using var process = Process.Start(new ProcessStartInfo(command, "--help") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(60_000).Should().BeTrue();
        process.ExitCode.Should().Be(0);
        output.Should().Contain("schedulers [command] [options]");
    }
}
