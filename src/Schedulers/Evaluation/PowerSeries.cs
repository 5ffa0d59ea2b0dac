using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Schedulers;

/// <summary>
/// <c>range * x^power + end</c> with <c>x = 1 - t / length</c>, for a power that is not a small whole number. Within a
/// block the ratio <c>x / x0</c> to the block's first value stays within 2% of 1, so
/// <c>x^p = x0^p * (1 + d)^p</c> is a short binomial series in <c>d = x / x0 - 1</c>: one <see cref="Math.Pow(double, double)"/>
/// per block and a few FMAs per step. <c>x</c> is rounded exactly as the scalar path rounds it (a true division), so
/// both agree near the end of the decay, where <c>x</c> is tiny and its rounding dominates. Immutable.
/// </summary>
internal sealed class PowerSeries
{
    private const int Degree = 10;

    /// <summary>|d| bound: 0.02^11 times the largest coefficient stays far below 1e-16.</summary>
    private const double MaxRatio = 0.02;

    private const int MaxBlockLength = 1024;

    /// <summary>Below this many steps a block is computed by the scalar path.</summary>
    private const int MinBlockLength = 16;

    private readonly double[] _coefficients = new double[Degree + 1];

    public PowerSeries(double power)
    {
        Power = power;
        _coefficients[0] = 1.0;
        for (var k = 1; k <= Degree; k++)
        {
            _coefficients[k] = _coefficients[k - 1] * (power - (k - 1)) / k; // binomial(power, k)
        }
    }

    public double Power { get; }

    public void Fill(Span<double> destination, long firstT, long length, double range, double end)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var t0 = firstT + done;
            var x0 = 1.0 - ((double)t0 / length);
            var block = (int)Math.Clamp(Math.Floor(MaxRatio * x0 * length), 1, Math.Min(MaxBlockLength, destination.Length - done));
            var part = destination.Slice(done, block);
            if (block < MinBlockLength || x0 <= 0)
            {
                for (var j = 0; j < part.Length; j++)
                {
                    part[j] = (range * Math.Pow(1.0 - ((double)(t0 + j) / length), Power)) + end;
                }
            }
            else
            {
                FillBlock(part, t0, length, x0, range * Math.Pow(x0, Power), end);
            }

            done += block;
        }
    }

    private void FillBlock(Span<double> block, long t0, long length, double x0, double anchor, double end)
    {
        ref var target = ref MemoryMarshal.GetReference(block);
        var inverse = 1.0 / x0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && block.Length >= Vector<double>.Count)
        {
            var steps = Vector<double>.Indices + new Vector<double>(t0);
            var stride = new Vector<double>(Vector<double>.Count);
            var lengths = new Vector<double>(length);
            var first = new Vector<double>(x0);
            var scale = new Vector<double>(inverse);
            for (; i <= block.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var x = Vector<double>.One - (steps / lengths);
                var d = (x - first) * scale;
                var sum = new Vector<double>(_coefficients[Degree]);
                for (var k = Degree - 1; k >= 0; k--)
                {
                    sum = Vector.FusedMultiplyAdd(sum, d, new Vector<double>(_coefficients[k]));
                }

                Vector.FusedMultiplyAdd(new Vector<double>(anchor), sum, new Vector<double>(end)).StoreUnsafe(ref target, (nuint)i);
                steps += stride;
            }
        }

        for (; i < block.Length; i++)
        {
            var d = (1.0 - ((double)(t0 + i) / length) - x0) * inverse;
            var sum = _coefficients[Degree];
            for (var k = Degree - 1; k >= 0; k--)
            {
                sum = Math.FusedMultiplyAdd(sum, d, _coefficients[k]);
            }

            Unsafe.Add(ref target, i) = Math.FusedMultiplyAdd(anchor, sum, end);
        }
    }
}
