using System.Collections.Immutable;

namespace Schedulers;

/// <summary>Every scheduler the library implements, in documentation order.</summary>
internal static class SchedulerDefinitions
{
    public static ImmutableArray<SchedulerDefinition> All { get; } =
    [
        new ConstantDefinition(),
        new ConstantWithWarmupDefinition(),
        new LinearDefinition(),
        CosineDefinition.Cosine,
        CosineDefinition.CosineWithMinLr,
        new CosineWithRestartsDefinition(),
        new PolynomialDefinition(),
        new InverseSqrtDefinition(),
        new WarmupStableDecayDefinition(),
        new PiecewiseConstantDefinition(),
        new StepLRDefinition(),
        new MultiStepLRDefinition(),
        new ExponentialLRDefinition(),
        new ConstantLRDefinition(),
        new LinearLRDefinition(),
        new PolynomialLRDefinition(),
        new CosineAnnealingLRDefinition(),
        new CosineAnnealingWarmRestartsDefinition(),
        new OneCycleLRDefinition(),
        new CyclicLRDefinition(),
        new ReduceLROnPlateauDefinition(),
        new SequentialLRDefinition(),
        new ChainedSchedulerDefinition(),
        new LambdaLRDefinition(),
        new InterpolatedDefinition(),
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
