namespace Schedulers;

/// <summary>
/// PyTorch's <c>LambdaLR</c>: listed in the catalog like every scheduler, but made only from C#
/// (<see cref="LearningRateSchedule.FromFunction"/>), since a configuration cannot carry a function.
/// </summary>
internal sealed class LambdaLRDefinition : SchedulerDefinition
{
    public static SchedulerDescriptor Described { get; } = new(
        "LambdaLR",
        SchedulerFamily.PyTorch,
        "learning_rate times a factor computed by a C# function of the step (PyTorch's LambdaLR); code only, not JSON.",
        "lr_lambda(step)",
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [CommonParameters.LearningRateDescriptor],
        warmupRefusal: "LambdaLR's function draws any warmup itself",
        codeOnly: true);

    public override SchedulerDescriptor Descriptor => Described;

    public override string NoCurveReason =>
        "takes a C# function of the step, which a configuration cannot carry: create it with LearningRateSchedule.FromFunction(learningRate, step => factor) in C#, or describe the curve with 'interpolated' control points.";
}
