namespace Schedulers;

/// <summary>When a cosine phase may be evaluated by rotation and still agree with the scalar path.</summary>
internal static class Rotation
{
    /// <summary>
    /// The scalar path rounds its angle, so it is off the exact angle by about 2^-52 of the angle's size; a rotation
    /// follows the exact angle. Up to an angle of 32 the two agree within 1e-14 of the learning rate; beyond it (many
    /// cycles), the scalar path is used.
    /// </summary>
    public const double MaxAngle = 32.0;

    public static bool CanRotate(double angleSpan) => double.IsFinite(angleSpan) && Math.Abs(angleSpan) <= MaxAngle;
}
