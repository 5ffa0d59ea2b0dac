using System.Runtime.Intrinsics;

namespace Schedulers;

/// <summary>
/// A learning rate as a function of the step (as a double), with a scalar path and 128-, 256- and 512-bit vector paths that
/// compute the same operations, so all round alike (and single-precision paths for float output). Passed as a generic struct argument (as TensorPrimitives'
/// operators are), each kernel is specialised for it with no virtual call per element.
/// </summary>
internal interface IStepOperator
{
    double Invoke(double step);

    Vector256<double> Invoke(Vector256<double> step);

    Vector512<double> Invoke(Vector512<double> step);

    /// <summary>Sixteen steps at once in single precision, for float output: its rounding (6e-8) is far inside float's 1e-6 contract.</summary>
    Vector512<float> Invoke(Vector512<float> step);

    /// <summary>Eight steps at once in single precision, for float output on machines without AVX-512.</summary>
    Vector256<float> Invoke(Vector256<float> step);

    /// <summary>Two steps at once: machines with 128-bit vectors only (ARM64's AdvSimd, x64 without AVX2).</summary>
    Vector128<double> Invoke(Vector128<double> step);

    /// <summary>Four steps at once in single precision, for float output with 128-bit vectors only.</summary>
    Vector128<float> Invoke(Vector128<float> step);
}
