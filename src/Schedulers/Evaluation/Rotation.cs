namespace Schedulers;

/// <summary>When a cosine phase may be evaluated by rotation and still agree with the scalar path.</summary>
internal static class Rotation
{
    /// <summary>
    /// The scalar path rounds its angle, so it is off the exact angle by about 2^-52 of the angle's size; a rotation
    /// follows the exact angle. Up to an angle of 32 the two agree within 1e-14 of the learning rate; beyond it (many
    /// cycles), double output needs <see cref="CorrectedRotation"/>.
    /// </summary>
    public const double MaxAngle = 32.0;

    /// <summary>
    /// Float output's contract (1e-6 of the learning rate) is far above the scalar angle's rounding (2^-52 of the angle:
    /// 2e-10 at this angle), so float output rotates cosines of many cycles as they are; double output rotates them
    /// with a correction to the scalar angle (<see cref="CorrectedRotation"/>).
    /// </summary>
    public const double MaxAngleSingle = 1e6;

    public static bool CanRotate(double angleSpan) => double.IsFinite(angleSpan) && Math.Abs(angleSpan) <= MaxAngle;

    /// <summary>The table for a cosine phase, or null where neither precision may rotate it.</summary>
    public static RotationTable? TableFor(double angleSpan, double delta) =>
        double.IsFinite(angleSpan) && Math.Abs(angleSpan) <= MaxAngleSingle ? new RotationTable(delta) : null;
}
