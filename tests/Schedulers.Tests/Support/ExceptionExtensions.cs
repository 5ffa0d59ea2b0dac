namespace Schedulers.Tests.Support;

internal static class ExceptionExtensions
{
    /// <summary>Every key the refusal names, in order.</summary>
    public static IEnumerable<string> Keys(this ScheduleConfigurationException exception) => exception.Problems.SelectMany(problem => problem.Keys);
}
