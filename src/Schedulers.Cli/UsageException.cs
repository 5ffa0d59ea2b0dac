using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// Command-line input the library has no say in (a missing file, a flag that needs another, a setting of an imported
/// file) was refused; every problem found is listed, not only the first.
/// </summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : this([message])
    {
    }

    public UsageException(ImmutableArray<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    public ImmutableArray<string> Problems { get; }

    /// <summary>Refuses the input when any problem was found, listing them all.</summary>
    public static void ThrowIfAny(IReadOnlyCollection<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new UsageException([.. problems]);
        }
    }
}
