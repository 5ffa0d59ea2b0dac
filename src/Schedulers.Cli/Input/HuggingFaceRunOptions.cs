using System.CommandLine;

namespace Schedulers.Cli;

/// <summary>
/// <c>--examples</c>, <c>--world-size</c> and <c>--hf-epoch-rule</c>: the facts a Hugging Face run with <c>max_steps: -1</c>
/// takes its length from (see <see cref="HuggingFaceTrainingLength"/>). Shared by the commands that read configurations.
/// </summary>
internal sealed class HuggingFaceRunOptions
{
    private readonly Option<long?> _examples = new("--examples")
    {
        Description = "Hugging Face imports with max_steps -1: the number of training examples (len(train_dataset)).",
        HelpName = "N",
    };

    private readonly Option<long?> _worldSize = new("--world-size")
    {
        Description = "Hugging Face imports with max_steps -1: the data-parallel processes (torchrun/accelerate), or the GPUs of a DataParallel run. Assumed 1 when absent.",
        HelpName = "N",
    };

    private readonly Option<HuggingFaceEpochRule?> _epochRule = new("--hf-epoch-rule")
    {
        Description = "Hugging Face imports with max_steps -1: ceil (current transformers: an epoch's last partial accumulation is a step) or floor (older releases).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_examples);
        command.Options.Add(_worldSize);
        command.Options.Add(_epochRule);
    }

    /// <summary>The facts given; a count that cannot be one is refused here, naming its option.</summary>
    public HuggingFaceRunFacts Read(ParseResult parseResult)
    {
        var problems = new List<string>();
        var examples = Count(parseResult.GetValue(_examples), "--examples", "a number of training examples", problems);
        var worldSize = Count(parseResult.GetValue(_worldSize), "--world-size", "a number of processes", problems);
        UsageException.ThrowIfAny(problems);
        return new HuggingFaceRunFacts(examples, worldSize, parseResult.GetValue(_epochRule));
    }

    private static long? Count(long? value, string option, string meaning, List<string> problems)
    {
        if (value is { } count && count is < 1 or > HuggingFaceTrainingLength.MaxCount)
        {
            problems.Add($"{option} {count} is not {meaning} in [1, {HuggingFaceTrainingLength.MaxCount}].");
        }

        return value;
    }
}
