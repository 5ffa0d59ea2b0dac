using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// Thrown when a schedule configuration is refused. It lists every problem found, not only the first; each names the
/// key(s) at fault, the value received and what would be valid.
/// </summary>
public sealed class ScheduleConfigurationException : ArgumentException
{
    /// <summary>Initializes a new instance with a single document-level problem.</summary>
    public ScheduleConfigurationException()
        : this([ConfigurationProblem.ForDocument("The schedule configuration is invalid.")])
    {
    }

    /// <summary>Initializes a new instance with a single document-level problem.</summary>
    /// <param name="message">The problem.</param>
    public ScheduleConfigurationException(string message)
        : this([ConfigurationProblem.ForDocument(message)])
    {
    }

    /// <summary>Initializes a new instance with a single document-level problem and its cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public ScheduleConfigurationException(string message, Exception innerException)
        : base(message, innerException) =>
        Problems = [ConfigurationProblem.ForDocument(message)];

    internal ScheduleConfigurationException(ImmutableArray<ConfigurationProblem> problems)
        : base(Describe(problems), problems.SelectMany(problem => problem.Keys).FirstOrDefault()) =>
        Problems = problems;

    /// <summary>Gets every problem found.</summary>
    public ImmutableArray<ConfigurationProblem> Problems { get; }

    /// <summary>Gets every key named by a problem, in order, without repeats.</summary>
    public IEnumerable<string> Keys => Problems.SelectMany(problem => problem.Keys).Distinct(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string Message => Describe(Problems);

    private static string Describe(ImmutableArray<ConfigurationProblem> problems) => ConfigurationProblem.List("The schedule configuration is invalid", problems);
}
