using System.Collections.Immutable;

namespace Schedulers;

/// <summary>Every scheduler the library implements, in documentation order.</summary>
internal static class SchedulerDefinitions
{
    public static ImmutableArray<SchedulerDefinition> All { get; } =
    [
        new Constant(),
        new ConstantWithWarmup(),
        new Linear(),
        Cosine.Standard,
        Cosine.WithMinLr,
        new CosineWithRestarts(),
        new Polynomial(),
        new InverseSqrt(),
        new WarmupStableDecay(),
        new PiecewiseConstant(),
        new StepLR(),
        new MultiStepLR(),
        new ExponentialLR(),
        new ConstantLR(),
        new LinearLR(),
        new PolynomialLR(),
        new CosineAnnealingLR(),
        new CosineAnnealingWarmRestarts(),
        new OneCycleLR(),
        new CyclicLR(),
        new ReduceLROnPlateau(),
        new SequentialLR(),
        new ChainedScheduler(),
        new LambdaLR(),
        new Interpolated(),
        new CosineLRScheduler(),
        new TanhLRScheduler(),
        new PolyLRScheduler(),
        new StepLRScheduler(),
        new MultiStepLRScheduler(),
        new ExponentialDecay(),
        new InverseTimeDecay(),
        new PolynomialDecay(),
        new PiecewiseConstantDecay(),
        new CosineDecay(),
        new CosineDecayRestarts(),
    ];

    public static SchedulerDefinition? Find(string name)
    {
        foreach (var definition in All)
        {
            if (string.Equals(definition.Descriptor.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return definition;
            }
        }

        return null;
    }
}
