using System.Globalization;
using System.Text;
using Schedulers.Tests.Cli;
using Xunit.Abstractions;

namespace Schedulers.Tests.Reliability;

/// <summary>
/// Mutated configurations (see <see cref="ConfigurationMutator"/>) through the library and through <c>schedulers
/// curve --config</c>: the only outcome besides a usable schedule is the configuration exception (exit code 2 with a
/// message and nothing on standard output). Never another exception, a hang, a stack trace or partial output.
/// </summary>
public sealed class ConfigurationFuzzTests(ITestOutputHelper output)
{
    private const int LibraryInputs = 4_000;
    private const int FileInputs = 300;

    [Fact]
    public void Mutated_configurations_build_a_usable_schedule_or_are_refused_with_the_configuration_exception()
    {
        var built = 0;
        var refused = 0;
        FuzzInputs.RunAll(LibraryInputs, seed: 81_000, (index, random) =>
        {
            var json = ConfigurationMutator.Mutate(FuzzInputs.ValidConfiguration(random), random, FuzzInputs.Keys);
            try
            {
                AssertUsable(LearningRateSchedule.FromJson(json), random);
                Interlocked.Increment(ref built);
            }
            catch (ScheduleConfigurationException exception)
            {
                exception.Problems.Should().NotBeEmpty();
                exception.Problems.Should().OnlyContain(problem => problem.Message.Length > 0);
                Interlocked.Increment(ref refused);
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException($"input {index}: {exception.GetType().Name} for {FuzzInputs.Shorten(json)}", exception);
            }
        });

        output.WriteLine($"{LibraryInputs} inputs: {built} built, {refused} refused");
        (built + refused).Should().Be(LibraryInputs);
    }

    [Fact]
    public void Mutated_configuration_files_make_curve_print_usable_values_or_exit_2_with_a_message()
    {
        var printed = 0;
        var refused = 0;
        var directory = Directory.CreateTempSubdirectory("schedulers-fuzz-");
        try
        {
            FuzzInputs.RunAll(FileInputs, seed: 82_000, (index, random) =>
            {
                var bytes = ConfigurationMutator.MutateBytes(FuzzInputs.ValidConfiguration(random), random, FuzzInputs.Keys);
                var file = Path.Combine(directory.FullName, $"input-{index}.json");
                File.WriteAllBytes(file, bytes);
                var run = CliRun.Of("curve", "--config", file, "--steps", "120", "--start", random.Next(0, 2_000).ToString(CultureInfo.InvariantCulture));
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

        output.WriteLine($"{FileInputs} files: {printed} printed a curve, {refused} exited 2");
        (printed + refused).Should().Be(FileInputs);
    }

    private static void AssertUsable(LearningRateSchedule schedule, Random random)
    {
        var total = schedule.TotalSteps ?? 1_000;
        long[] steps = [0, schedule.WarmupSteps, total, random.NextInt64(0, total + 1), 1L << 53, long.MaxValue - 256];
        var values = new double[256];
        var floats = new float[256];
        foreach (var step in steps)
        {
            schedule.Evaluate(step, values);
            schedule.Evaluate(step, floats);
            values.Should().OnlyContain(value => double.IsFinite(value) && value >= 0);
            floats.Should().OnlyContain(value => float.IsFinite(value) && value >= 0);
            var single = schedule.GetLearningRate(step);
            (double.IsFinite(single) && single >= 0).Should().BeTrue("step {0} gave {1}", step, single);
        }
    }
}
