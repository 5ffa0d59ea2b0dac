using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// One reason a configuration was refused: the key(s) at fault exactly as written in the contract, the value received,
/// and a full sentence that says what would be valid.
/// </summary>
public sealed class ConfigurationProblem
{
    private readonly string _detail;

    internal ConfigurationProblem(ImmutableArray<string> keys, string? receivedValue, string detail, ConfigurationRemedy? remedy)
    {
        Keys = keys;
        ReceivedValue = receivedValue;
        _detail = detail;
        Message = keys.IsEmpty ? detail : $"{string.Join(" / ", keys.Select(Shorten))}: {detail}";
        Remedy = remedy;
    }

    /// <summary>Gets the keys at fault (empty when the problem is with the document as a whole).</summary>
    public ImmutableArray<string> Keys { get; }

    /// <summary>Gets the value received, as the user would recognise it, or <see langword="null"/> when the key is missing.</summary>
    public string? ReceivedValue { get; }

    /// <summary>Gets the full message, starting with the key(s) at fault.</summary>
    public string Message { get; }

    /// <summary>Gets the adjustment the lenient path may make for this problem; <see langword="null"/> when only the user can fix it.</summary>
    internal ConfigurationRemedy? Remedy { get; }

    internal static ConfigurationProblem ForDocument(string message) => new([], null, message, null);

    internal static ConfigurationProblem ForKey(string key, ParameterValue? received, string message, ConfigurationRemedy? remedy = null) =>
        new([key], received?.ToString(), message, remedy);

    internal static ConfigurationProblem ForKeys(ImmutableArray<string> keys, string message, ConfigurationRemedy? remedy = null) =>
        new(keys, null, message, remedy);

    /// <summary>
    /// The same problem found in a nested configuration (a child of <c>SequentialLR</c> or <c>ChainedScheduler</c>), its
    /// keys written as paths such as <c>schedulers[1].T_max</c>. The lenient path does not reach into children.
    /// </summary>
    internal ConfigurationProblem Within(string path) =>
        new(Keys.IsEmpty ? [path] : [.. Keys.Select(key => $"{path}.{key}")], ReceivedValue, _detail, null);

    /// <inheritdoc />
    public override string ToString() => Message;

    /// <summary>
    /// The text of an exception that lists problems: <c>{header}: {problem}</c> for one, or the header with the count
    /// and one problem a line.
    /// </summary>
    internal static string List(string header, ImmutableArray<ConfigurationProblem> problems) => problems.Length == 1
        ? $"{header}: {problems[0].Message}"
        : $"{header} ({problems.Length} problems):" + string.Concat(problems.Select(problem => Environment.NewLine + "  - " + problem.Message));

    /// <summary>A key of a megabyte would make a message of a megabyte: long keys are cut, with their length.</summary>
    internal static string Shorten(string text) => text.Length <= 100 ? text : $"{text[..60]}... ({text.Length} characters)";
}
