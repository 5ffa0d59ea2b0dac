using System.Collections.Immutable;

namespace Schedulers.Designer;

/// <summary>One of several overlaid configurations was refused: its problems, and which one it was.</summary>
internal sealed class CurveRefusedException(ImmutableArray<ConfigurationProblem> problems, int index) : Exception("A configuration was refused.")
{
    public ImmutableArray<ConfigurationProblem> Problems { get; } = problems;

    public int Index { get; } = index;
}
