namespace Schedulers;

/// <summary>
/// <c>ratio^j</c> for <c>j</c> in one block: a geometric phase is then one multiplication per step from an anchor that
/// is recomputed at each block, so rounding never accumulates. The ratio is either exact (PyTorch's <c>gamma</c>, raised
/// with <see cref="Math.Pow(double, double)"/>) or a rate <c>r</c> with <c>ratio = e^r</c> that has no exact double
/// (a log-linear interpolation, raised with <see cref="Math.Exp(double)"/> of <c>r * j</c>, so that no rounded ratio is
/// raised to a large power). Immutable.
/// </summary>
internal sealed class GeometricTable
{
    public const int BlockLength = 1024;

    private readonly double _ratio;
    private readonly double _rate;
    private readonly bool _byRate;

    private GeometricTable(double ratio, double rate, bool byRate)
    {
        _ratio = ratio;
        _rate = rate;
        _byRate = byRate;
        Powers = new double[BlockLength];
        for (var j = 0; j < BlockLength; j++)
        {
            Powers[j] = PowerAt(j);
        }

        PowersSingle = [.. Powers.Select(power => (float)power)];
    }

    public double[] Powers { get; }

    /// <summary>Gets the table rounded to single precision, for float output (its error, 6e-8, is far inside float's 1e-6 contract).</summary>
    public float[] PowersSingle { get; }

    /// <summary>A table of <c>ratio^j</c> for an exact ratio (PyTorch's <c>gamma</c>).</summary>
    public static GeometricTable FromRatio(double ratio) => new(ratio, double.NaN, byRate: false);

    /// <summary>A table of <c>e^(rate * j)</c>.</summary>
    public static GeometricTable FromRate(double rate) => new(double.NaN, rate, byRate: true);

    /// <summary>The power at <paramref name="n"/> steps, computed directly (a block's anchor).</summary>
    public double PowerAt(long n) => _byRate ? Math.Exp(_rate * n) : Math.Pow(_ratio, n);
}
