using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Schedulers;

/// <summary>
/// <c>range * x^power + end</c> with <c>x = 1 - t / length</c>, for a power that is not a small whole number. Within a
/// block the ratio <c>x / x0</c> to the block's first value stays within 2% of 1, so
/// <c>x^p = x0^p * (1 + d)^p</c> is a short binomial series in <c>d = x / x0 - 1</c>: one <see cref="Math.Pow(double, double)"/>
/// per block and a few FMAs per step, as many as the block's largest <c>|d|</c> needs (bounded by the terms left out).
/// Near the end of a decay with a power below 1, where <c>x</c> is tiny and its rounding dominates, <c>x</c> is
/// rounded exactly as the scalar path rounds it (a true division), so both agree. Immutable.
/// </summary>
internal sealed class PowerSeries
{
    /// <summary>The most terms a block's series may take; a block that would need more is halved.</summary>
    private const int Degree = 10;

    /// <summary>Terms past <see cref="Degree"/> summed to bound what a cut series leaves out.</summary>
    private const int BoundTerms = Degree + 8;

    /// <summary>What the terms left out may add, relative to the block's anchor: below half an ulp of a double.</summary>
    private const double DoubleCut = 1.3877787807814457e-17; // 2^-56

    /// <summary>The same for float output (float's contract is 1e-6 of the rate).</summary>
    private const double SingleCut = 1e-9;

    /// <summary>|d| bound: keeps the series short and the anchor's Math.Pow rare.</summary>
    private const double MaxRatio = 0.02;

    private const int MaxBlockLength = 1024;

    /// <summary>Below this many steps a block is computed by the scalar path.</summary>
    private const int MinBlockLength = 16;

    /// <summary>
    /// From here on (powers below 1), and for powers from 1 to <see cref="ExactOffsetsUpToPower"/>, <c>x</c> is taken
    /// from exact step offsets instead of the scalar path's rounded division: the scalar path's rounding of <c>x</c> then
    /// moves <c>x^p</c> by under <c>p x^(p-1) 2^-53</c>, inside the 1e-14 contract, and a vector division per step costs
    /// as much as the rest of the series.
    /// </summary>
    private const double ExactOffsetsFrom = 1.0 / 16;

    /// <summary>Above this power <c>p 2^-53</c> nears the contract: the scalar path's rounding is followed.</summary>
    private const double ExactOffsetsUpToPower = 32;

    private readonly double[] _coefficients = new double[BoundTerms + 1];

    public PowerSeries(double power)
    {
        Power = power;
        _coefficients[0] = 1.0;
        for (var k = 1; k <= BoundTerms; k++)
        {
            _coefficients[k] = _coefficients[k - 1] * (power - (k - 1)) / k; // binomial(power, k)
        }
    }

    public double Power { get; }

    public void Fill<T>(Span<T> destination, long firstT, long length, double range, double end)
        where T : unmanaged
    {
        var cut = typeof(T) == typeof(float) ? SingleCut : DoubleCut;
        var done = 0;
        while (done < destination.Length)
        {
            var t0 = firstT + done;
            var x0 = 1.0 - ((double)t0 / length);
            var block = (int)Math.Clamp(Math.Floor(MaxRatio * x0 * length), 1, Math.Min(MaxBlockLength, destination.Length - done));
            var degree = -1;
            while (block >= MinBlockLength && x0 > 0 && (degree = DegreeFor((block - 1) / (x0 * length), cut)) < 0)
            {
                block /= 2;
            }

            var part = destination.Slice(done, block);
            if (block < MinBlockLength || x0 <= 0 || degree < 0)
            {
                for (var j = 0; j < part.Length; j++)
                {
                    part[j] = Lanes.From<T>((range * Math.Pow(1.0 - ((double)(t0 + j) / length), Power)) + end);
                }
            }
            else
            {
                FillBlock(part, t0, length, x0, range * Math.Pow(x0, Power), end, degree);
            }

            done += block;
        }
    }

    /// <summary>
    /// The fewest terms whose series is exact to <paramref name="cut"/> for every <c>|d| &lt;= maxRatio</c>, or -1 when
    /// <see cref="Degree"/> terms are not enough (large powers: the block must shrink).
    /// </summary>
    private int DegreeFor(double maxRatio, double cut)
    {
        Span<double> terms = stackalloc double[BoundTerms + 1];
        var power = 1.0;
        for (var k = 0; k <= BoundTerms; k++)
        {
            terms[k] = Math.Abs(_coefficients[k]) * power;
            power *= maxRatio;
        }

        // A series whose last bounding terms still grow does not converge fast enough to bound: refuse it.
        if (terms[BoundTerms] > terms[BoundTerms - 1])
        {
            return -1;
        }

        var tail = 0.0;
        for (var k = BoundTerms; k > Degree; k--)
        {
            tail += terms[k];
        }

        for (var degree = Degree; degree >= 0; degree--)
        {
            if (tail > cut)
            {
                return degree == Degree ? -1 : degree + 1;
            }

            tail += terms[degree];
        }

        return 0;
    }

    private void FillBlock<T>(Span<T> block, long t0, long length, double x0, double anchor, double end, int degree)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float) && (Vector512.IsHardwareAccelerated || Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated))
        {
            FillBlockSingle(MemoryMarshal.Cast<T, float>(block), length, x0, anchor, end, degree);
            return;
        }

        ref var target = ref MemoryMarshal.GetReference(block);
        var inverse = 1.0 / x0;
        var exactOffsets = Power >= 1 ? Power <= ExactOffsetsUpToPower : x0 >= ExactOffsetsFrom;
        var i = Vector512.IsHardwareAccelerated ? FillBlock<Width512<double>, Vector512<double>, T>(ref target, block.Length, t0, length, x0, anchor, end, degree, exactOffsets)
            : Vector256.IsHardwareAccelerated ? FillBlock<Width256<double>, Vector256<double>, T>(ref target, block.Length, t0, length, x0, anchor, end, degree, exactOffsets)
            : Vector128.IsHardwareAccelerated ? FillBlock<Width128<double>, Vector128<double>, T>(ref target, block.Length, t0, length, x0, anchor, end, degree, exactOffsets)
            : 0;
        for (; i < block.Length; i++)
        {
            var d = (1.0 - ((double)(t0 + i) / length) - x0) * inverse;
            var sum = _coefficients[degree];
            for (var k = degree - 1; k >= 0; k--)
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
    private int FillBlock<TWidth, TVector, T>(ref T target, int count, long t0, long length, double x0, double anchor, double end, int degree, bool exactOffsets)
        where TWidth : IVectorWidth<TVector, double>
        where TVector : struct
        where T : unmanaged
    {
        var width = TWidth.Count;

        // With exact offsets, d = -j / (length x0) from the step's offset j in the block (the lanes hold j, not t).
        var steps = exactOffsets ? TWidth.Indices : TWidth.Add(TWidth.Indices, TWidth.Create(t0));
        var lengths = TWidth.Create(length);
        var first = TWidth.Create(x0);
        var scale = TWidth.Create(exactOffsets ? -1.0 / (length * x0) : 1.0 / x0);
        var one = TWidth.Create(1.0);
        var anchors = TWidth.Create(anchor);
        var ends = TWidth.Create(end);
        var i = 0;
        for (; i <= count - (4 * width); i += 4 * width)
        {
            var d0 = Ratio<TWidth, TVector>(steps, 0, lengths, first, scale, one, exactOffsets);
            var d1 = Ratio<TWidth, TVector>(steps, width, lengths, first, scale, one, exactOffsets);
            var d2 = Ratio<TWidth, TVector>(steps, 2 * width, lengths, first, scale, one, exactOffsets);
            var d3 = Ratio<TWidth, TVector>(steps, 3 * width, lengths, first, scale, one, exactOffsets);
            Series<TWidth, TVector, double>(degree, ref d0, ref d1, ref d2, ref d3);
            TWidth.StorePair(TWidth.FusedMultiplyAdd(anchors, d0, ends), TWidth.FusedMultiplyAdd(anchors, d1, ends), ref target, (nuint)i);
            TWidth.StorePair(TWidth.FusedMultiplyAdd(anchors, d2, ends), TWidth.FusedMultiplyAdd(anchors, d3, ends), ref target, (nuint)(i + (2 * width)));
            steps = TWidth.Add(steps, TWidth.Create(4 * width));
        }

        for (; i <= count - width; i += width)
        {
            var sum = Series<TWidth, TVector, double>(Ratio<TWidth, TVector>(steps, 0, lengths, first, scale, one, exactOffsets), degree);
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

    /// <summary>
    /// <c>d = (x - x0) / x0</c> at <paramref name="offset"/> steps past <paramref name="steps"/>: from exact offsets
    /// (<paramref name="scale"/> is then <c>-1 / (length x0)</c>), or with <c>x = 1 - t / length</c> divided as the
    /// scalar path divides.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Ratio<TWidth, TVector>(TVector steps, int offset, TVector lengths, TVector first, TVector scale, TVector one, bool exactOffsets)
        where TWidth : IVectorWidth<TVector, double>
        where TVector : struct
    {
        if (exactOffsets)
        {
            return TWidth.Multiply(TWidth.Add(steps, TWidth.Create(offset)), scale);
        }

        var x = TWidth.Subtract(one, TWidth.Divide(TWidth.Add(steps, TWidth.Create(offset)), lengths));
        return TWidth.Multiply(TWidth.Subtract(x, first), scale);
    }

    /// <summary>
    /// The block in single precision for float output (sixteen, eight or four lanes): <c>d = -j / (length * x0)</c> from
    /// exact offsets, and the series cut where <see cref="SingleCut"/> puts it.
    /// </summary>
    private void FillBlockSingle(Span<float> block, long length, double x0, double anchor, double end, int degree)
    {
        ref var target = ref MemoryMarshal.GetReference(block);
        var slope = (float)(-1.0 / (length * x0));
        var i = Vector512.IsHardwareAccelerated
            ? FillBlockSingle<Width512<float>, Vector512<float>>(ref target, block.Length, slope, anchor, end, degree)
            : Vector256.IsHardwareAccelerated ? FillBlockSingle<Width256<float>, Vector256<float>>(ref target, block.Length, slope, anchor, end, degree)
            : FillBlockSingle<Width128<float>, Vector128<float>>(ref target, block.Length, slope, anchor, end, degree);
        for (; i < block.Length; i++)
        {
            var d = i * slope;
            var sum = _coefficients[degree];
            for (var k = degree - 1; k >= 0; k--)
            {
                sum = (sum * d) + _coefficients[k];
            }

            Unsafe.Add(ref target, i) = (float)((anchor * sum) + end);
        }
    }

    /// <summary>The whole vectors of <see cref="FillBlockSingle(Span{float}, long, double, double, double, int)"/> at one width; returns where the scalar tail starts.</summary>
    private int FillBlockSingle<TWidth, TVector>(ref float target, int length, float slope, double anchor, double end, int degree)
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
            Series<TWidth, TVector, float>(degree, ref d0, ref d1, ref d2, ref d3);
            TWidth.Store(TWidth.FusedMultiplyAdd(anchors, d0, ends), ref target, (nuint)i);
            TWidth.Store(TWidth.FusedMultiplyAdd(anchors, d1, ends), ref target, (nuint)(i + width));
            TWidth.Store(TWidth.FusedMultiplyAdd(anchors, d2, ends), ref target, (nuint)(i + (2 * width)));
            TWidth.Store(TWidth.FusedMultiplyAdd(anchors, d3, ends), ref target, (nuint)(i + (3 * width)));
            offsets = TWidth.Add(offsets, TWidth.Create(4 * width));
        }

        for (; i <= length - width; i += width)
        {
            var sum = Series<TWidth, TVector, float>(TWidth.Multiply(offsets, slopes), degree);
            TWidth.Store(TWidth.FusedMultiplyAdd(anchors, sum, ends), ref target, (nuint)i);
            offsets = TWidth.Add(offsets, TWidth.Create(width));
        }

        return i;
    }
}
