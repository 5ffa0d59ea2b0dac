namespace Schedulers;

/// <summary>diffusers' hard restarts: <c>max(0, 0.5 * (1 + cos(pi * ((num_cycles * p) mod 1))))</c>, and 0 from <c>p = 1</c> on.</summary>
internal sealed class CosineWithRestartsCurve(long decaySteps, long cycles) : DecayCurve
{
    public override IEnumerable<long> Boundaries =>
        Enumerable.Range(1, (int)Math.Min(cycles - 1, 10_000)).Select(cycle => (long)Math.Ceiling((double)cycle * decaySteps / cycles));

    public override double Factor(long t)
    {
        if (t >= decaySteps)
        {
            return 0.0;
        }

        var progress = (double)t / Math.Max(1L, decaySteps);
        return Math.Max(0.0, 0.5 * (1.0 + Math.Cos(Math.PI * ((cycles * progress) % 1.0))));
    }
}
