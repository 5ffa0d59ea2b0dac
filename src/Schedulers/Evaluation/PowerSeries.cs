using System.Runtime.Intrinsics;
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

    private const int SingleDegree = 6;

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

    public void Fill<T>(Span<T> destination, long firstT, long length, double range, double end)
        where T : unmanaged
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
                    part[j] = Lanes.From<T>((range * Math.Pow(1.0 - ((double)(t0 + j) / length), Power)) + end);
                }
            }
            else
            {
                FillBlock(part, t0, length, x0, range * Math.Pow(x0, Power), end);
            }

            done += block;
        }
    }

    private void FillBlock<T>(Span<T> block, long t0, long length, double x0, double anchor, double end)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float) && (Vector512.IsHardwareAccelerated || Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated))
        {
            FillBlockSingle(MemoryMarshal.Cast<T, float>(block), length, x0, anchor, end);
            return;
        }

        ref var target = ref MemoryMarshal.GetReference(block);
        var inverse = 1.0 / x0;
        var i = Vector256.IsHardwareAccelerated ? FillBlock<Width256<double>, Vector256<double>, T>(ref target, block.Length, t0, length, x0, anchor, end)
            : Vector128.IsHardwareAccelerated ? FillBlock<Width128<double>, Vector128<double>, T>(ref target, block.Length, t0, length, x0, anchor, end)
            : 0;
        for (; i < block.Length; i++)
        {
            var d = (1.0 - ((double)(t0 + i) / length) - x0) * inverse;
            var sum = _coefficients[Degree];
            for (var k = Degree - 1; k >= 0; k--)
            {
                sum = Math.FusedMultiplyAdd(sum, d, _coefficients[k]);
            }

            Lanes.Store(Math.FusedMultiplyAdd(anchor, sum, end), ref target, i);
        }
    }

    /// <summary>
    /// The whole vectors of a block in double precision at one width; returns where the scalar tail starts. Four
    /// independent vectors per iteration: each series is a chain of dependent FMAs, and one chain at a time would leave
    /// the multiply-add units waiting on their latency.
    /// </summary>
    private int FillBlock<TWidth, TVector, T>(ref T target, int count, long t0, long length, double x0, double anchor, double end)
        where TWidth : IVectorWidth<TVector, double>
        where TVector : struct
        where T : unmanaged
    {
        var width = TWidth.Count;
        var steps = TWidth.Add(TWidth.Indices, TWidth.Create(t0));
        var lengths = TWidth.Create(length);
        var first = TWidth.Create(x0);
        var scale = TWidth.Create(1.0 / x0);
        var one = TWidth.Create(1.0);
        var anchors = TWidth.Create(anchor);
        var ends = TWidth.Create(end);
        var i = 0;
        for (; i <= count - (4 * width); i += 4 * width)
        {
            var d0 = Ratio<TWidth, TVector>(steps, 0, lengths, first, scale, one);
            var d1 = Ratio<TWidth, TVector>(steps, width, lengths, first, scale, one);
            var d2 = Ratio<TWidth, TVector>(steps, 2 * width, lengths, first, scale, one);
            var d3 = Ratio<TWidth, TVector>(steps, 3 * width, lengths, first, scale, one);
            Series<TWidth, TVector, double>(Degree, ref d0, ref d1, ref d2, ref d3);
            TWidth.StorePair(TWidth.FusedMultiplyAdd(anchors, d0, ends), TWidth.FusedMultiplyAdd(anchors, d1, ends), ref target, (nuint)i);
            TWidth.StorePair(TWidth.FusedMultiplyAdd(anchors, d2, ends), TWidth.FusedMultiplyAdd(anchors, d3, ends), ref target, (nuint)(i + (2 * width)));
            steps = TWidth.Add(steps, TWidth.Create(4 * width));
        }

        for (; i <= count - width; i += width)
        {
            var sum = Series<TWidth, TVector, double>(Ratio<TWidth, TVector>(steps, 0, lengths, first, scale, one), Degree);
            TWidth.Store(TWidth.FusedMultiplyAdd(anchors, sum, ends), ref target, (nuint)i);
            steps = TWidth.Add(steps, TWidth.Create(width));
        }

        return i;
    }

    /// <summary>The series to <paramref name="degree"/> by Horner's rule, in the scalar path's order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TVector Series<TWidth, TVector, TLane>(TVector d, int degree)
        where TWidth : IVectorWidth<TVector, TLane>
        where TVector : struct
        where TLane : unmanaged
    {
        var sum = TWidth.Create(_coefficients[degree]);
        for (var k = degree - 1; k >= 0; k--)
        {
            sum = TWidth.FusedMultiplyAdd(sum, d, TWidth.Create(_coefficients[k]));
        }

        return sum;
    }

    /// <summary>
    /// <see cref="Series{TWidth, TVector, TLane}(TVector, int)"/> of four independent vectors in one loop: each series
    /// is a chain of dependent FMAs, and one chain at a time would leave the multiply-add units waiting on their latency.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Series<TWidth, TVector, TLane>(int degree, ref TVector d0, ref TVector d1, ref TVector d2, ref TVector d3)
        where TWidth : IVectorWidth<TVector, TLane>
        where TVector : struct
        where TLane : unmanaged
    {
        TVector sum0 = TWidth.Create(_coefficients[degree]), sum1 = sum0, sum2 = sum0, sum3 = sum0;
        for (var k = degree - 1; k >= 0; k--)
        {
            var coefficient = TWidth.Create(_coefficients[k]);
            sum0 = TWidth.FusedMultiplyAdd(sum0, d0, coefficient);
            sum1 = TWidth.FusedMultiplyAdd(sum1, d1, coefficient);
            sum2 = TWidth.FusedMultiplyAdd(sum2, d2, coefficient);
            sum3 = TWidth.FusedMultiplyAdd(sum3, d3, coefficient);
        }

        (d0, d1, d2, d3) = (sum0, sum1, sum2, sum3);
    }

    /// <summary><c>d = (x - x0) / x0</c> at <paramref name="offset"/> steps past <paramref name="steps"/>, with <c>x = 1 - t / length</c> divided as the scalar path divides.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Ratio<TWidth, TVector>(TVector steps, int offset, TVector lengths, TVector first, TVector scale, TVector one)
        where TWidth : IVectorWidth<TVector, double>
        where TVector : struct
    {
        var x = TWidth.Subtract(one, TWidth.Divide(TWidth.Add(steps, TWidth.Create(offset)), lengths));
        return TWidth.Multiply(TWidth.Subtract(x, first), scale);
    }

    /// <summary>
    /// The block in single precision for float output (sixteen, eight or four lanes): <c>d = -j / (length * x0)</c> from exact offsets, and the series
    /// cut at <see cref="SingleDegree"/> terms (0.02^7 is far below float's precision).
    /// </summary>
    private void FillBlockSingle(Span<float> block, long length, double x0, double anchor, double end)
    {
        ref var target = ref MemoryMarshal.GetReference(block);
        var slope = (float)(-1.0 / (length * x0));
        var i = Vector512.IsHardwareAccelerated
            ? FillBlockSingle<Width512<float>, Vector512<float>>(ref target, block.Length, slope, anchor, end)
            : Vector256.IsHardwareAccelerated ? FillBlockSingle<Width256<float>, Vector256<float>>(ref target, block.Length, slope, anchor, end)
            : FillBlockSingle<Width128<float>, Vector128<float>>(ref target, block.Length, slope, anchor, end);
        for (; i < block.Length; i++)
        {
            var d = i * slope;
            var sum = _coefficients[SingleDegree];
            for (var k = SingleDegree - 1; k >= 0; k--)
            {
                sum = (sum * d) + _coefficients[k];
            }

            Unsafe.Add(ref target, i) = (float)((anchor * sum) + end);
        }
    }

    /// <summary>The whole vectors of <see cref="FillBlockSingle(Span{float}, long, double, double, double)"/> at one width; returns where the scalar tail starts.</summary>
    private int FillBlockSingle<TWidth, TVector>(ref float target, int length, float slope, double anchor, double end)
        where TWidth : IVectorWidth<TVector, float>
        where TVector : struct
    {
        var width = TWidth.Count;
        var offsets = TWidth.Indices;
        var slopes = TWidth.Create(slope);
        var anchors = TWidth.Create(anchor);
        var ends = TWidth.Create(end);
        var i = 0;

        // Four independent series per iteration, as in the double block.
        for (; i <= length - (4 * width); i += 4 * width)
        {
            var d0 = TWidth.Multiply(offsets, slopes);
            var d1 = TWidth.Multiply(TWidth.Add(offsets, TWidth.Create(width)), slopes);
            var d2 = TWidth.Multiply(TWidth.Add(offsets, TWidth.Create(2 * width)), slopes);
            var d3 = TWidth.Multiply(TWidth.Add(offsets, TWidth.Create(3 * width)), slopes);
            Series<TWidth, TVector, float>(SingleDegree, ref d0, ref d1, ref d2, ref d3);
            TWidth.Store(TWidth.FusedMultiplyAdd(anchors, d0, ends), ref target, (nuint)i);
            TWidth.Store(TWidth.FusedMultiplyAdd(anchors, d1, ends), ref target, (nuint)(i + width));
            TWidth.Store(TWidth.FusedMultiplyAdd(anchors, d2, ends), ref target, (nuint)(i + (2 * width)));
            TWidth.Store(TWidth.FusedMultiplyAdd(anchors, d3, ends), ref target, (nuint)(i + (3 * width)));
            offsets = TWidth.Add(offsets, TWidth.Create(4 * width));
        }

        for (; i <= length - width; i += width)
        {
            var sum = Series<TWidth, TVector, float>(TWidth.Multiply(offsets, slopes), SingleDegree);
            TWidth.Store(TWidth.FusedMultiplyAdd(anchors, sum, ends), ref target, (nuint)i);
            offsets = TWidth.Add(offsets, TWidth.Create(width));
        }

        return i;
    }
}
