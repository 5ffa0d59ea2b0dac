using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Schedulers;

internal static partial class Kernels
{
    /// <summary>Runs longer than this are written by Span.Fill; shorter ones by broadcast vector stores, or one by one.</summary>
    private const int LongRun = 64;

    /// <summary>Runs of at most this many vectors take the tight loop of broadcast stores.</summary>
    private const int ShortRunVectors = 4;

    /// <summary>
    /// Spreads one value per run over its run, in place (epoch units: one value per epoch, one run per epoch's steps). On
    /// entry the last <paramref name="runs"/> elements of <paramref name="destination"/> hold the values, in order; on
    /// exit the first <paramref name="firstRun"/> elements hold the first value, each following <paramref name="runLength"/>
    /// elements the next, the last run cut at the end.
    /// </summary>
    /// <remarks>
    /// Runs are written front to back and never reach a value not yet read. With <c>k</c> runs of length <c>r</c> over
    /// <c>n</c> elements, after run <c>j</c> the writes end at <c>firstRun + j * r</c>, and the next value to read, value
    /// <c>j + 1</c>, sits at <c>n - k + j + 1</c>: <c>(k - 2 - j) * (r - 1) + (lastRun - 1)</c> further on. With
    /// <c>r &gt;= 2</c> that gap is at least <c>k - 2 - j</c>, so while <c>j &lt; k - width</c> a run may be written by
    /// whole vectors that spill up to <c>width - 1</c> elements into the next run (which is written over right after):
    /// one store per run for runs up to a vector long, where a call to Span.Fill per run of a few elements would cost
    /// several times the stores.
    /// </remarks>
    public static void Staircase<T>(Span<T> destination, int runs, int firstRun, long runLength)
        where T : unmanaged
    {
        ref var target = ref MemoryMarshal.GetReference(destination);
        var length = destination.Length;
        var next = length - runs;
        var written = 0;
        var run = firstRun;
        var later = (int)Math.Min(runLength, length);
        var spilling = Vector.IsHardwareAccelerated && runLength >= 2 ? Math.Max(0, runs - Vector<T>.Count) : 0;
        var j = 0;
        if (spilling > 1 && later <= ShortRunVectors * Vector<T>.Count)
        {
            // Short runs after the first: one load, one broadcast and the same few stores each (one for a run of up to a
            // vector), and nothing else in the loop.
            var stores = (later + Vector<T>.Count - 1) / Vector<T>.Count;
            var first = new Vector<T>(Unsafe.Add(ref target, next));
            for (var i = 0; i < firstRun; i += Vector<T>.Count)
            {
                first.StoreUnsafe(ref target, (nuint)i);
            }

            var position = (nuint)firstRun;
            for (j = 1; j < spilling; j++)
            {
                var broadcast = new Vector<T>(Unsafe.Add(ref target, next + j));
                broadcast.StoreUnsafe(ref target, position);
                for (var k = 1; k < stores; k++)
                {
                    broadcast.StoreUnsafe(ref target, position + (nuint)(k * Vector<T>.Count));
                }

                position += (nuint)later;
            }

            next += spilling;
            written = (int)position;
            run = later;
        }

        for (; j < spilling; j++)
        {
            var value = Unsafe.Add(ref target, next++);
            if (run > LongRun)
            {
                destination.Slice(written, run).Fill(value);
            }
            else
            {
                var broadcast = new Vector<T>(value);
                for (var i = 0; i < run; i += Vector<T>.Count)
                {
                    broadcast.StoreUnsafe(ref target, (nuint)(written + i));
                }
            }

            written += run;
            run = later;
        }

        while (written < length)
        {
            var value = Unsafe.Add(ref target, next++);
            run = Math.Min(run, length - written);
            if (run > LongRun)
            {
                destination.Slice(written, run).Fill(value);
            }
            else
            {
                for (var i = 0; i < run; i++)
                {
                    Unsafe.Add(ref target, written + i) = value;
                }
            }

            written += run;
            run = later;
        }
    }
}
