using System.Collections.Immutable;

namespace Schedulers;

/// <summary>PyTorch's <c>MultiStepLR</c>: <c>gamma^(number of milestones &lt;= t)</c>, a repeated milestone counting twice.</summary>
internal sealed class MultiStepCurve(ImmutableArray<long> milestones, double gamma) : DecayCurve
{
    public override IEnumerable<long> Boundaries => milestones.Distinct();

    public override double Factor(long t)
    {
        var passed = 0;
        while (passed < milestones.Length && milestones[passed] <= t)
        {
            passed++;
        }

        return Math.Pow(gamma, passed);
    }
}
