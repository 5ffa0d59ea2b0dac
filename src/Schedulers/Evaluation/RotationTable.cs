namespace Schedulers;

/// <summary>
/// <c>cos(j * delta)</c> and <c>sin(j * delta)</c> for <c>j</c> in one block: with them a cosine whose angle advances by
/// <c>delta</c> per step is a rotation, two fused multiply-adds per step and no cosine per element. Built once per
/// schedule, never written again, so any number of threads may read it.
/// </summary>
internal sealed class RotationTable
{
    /// <summary>The most steps per block; each block starts from an anchor (a cosine and sine of its first angle). The tables (8 KiB) stay in L1.</summary>
    public const int MaxBlockLength = 512;

    public RotationTable(double delta)
    {
        Delta = delta;

        // A block spans at most one turn, so the table's angles j * delta stay below 2 pi and keep their precision.
        BlockLength = (int)Math.Clamp(2 * Math.PI / Math.Abs(delta), 1, MaxBlockLength);
        Cos = new double[BlockLength];
        Sin = new double[BlockLength];
        for (var j = 0; j < BlockLength; j++)
        {
            (Sin[j], Cos[j]) = Math.SinCos(j * delta);
        }

        (TurnSin, TurnCos) = Math.SinCos(BlockLength * delta);
        CosSingle = [.. Cos.Select(value => (float)value)];
        SinSingle = [.. Sin.Select(value => (float)value)];
    }

    public double Delta { get; }

    /// <summary>Gets <c>sin(BlockLength * delta)</c>, which with <see cref="TurnCos"/> carries an anchor from one block to the next.</summary>
    public double TurnSin { get; }

    /// <summary>Gets <c>cos(BlockLength * delta)</c>.</summary>
    public double TurnCos { get; }

    /// <summary>Gets the steps per block.</summary>
    public int BlockLength { get; }

    public double[] Cos { get; }

    public double[] Sin { get; }

    /// <summary>Gets the table rounded to single precision, for float output: its error (6e-8) is far inside float's 1e-6 contract.</summary>
    public float[] CosSingle { get; }

    /// <summary>Gets the sines rounded to single precision.</summary>
    public float[] SinSingle { get; }
}
