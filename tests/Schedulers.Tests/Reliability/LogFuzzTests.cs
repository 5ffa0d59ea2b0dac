using System.Text;
using Schedulers.Tests.Cli;
using Xunit.Abstractions;

namespace Schedulers.Tests.Reliability;

/// <summary>
/// Mutated run logs (see <see cref="LogMutator"/>) through <c>schedulers check</c>: a report with a result (exit 0 or 1)
/// or a refusal (exit 2 with a message and nothing on standard output); never an exception, a stack trace or a hang.
/// </summary>
public sealed class LogFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Inputs = 400;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("schedulers-log-fuzz-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Mutated_logs_get_a_result_or_a_refusal()
    {
        var config = Path.Combine(_directory.FullName, "config.json");
        File.WriteAllText(config, LogMutator.Configuration);
        var outcomes = new int[3];
        FuzzInputs.RunAll(Inputs, seed: 87_000, (index, random) =>
        {
            var bytes = LogMutator.MutateBytes(LogMutator.Bases[index % LogMutator.Bases.Count], random);
            var file = Path.Combine(_directory.FullName, $"log-{index}");
            File.WriteAllBytes(file, bytes);
            var input = $"input {index}: {FuzzInputs.Shorten(Encoding.UTF8.GetString(bytes))}";
            CliRun run;
            try
            {
                run = CliRun.Of("check", "--config", config, "--log", file);
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException($"{input} threw {exception.GetType().Name}: {exception.Message}", exception);
            }

            run.Error.Should().NotContain("   at ", "no input may print a stack trace ({0})", input);
            run.ExitCode.Should().BeInRange(0, 2, input);
            if (run.ExitCode == 2)
            {
                run.Output.Should().BeEmpty("a refusal prints nothing on standard output ({0})", input);
                run.Error.Should().Contain("error:", "a refusal says why ({0})", input);
            }
            else
            {
                run.Lines[^1].Should().StartWith("result: the run ", input);
            }

            Interlocked.Increment(ref outcomes[run.ExitCode]);
        });

        output.WriteLine($"{Inputs} logs: {outcomes[0]} followed, {outcomes[1]} did not, {outcomes[2]} refused");
        outcomes.Sum().Should().Be(Inputs);
    }
}
