using System.Globalization;
using System.Text;
using Schedulers.Cli;
using Schedulers.Tests.Cli;
using Xunit.Abstractions;

namespace Schedulers.Tests.Reliability;

/// <summary>
/// Mutated timm args.yaml files (see <see cref="ArgsYamlMutator"/>) through the timm import and through <c>schedulers
/// curve --config FILE --from timm</c>: the only outcomes are a configuration (and then a usable schedule or our
/// validation's refusal) or a refusal with exit code 2. Never another exception, a hang, a stack trace or partial output.
/// </summary>
public sealed class ArgsYamlFuzzTests(ITestOutputHelper output)
{
    private const int ImportInputs = 4_000;
    private const int FileInputs = 300;

    private static readonly long?[] Batches = [null, null, 1, 7, 1_000, 1_000_000_000];
    private static readonly long?[] WorldSizes = [null, 1, 8, 1_000_000];

    [Fact]
    public void Mutated_args_files_import_to_a_configuration_or_are_refused_with_a_usage_problem()
    {
        var imported = 0;
        var refused = 0;
        FuzzInputs.RunAll(ImportInputs, seed: 91_000, (index, random) =>
        {
            var yaml = ArgsYamlMutator.Mutate(ArgsYamlMutator.Samples[random.Next(ArgsYamlMutator.Samples.Count)], random);
            var worldSize = WorldSizes[random.Next(WorldSizes.Length)];
            var facts = new ImportFacts(worldSize ?? 1, worldSize is not null, Batches[random.Next(Batches.Length)]);
            try
            {
                var configuration = TimmImport.FromYaml(yaml, facts);
                AssertBuildsOrIsRefused(configuration);
                Interlocked.Increment(ref imported);
            }
            catch (UsageException exception)
            {
                exception.Problems.Should().NotBeEmpty().And.OnlyContain(problem => problem.Length > 0);
                Interlocked.Increment(ref refused);
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException($"input {index}: {exception.GetType().Name} for {FuzzInputs.Shorten(yaml)}", exception);
            }
        });

        output.WriteLine($"{ImportInputs} inputs: {imported} imported, {refused} refused");
        (imported + refused).Should().Be(ImportInputs);
    }

    [Fact]
    public void Mutated_args_files_make_curve_print_usable_values_or_exit_2_with_a_message()
    {
        var printed = 0;
        var refused = 0;
        var directory = Directory.CreateTempSubdirectory("schedulers-fuzz-timm-");
        try
        {
            FuzzInputs.RunAll(FileInputs, seed: 92_000, (index, random) =>
            {
                var bytes = ArgsYamlMutator.MutateBytes(ArgsYamlMutator.Samples[random.Next(ArgsYamlMutator.Samples.Count)], random);
                var file = Path.Combine(directory.FullName, $"input-{index}.yaml");
                File.WriteAllBytes(file, bytes);
                string[] args = ["curve", "--config", file, "--from", "timm", "--steps", "120", "--start", random.Next(0, 2_000).ToString(CultureInfo.InvariantCulture)];
                if (Batches[random.Next(Batches.Length)] is { } batches)
                {
                    args = [.. args, "--batches-per-epoch", batches.ToString(CultureInfo.InvariantCulture)];
                }

                if (random.Next(2) == 0)
                {
                    args = [.. args, "--num-processes", "8"];
                }

                if (CommandLineOutcome.Check(CliRun.Of(args), $"input {index}: {FuzzInputs.Shorten(Encoding.UTF8.GetString(bytes))}"))
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

        output.WriteLine($"{FileInputs} files: {printed} printed a curve, {refused} exited 2");
        (printed + refused).Should().Be(FileInputs);
    }

    /// <summary>An imported configuration either builds a schedule whose values are finite and >= 0, or our validation refuses it.</summary>
    private static void AssertBuildsOrIsRefused(ImportedConfiguration configuration)
    {
        try
        {
            if (configuration.IsMetricDriven)
            {
                configuration.CreatePlateau();
                return;
            }

            var schedule = configuration.CreateSchedule();
            var total = schedule.TotalSteps ?? 1_000;
            foreach (var step in new long[] { 0, 1, total / 2, total })
            {
                var value = schedule.GetLearningRate(step);
                (double.IsFinite(value) && value >= 0).Should().BeTrue("step {0} of an imported schedule is a learning rate", step);
            }
        }
        catch (Exception exception) when (exception is UsageException or ScheduleConfigurationException)
        {
            // our validation's refusal, naming the timm settings
        }
    }
}
