namespace Schedulers;

/// <summary>The angle a cosine phase has at a step, computed exactly as the schedule's scalar path computes it (the rotation anchors on it).</summary>
internal interface IPhaseAngle
{
    double At(long step);
}
