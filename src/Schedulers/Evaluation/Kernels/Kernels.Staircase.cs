using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Schedulers;

internal static partial class Kernels
{
    /// <summary>Runs at most this long are written element by element: a call to Span.Fill costs more than it saves.</summary>
    private const int ShortRun = 8;

    /// <summary>
    /// Spreads one value per run over its run, in place (epoch units: one value per epoch, one run per epoch's steps). On
    /// entry the last <paramref name="runs"/> elements of <paramref name="destination"/> hold the values, in order; on
    /// exit the first <paramref name="firstRun"/> elements hold the first value, each following <paramref name="runLength"/>
    /// elements the next, the last run cut at the end. Runs are written front to back and never reach a value not yet
    /// read: with <c>k</c> runs, after run <c>j</c> the writes end at <c>firstRun + j * runLength</c>, and value <c>j + 1</c>
    /// sits at <c>n - k + j + 1</c>, which is <c>(k - 2 - j) * (runLength - 1) + (lastRun - 1) &gt;= 0</c> further on.
    /// </summary>
    public static void Staircase<T>(Span<T> destination, int runs, int firstRun, long runLength)
        where T : unmanaged
    {
        ref var target = ref MemoryMarshal.GetReference(destination);
        var length = destination.Length;
        var next = length - runs;
        var written = 0;
        var run = firstRun;
        var later = (int)Math.Min(runLength, length);
        while (written < length)
        {
            var value = Unsafe.Add(ref target, next++);
            run = Math.Min(run, length - written);
            if (run <= ShortRun)
            {
                for (var i = 0; i < run; i++)
                {
                    Unsafe.Add(ref target, written + i) = value;
                }
            }
            else
            {
                destination.Slice(written, run).Fill(value);
            }

            written += run;
            run = later;
        }
    }
}
