using System.Collections.Immutable;

namespace Schedulers;

/// <summary>PyTorch's <c>MultiStepLR</c>: <c>gamma^(number of milestones &lt;= t)</c>, a repeated milestone counting twice.</summary>
internal sealed class MultiStepCurve(ImmutableArray<long> milestones, double gamma) : DecayCurve
{
    public override IEnumerable<long> Boundaries => milestones.Distinct();

    public override double Factor(long t) => Math.Pow(gamma, Passed(t));

    protected override long NextChange(long t)
    {
        var passed = Passed(t);
        return passed < milestones.Length ? milestones[passed] : long.MaxValue;
    }

    protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) => FillConstantRuns(firstT, scale, destination);

    private int Passed(long t)
    {
        var passed = 0;
        while (passed < milestones.Length && milestones[passed] <= t)
        {
            passed++;
        }

        return passed;
    }
}
