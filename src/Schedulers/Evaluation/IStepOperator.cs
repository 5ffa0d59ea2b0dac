using System.Numerics;

namespace Schedulers;

/// <summary>
/// A learning rate as a function of the (step as a double), with a scalar path and a vector path that compute the same
/// operations in the same order, so both round alike. Passed as a generic struct argument (as TensorPrimitives'
/// operators are), each kernel is specialised for it with no virtual call per element.
/// </summary>
internal interface IStepOperator
{
    double Invoke(double step);

    Vector<double> Invoke(Vector<double> step);
}
