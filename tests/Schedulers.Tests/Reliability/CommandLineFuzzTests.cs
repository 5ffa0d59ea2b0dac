using System.Globalization;
using System.Text;
using Schedulers.Cli;
using Schedulers.Tests.Cli;
using Xunit.Abstractions;

namespace Schedulers.Tests.Reliability;

/// <summary>
/// Mutated argument lists for every command: arguments dropped, repeated, swapped, replaced by odd values or joined by
/// stray flags. Each run exits 0 with usable output or 2 with a message and nothing on standard output. A curve asked
/// for 9e18 steps is not a hang: it streams, and the test stops reading after a megabyte of valid rows.
/// </summary>
public sealed class CommandLineFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Inputs = 1_500;

    private static readonly string[] OddTokens =
    [
        "NaN", "-1", "0", "1e400", "-1e400", "1e-400", "", " ", "--", "-", "abc", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "1.5", "0x10", "∞", "é", "--steps", "--start", "--format", "csv", "json", "xml", "--from", "kohya", "hf",
        "--config", "--scheduler", "cosine", "StepLR", "--learning-rate", "--total-steps", "--help", "--version", "--unknown", "-x",
        "--warmup-steps", "--metrics", "--num-processes", "--examples", "--world-size", "--hf-epoch-rule", "floor", "describe", "curve", "validate", "compare", "convert", "replay",
        "check", "--log", "--alignment", "previous", "current", "--tolerance", "--lr-column", "--step-column",
        new string('z', 100_000),
    ];

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("schedulers-args-");

    [Fact]
    public void Mutated_argument_lists_exit_0_with_usable_output_or_2_with_a_message()
    {
        var config = Write("config.json", """{"scheduler":"cosine","learning_rate":0.001,"total_steps":500,"warmup_steps":50}""");
        var other = Write("other.json", """{"scheduler":"StepLR","learning_rate":0.01,"total_steps":300,"step_size":100}""");
        var plateau = Write("plateau.json", """{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"patience":1}""");
        var metrics = Write("metrics.txt", "0.9\n0.8\n0.85\n0.86\n");
        var log = Write("lr.csv", "step,lr\n250,0.0005\n500,0\n");
        string[][] bases =
        [
            ["curve", "--scheduler", "cosine", "--learning-rate", "3e-4", "--total-steps", "1000", "--warmup-steps", "100", "--steps", "50"],
            ["curve", "--config", config, "--start", "10", "--steps", "20", "--format", "json"],
            ["validate", "--config", config],
            ["validate", "--scheduler", "linear", "--learning-rate", "0.1", "--total-steps", "10"],
            ["describe", "cosine"],
            ["convert", "--config", config],
            ["compare", "--config", config, "--config", other, "--steps", "30"],
            ["replay", "--config", plateau, "--metrics", metrics],
            ["check", "--config", config, "--log", log, "--alignment", "current", "--tolerance", "1e-6"],
        ];
        var outcomes = new int[3];
        FuzzInputs.RunAll(Inputs, seed: 83_000, (index, random) =>
        {
            var args = Mutate([.. bases[random.Next(bases.Length)]], random);
            var input = $"input {index}: {FuzzInputs.Shorten(string.Join(' ', args.Select(arg => $"'{arg}'")))}";
            CliRun run;
            try
            {
                run = LimitedRun(args);
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException($"{input} threw {exception.GetType().Name}: {exception.Message}", exception);
            }

            Interlocked.Increment(ref outcomes[run.ExitCode == 1 ? 2 : CommandLineOutcome.Check(run, input) ? 0 : 1]);
            if (run.ExitCode == 1)
            {
                CommandLineOutcome.CheckDiffers(run, input);
            }
        });

        output.WriteLine($"{Inputs} argument lists: {outcomes[0]} exited 0, {outcomes[1]} exited 2, {outcomes[2]} exited 1 (check: the log differs)");
        outcomes.Sum().Should().Be(Inputs);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static string[] Mutate(List<string> args, Random random)
    {
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = random.Next(args.Count + 1);
            switch (random.Next(5))
            {
                case 0 when args.Count > 0:
                    args.RemoveAt(Math.Min(at, args.Count - 1));
                    break;
                case 1 when args.Count > 0:
                    args.Insert(at, args[random.Next(args.Count)]);
                    break;
                case 2 when args.Count > 1:
                    var i = random.Next(args.Count - 1);
                    (args[i], args[i + 1]) = (args[i + 1], args[i]);
                    break;
                case 3 when args.Count > 0:
                    args[Math.Min(at, args.Count - 1)] = OddTokens[random.Next(OddTokens.Length)];
                    break;
                default:
                    args.Insert(at, OddTokens[random.Next(OddTokens.Length)]);
                    break;
            }
        }

        return [.. args];
    }

    /// <summary>Runs in-process; a curve still printing valid rows after a megabyte is stopped and judged on what it printed.</summary>
    private static CliRun LimitedRun(string[] args)
    {
        using var output = new LimitedWriter(1_000_000);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        try
        {
            var exitCode = CliApp.Run(args, output, error);
            return new CliRun(exitCode, output.ToString(), error.ToString());
        }
        catch (OutputLimitReachedException)
        {
            var printed = output.ToString();
            return new CliRun(0, printed[..(printed.LastIndexOf('\n') + 1)], error.ToString());
        }
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private sealed class OutputLimitReachedException : Exception;

    private sealed class LimitedWriter(int limit) : StringWriter(CultureInfo.InvariantCulture)
    {
        public override void Write(char value)
        {
            Check(1);
            base.Write(value);
        }

        public override void Write(string? value)
        {
            Check(value?.Length ?? 0);
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Check(count);
            base.Write(buffer, index, count);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Check(buffer.Length);
            base.Write(buffer);
        }

        private void Check(int adding)
        {
            if (GetStringBuilder().Length + adding > limit)
            {
                throw new OutputLimitReachedException();
            }
        }
    }
}
