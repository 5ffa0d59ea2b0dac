using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// Thrown by <see cref="ScheduleStepper.RestoreState"/> and <see cref="PlateauScheduler.RestoreState"/> when a saved
/// state does not fit the scheduler it is restored into: it was saved by the other kind of scheduler, for another
/// configuration or other parameter groups, or its counters and values are out of this configuration's reach. The
/// scheduler is left unchanged. The message lists every problem, each naming the state field at fault.
/// </summary>
public sealed class SchedulerStateMismatchException : ArgumentException
{
    private const string Header = "The saved state cannot be restored";

    /// <summary>Initializes a new instance with a general message.</summary>
    public SchedulerStateMismatchException()
        : base(Header + ".") => Keys = [];

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The problem.</param>
    public SchedulerStateMismatchException(string message)
        : base(message) => Keys = [];

    /// <summary>Initializes a new instance with a message and its cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public SchedulerStateMismatchException(string message, Exception innerException)
        : base(message, innerException) => Keys = [];

    internal SchedulerStateMismatchException(ImmutableArray<ConfigurationProblem> problems)
        : base(ConfigurationProblem.List(Header, problems)) =>
        Keys = [.. problems.SelectMany(problem => problem.Keys).Distinct(StringComparer.Ordinal)];

    /// <summary>Gets the state fields at fault (such as <c>state.fingerprint</c> or <c>state.values[1]</c>), in order, without repeats.</summary>
    public ImmutableArray<string> Keys { get; }
}
