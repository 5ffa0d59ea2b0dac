namespace Schedulers;

/// <summary>
/// PyTorch's <c>CosineAnnealingWarmRestarts</c>: cosine annealing over cycles of <c>T_0</c>, <c>T_0 * T_mult</c>, ...
/// steps, restarting at the base learning rate; the cycle is found with integer arithmetic, as PyTorch steps it.
/// </summary>
internal sealed class WarmRestartsCurve(long firstCycle, long growth, double floorRatio) : DecayCurve
{
    public override IEnumerable<long> Boundaries
    {
        get
        {
            long start = 0, length = firstCycle;
            for (var cycle = 0; cycle < 10_000 && start <= long.MaxValue - length; cycle++)
            {
                start += length;
                length = NextLength(length);
                yield return start;
            }
        }
    }

    public override double Factor(long t)
    {
        long start = 0, length = firstCycle;
        if (growth == 1)
        {
            start = t - (t % length);
        }
        else
        {
            while (t - start >= length)
            {
                start += length;
                length = NextLength(length);
            }
        }

        return floorRatio + ((1.0 - floorRatio) * (1.0 + Math.Cos(Math.PI * (t - start) / length)) / 2.0);
    }

    private long NextLength(long length) => length > long.MaxValue / growth ? long.MaxValue : length * growth;
}
