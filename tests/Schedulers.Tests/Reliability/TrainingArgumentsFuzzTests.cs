using System.Globalization;
using System.Text;
using Schedulers.Tests.Cli;
using Xunit.Abstractions;

namespace Schedulers.Tests.Reliability;

/// <summary>
/// Mutated TrainingArguments files, YAML and JSON (see <see cref="TrainingArgumentsMutator"/>), through
/// <c>schedulers curve --from hf</c> with random run facts: a curve of usable values or exit 2 with a message and nothing
/// on standard output. Never another exception, a hang, a stack trace or partial output.
/// </summary>
public sealed class TrainingArgumentsFuzzTests(ITestOutputHelper output)
{
    private const int Inputs = 400;

    [Fact]
    public void Mutated_training_arguments_files_print_a_usable_curve_or_exit_2_with_a_message()
    {
        var printed = 0;
        var refused = 0;
        var directory = Directory.CreateTempSubdirectory("schedulers-hf-fuzz-");
        try
        {
            FuzzInputs.RunAll(Inputs, seed: 84_000, (index, random) =>
            {
                var bytes = TrainingArgumentsMutator.MutateBytes(TrainingArgumentsMutator.Bases[random.Next(TrainingArgumentsMutator.Bases.Length)], random);
                var file = Path.Combine(directory.FullName, $"input-{index}{(random.Next(2) == 0 ? ".yaml" : ".json")}");
                File.WriteAllBytes(file, bytes);
                List<string> args = ["curve", "--config", file, "--from", "hf", "--steps", "60", "--start", random.Next(0, 500).ToString(CultureInfo.InvariantCulture)];
                if (random.Next(4) > 0)
                {
                    args.AddRange(["--examples", random.Next(1, 5_000).ToString(CultureInfo.InvariantCulture)]);
                }

                if (random.Next(3) == 0)
                {
                    args.AddRange(["--world-size", random.Next(1, 9).ToString(CultureInfo.InvariantCulture), "--hf-epoch-rule", random.Next(2) == 0 ? "ceil" : "floor"]);
                }

                var run = CliRun.Of([.. args]);
                if (CommandLineOutcome.Check(run, $"input {index}: {FuzzInputs.Shorten(Encoding.UTF8.GetString(bytes))}"))
                {
                    Interlocked.Increment(ref printed);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }
            });
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        output.WriteLine($"{Inputs} files: {printed} printed a curve, {refused} exited 2");
        (printed + refused).Should().Be(Inputs);
        printed.Should().BeGreaterThan(Inputs / 10, "the mutations keep many files importable, or the fuzzing only tests refusals");
    }
}
