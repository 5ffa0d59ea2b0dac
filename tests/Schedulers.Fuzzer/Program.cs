using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Schedulers.Tests.Reliability;

// An independent fuzzer: mutated configurations fed to the real `schedulers curve --config FILE`, run as a separate
// process. The only acceptable outcomes are exit 0 with whole rows of finite values >= 0, or exit 2 with a message and
// nothing on standard output; never a hang (no output and no exit within the bound), a stack trace, another exit code
// or a partial row. A curve that is still streaming valid rows after --max-rows is stopped and counted as printed.
//
//   dotnet run -c Release --project tests/Schedulers.Fuzzer -- --cli PATH/Schedulers.Cli.dll [--inputs 300] [--seed 1]
//       [--timeout 20] [--max-rows 20000] [--failures DIR] [--from hf|timm] [--target curve|check]
//
// With --from hf the inputs are mutated Hugging Face TrainingArguments files, YAML and JSON (TrainingArgumentsMutator),
// run as `curve --config FILE --from hf --examples 1000`. With --from timm they are timm args.yaml files mutated by
// ArgsYamlMutator, run as `curve --config FILE --from timm` with a --batches-per-epoch drawn per input.
// --target check fuzzes the log readers instead: mutated run logs (LogMutator) to `schedulers check --log FILE`.

var options = Options.Parse(args);
if (options.Target == "check")
{
    return LogFuzzing.Run(options);
}

var huggingFace = options.From == "hf";
var timm = options.From == "timm";
var bases = huggingFace ? TrainingArgumentsMutator.Bases : timm ? [.. ArgsYamlMutator.Samples] : BaseConfigurations(options.References);
var keys = huggingFace ? TrainingArgumentsMutator.Keys : timm ? [] : bases.SelectMany(json => JsonDocument.Parse(json).RootElement.EnumerateObject().Select(property => property.Name)).Distinct().ToArray();
var outcomes = new Dictionary<string, int>();
var failures = 0;
var clock = Stopwatch.StartNew();
var directory = Directory.CreateTempSubdirectory("schedulers-fuzzer-");
try
{
    Parallel.For(0, options.Inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
    {
        var random = new Random(options.Seed * 1_000_003 + index);
        var bytes = huggingFace
            ? TrainingArgumentsMutator.MutateBytes(bases[random.Next(bases.Length)], random)
            : timm ? ArgsYamlMutator.MutateBytes(bases[random.Next(bases.Length)], random)
            : ConfigurationMutator.MutateBytes(bases[random.Next(bases.Length)], random, keys);
        var file = Path.Combine(directory.FullName, $"input-{index}.{(timm ? "yaml" : "json")}");
        File.WriteAllBytes(file, bytes);
        string[] extra = timm ? ["--from", "timm", "--num-processes", "8", .. random.Next(3) == 0 ? Array.Empty<string>() : ["--batches-per-epoch", Pick(random, "1", "7", "1251")]]
            : huggingFace ? ["--from", "hf", "--examples", "1000"]
            : [];
        var (outcome, problem) = Run(options, file, extra);
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
                    File.Copy(file, Path.Combine(keep, $"seed{options.Seed}-input{index}{Path.GetExtension(file)}"), overwrite: true);
                }
            }
        }
    });
}
finally
{
    directory.Delete(recursive: true);
}

Console.WriteLine($"{options.Inputs} inputs in {clock.Elapsed.TotalSeconds:F0} s (seed {options.Seed}): "
    + string.Join(", ", outcomes.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Value} {pair.Key}")));
return failures == 0 ? 0 : 1;

static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

static (string Outcome, string? Problem) Run(Options options, string file, string[] extra)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var argument in new[] { options.Cli, "curve", "--config", file }.Concat(extra))
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start)!;
    var error = process.StandardError.ReadToEndAsync();
    var rows = 0;
    string? problem = null;
    var header = true;
    var stopped = false;
    while (true)
    {
        var read = process.StandardOutput.ReadLineAsync();
        if (!read.Wait(TimeSpan.FromSeconds(options.TimeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            return ("hung", $"no output and no exit within {options.TimeoutSeconds} s");
        }

        if (read.Result is not { } line)
        {
            break;
        }

        if (header)
        {
            header = false;
            if (line != "step,lr")
            {
                problem ??= $"standard output starts with '{Shorten(line)}', not the CSV header";
            }

            continue;
        }

        var fields = line.Split(',');
        if (fields.Length != 2
            || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || value < 0)
        {
            problem ??= $"row '{Shorten(line)}' is not a step and a finite learning rate >= 0";
        }

        if (++rows >= options.MaxRows)
        {
            stopped = true;
            process.Kill(entireProcessTree: true);
            break;
        }
    }

    if (!process.WaitForExit(TimeSpan.FromSeconds(options.TimeoutSeconds)))
    {
        process.Kill(entireProcessTree: true);
        return ("hung", $"did not exit within {options.TimeoutSeconds} s of closing its output");
    }

    var errors = error.Wait(TimeSpan.FromSeconds(options.TimeoutSeconds)) ? error.Result : "";
    if (errors.Contains("   at ", StringComparison.Ordinal) || errors.Contains("Unhandled exception", StringComparison.Ordinal))
    {
        return ("crashed", $"a stack trace on standard error: {Shorten(errors)}");
    }

    if (stopped)
    {
        return ("streamed past the row limit", problem);
    }

    return process.ExitCode switch
    {
        0 when rows > 0 => ("printed", problem),
        0 => ("printed", "exit 0 without a row"),
        2 when header && errors.Contains("error:", StringComparison.Ordinal) => ("refused", null),
        2 when !header => ("refused", "exit 2 after printing to standard output"),
        2 => ("refused", "exit 2 without an 'error:' message"),
        var code => ("failed", $"exit code {code}: {Shorten(errors)}"),
    };
}

static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";

static string[] BaseConfigurations(string references)
{
    using var document = JsonDocument.Parse(File.ReadAllText(references));
    return [.. document.RootElement.GetProperty("cases").EnumerateArray().Select(entry => entry.GetProperty("config").GetRawText())];
}

internal sealed record Options(string Cli, int Inputs, int Seed, int TimeoutSeconds, int MaxRows, string? FailuresDirectory, string References, string? From, string Target)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var cli = Value("--cli") ?? throw new ArgumentException("--cli PATH/Schedulers.Cli.dll is required");
        var references = Value("--references") ?? Path.Combine(AppContext.BaseDirectory, "reference-curves.json");
        return new Options(Path.GetFullPath(cli), int.Parse(Value("--inputs") ?? "300", CultureInfo.InvariantCulture), int.Parse(Value("--seed") ?? "1", CultureInfo.InvariantCulture),
            int.Parse(Value("--timeout") ?? "20", CultureInfo.InvariantCulture), int.Parse(Value("--max-rows") ?? "20000", CultureInfo.InvariantCulture), Value("--failures"), references,
            Value("--from"), Value("--target") ?? "curve");
    }
}
