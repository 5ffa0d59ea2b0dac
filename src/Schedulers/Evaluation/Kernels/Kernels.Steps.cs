using System.Runtime.CompilerServices;

namespace Schedulers;

internal static partial class Kernels
{
    /// <summary>
    /// Four independent vectors of consecutive steps from <paramref name="first"/>, and the stride that moves each past
    /// all four: one running sum would make every iteration wait for the previous addition. Steps (and float offsets
    /// below 2^24) stay exact, so stepping them by whole widths is exact too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StepVectors<TWidth, TVector, TLane>(double first, out TVector steps, out TVector steps1, out TVector steps2, out TVector steps3, out TVector stride4)
        where TWidth : IVectorWidth<TVector, TLane>
        where TVector : struct
        where TLane : unmanaged
    {
        var width = TWidth.Count;
        steps = TWidth.Add(TWidth.Indices, TWidth.Create(first));
        steps1 = TWidth.Add(steps, TWidth.Create(width));
        steps2 = TWidth.Add(steps, TWidth.Create(2.0 * width));
        steps3 = TWidth.Add(steps, TWidth.Create(3.0 * width));
        stride4 = TWidth.Create(4.0 * width);
    }

    /// <summary>Moves the four step vectors of <see cref="StepVectors"/> on by <paramref name="stride4"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Advance<TWidth, TVector, TLane>(ref TVector steps, ref TVector steps1, ref TVector steps2, ref TVector steps3, TVector stride4)
        where TWidth : IVectorWidth<TVector, TLane>
        where TVector : struct
        where TLane : unmanaged
    {
        steps = TWidth.Add(steps, stride4);
        steps1 = TWidth.Add(steps1, stride4);
        steps2 = TWidth.Add(steps2, stride4);
        steps3 = TWidth.Add(steps3, stride4);
    }
}
