using System.Collections.Immutable;

namespace Schedulers;

/// <summary>PyTorch's <c>MultiStepLR</c>.</summary>
internal sealed class MultiStepLR : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = PyTorchParameters.Describe(
        "MultiStepLR",
        "Multiplies the learning rate by gamma at each milestone (a repeated milestone counts twice).",
        "gamma^(number of milestones <= step)",
        new ParameterDescriptor(ScheduleKeys.Milestones, ParameterKind.IntegerList, ParameterPresence.Required, "Steps at which the learning rate is multiplied by gamma.", range: ValueRange.AtLeast(1)),
        PyTorchParameters.GammaDescriptor(ParameterPresence.Optional, "Multiplier applied at each milestone."));

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var milestones = PyTorchParameters.SortedMilestones(parameters, ScheduleKeys.Milestones);
        return PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new Curve(milestones, parameters.Number(ScheduleKeys.Gamma)) { CourseEnd = milestones.IsEmpty ? null : new(milestones[^1], "the last milestone") });
    }

    /// <summary>PyTorch's <c>MultiStepLR</c>: <c>gamma^(number of milestones &lt;= t)</c>, a repeated milestone counting twice.</summary>
    internal sealed class Curve(ImmutableArray<long> milestones, double gamma) : DecayCurve
    {
        public override IEnumerable<long> Boundaries => milestones.Distinct();

        public override double Factor(long t) => Math.Pow(gamma, Passed(t));

        protected override long NextChange(long t)
        {
            var passed = Passed(t);
            return passed < milestones.Length ? milestones[passed] : long.MaxValue;
        }

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) => FillConstantRuns(firstT, scale, destination);

        private int Passed(long t)
        {
            var passed = 0;
            while (passed < milestones.Length && milestones[passed] <= t)
            {
                passed++;
            }

            return passed;
        }
    }
}
