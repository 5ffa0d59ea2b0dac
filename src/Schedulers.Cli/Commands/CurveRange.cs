using System.CommandLine;

namespace Schedulers.Cli;

/// <summary>The range of steps a command prints or draws: <c>--start</c> and <c>--steps</c>, checked before any output.</summary>
internal sealed class CurveRange
{
    private readonly Option<long?> _steps = new("--steps")
    {
        Description = "Number of steps (default: total_steps + 1 when the configuration has total_steps).",
        HelpName = "N",
    };

    private readonly Option<long> _start = new("--start")
    {
        Description = "First step (default 0).",
        HelpName = "S",
        DefaultValueFactory = _ => 0,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_steps);
        command.Options.Add(_start);
    }

    /// <summary>The first step and the count; <paramref name="defaultCount"/> applies when <c>--steps</c> is not given.</summary>
    public (long Start, long Count) Read(ParseResult parseResult, long? defaultCount, string whose)
    {
        var first = parseResult.GetValue(_start);
        var count = parseResult.GetValue(_steps) ?? defaultCount
            ?? throw new UsageException($"--steps is required: {whose} to take the curve length from (no total_steps, and no end of its own, as ExponentialLR or StepLR).");
        if (first < 0)
        {
            throw new UsageException($"--start {first} is negative: steps count from 0.");
        }

        if (count < 1)
        {
            throw new UsageException($"--steps {count} is not a positive number of steps.");
        }

        if (first > long.MaxValue - count)
        {
            throw new UsageException($"--start {first} with --steps {count} runs past the largest step ({long.MaxValue}).");
        }

        return (first, count);
    }
}
