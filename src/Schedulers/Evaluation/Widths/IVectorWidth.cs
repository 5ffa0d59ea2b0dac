namespace Schedulers;

/// <summary>
/// A vector width and lane type as static members of a struct passed as a type argument (as TensorPrimitives passes
/// its operators), so that one kernel body serves 512-, 256- and 128-bit vectors of doubles and floats: the JIT specialises
/// the body for each struct and inlines these members, so the loop is the one a hand-written copy would be.
/// </summary>
internal interface IVectorWidth<TVector, TLane>
    where TVector : struct
    where TLane : unmanaged
{
    /// <summary>Gets the lanes per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Every lane <paramref name="value"/>, rounded once to the lane type.</summary>
    static abstract TVector Create(double value);

    /// <summary>Gets the lanes' indices, <c>[0, 1, 2, ...]</c>.</summary>
    static abstract TVector Indices { get; }

    static abstract TVector Load(ref TLane source, nuint index);

    static abstract TVector Add(TVector left, TVector right);

    static abstract TVector Multiply(TVector left, TVector right);

    static abstract TVector FusedMultiplyAdd(TVector a, TVector b, TVector c);

    static abstract TVector Subtract(TVector left, TVector right);

    static abstract TVector Divide(TVector left, TVector right);

    static abstract TVector MaxNative(TVector value, TVector floor);

    /// <summary>The operator's path at this width and lane type (its double or single-precision overload).</summary>
    static abstract TVector Invoke<TOperator>(TOperator op, TVector step)
        where TOperator : struct, IStepOperator;

    /// <summary>Stores into a <c>double</c> or <c>float</c> destination; double lanes are narrowed in registers for float output.</summary>
    static abstract void Store<T>(TVector value, ref T target, nuint index)
        where T : unmanaged;

    /// <summary>Two consecutive vectors; float output narrowed from double lanes takes one store where the width allows.</summary>
    static abstract void StorePair<T>(TVector first, TVector second, ref T target, nuint index)
        where T : unmanaged;
}
