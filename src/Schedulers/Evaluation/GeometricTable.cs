namespace Schedulers;

/// <summary>
/// <c>ratio^j</c> for <c>j</c> in one block: a geometric phase is then one multiplication per step from an anchor that
/// is recomputed with <see cref="Math.Pow(double, double)"/> at each block, so rounding never accumulates. Immutable.
/// </summary>
internal sealed class GeometricTable
{
    public const int BlockLength = 1024;

    public GeometricTable(double ratio)
    {
        Ratio = ratio;
        Powers = new double[BlockLength];
        for (var j = 0; j < BlockLength; j++)
        {
            Powers[j] = Math.Pow(ratio, j);
        }
    }

    public double Ratio { get; }

    public double[] Powers { get; }
}
