namespace Schedulers;

/// <summary>A phase angle whose scalar rounding can be measured, so that a rotation of many cycles can be corrected to it.</summary>
internal interface IRoundedAngle : IPhaseAngle
{
    /// <summary>
    /// Fills <paramref name="errors"/> with <c>At(step) - exact angle</c> for the steps <paramref name="steps"/> holds (as
    /// exact doubles; this may overwrite them): the scalar path's rounding of its own angle, found with fused
    /// multiply-adds, each error to far better than its own size.
    /// </summary>
    void RoundingErrors(Span<double> steps, Span<double> errors);

    /// <summary>Gets the angle per step that the rotation table holds, rounded.</summary>
    double Delta { get; }

    /// <summary>Gets the exact angle per step minus <see cref="Delta"/>: a rotation drifts by it every step from its anchor.</summary>
    double DeltaError { get; }
}
