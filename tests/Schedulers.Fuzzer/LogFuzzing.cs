using System.Diagnostics;
using Schedulers.Tests.Reliability;

/// <summary>
/// The log readers' target: mutated run logs (trainer_state.json, TensorBoard and W&amp;B CSV, TensorBoard JSON) to the
/// real <c>schedulers check --log FILE</c>. The only acceptable outcomes are a report ending in a <c>result:</c> line
/// (exit 0: followed, 1: did not), or exit 2 with a message and nothing on standard output; never a hang, a stack trace
/// or another exit code.
/// </summary>
internal static class LogFuzzing
{
    public static int Run(Options options)
    {
        var outcomes = new Dictionary<string, int>();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var directory = Directory.CreateTempSubdirectory("schedulers-log-fuzzer-");
        try
        {
            var config = Path.Combine(directory.FullName, "config.json");
            File.WriteAllText(config, LogMutator.Configuration);
            Parallel.For(0, options.Inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
            {
                var random = new Random(options.Seed * 1_000_003 + index);
                var bytes = LogMutator.MutateBytes(LogMutator.Bases[random.Next(LogMutator.Bases.Count)], random);
                var file = Path.Combine(directory.FullName, $"log-{index}");
                File.WriteAllBytes(file, bytes);
                var (outcome, problem) = Check(options, config, file);
                lock (outcomes)
                {
                    outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                    if (problem is not null)
                    {
                        failures++;
                        Console.Error.WriteLine($"input {index}: {problem}");
                        if (options.FailuresDirectory is { } keep)
                        {
                            Directory.CreateDirectory(keep);
                            File.Copy(file, Path.Combine(keep, $"seed{options.Seed}-log{index}"), overwrite: true);
                        }
                    }
                }
            });
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        Console.WriteLine($"{options.Inputs} logs in {clock.Elapsed.TotalSeconds:F0} s (seed {options.Seed}): "
            + string.Join(", ", outcomes.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Value} {pair.Key}")));
        return failures == 0 ? 0 : 1;
    }

    private static (string Outcome, string? Problem) Check(Options options, string config, string file)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { options.Cli, "check", "--config", config, "--log", file })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(options.TimeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            return ("hung", $"no exit within {options.TimeoutSeconds} s");
        }

        var printed = output.Result;
        var errors = error.Result;
        if (errors.Contains("   at ", StringComparison.Ordinal) || errors.Contains("Unhandled exception", StringComparison.Ordinal))
        {
            return ("crashed", $"a stack trace on standard error: {Shorten(errors)}");
        }

        var lastLine = printed.TrimEnd('\n', '\r').Split('\n')[^1];
        return process.ExitCode switch
        {
            0 or 1 when lastLine.StartsWith("result: the run ", StringComparison.Ordinal) => (process.ExitCode == 0 ? "followed" : "did not follow", null),
            0 or 1 => ("reported", $"exit {process.ExitCode} without a result line: {Shorten(printed)}"),
            2 when printed.Length == 0 && errors.Contains("error:", StringComparison.Ordinal) => ("refused", null),
            2 when printed.Length > 0 => ("refused", "exit 2 after printing to standard output"),
            2 => ("refused", "exit 2 without an 'error:' message"),
            var code => ("failed", $"exit code {code}: {Shorten(errors)}"),
        };
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
