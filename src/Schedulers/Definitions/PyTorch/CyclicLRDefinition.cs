namespace Schedulers;

/// <summary>PyTorch's <c>CyclicLR</c> with its three built-in policies (the learning rate part; momentum cycling is left to the trainer integration).</summary>
internal sealed class CyclicLRDefinition : CurveDefinition
{
    public const string BaseLr = "base_lr";
    public const string MaxLr = "max_lr";
    public const string StepSizeUp = "step_size_up";
    public const string StepSizeDown = "step_size_down";
    public const string Mode = "mode";

    public override SchedulerDescriptor Descriptor { get; } = new(
        "CyclicLR",
        SchedulerFamily.PyTorch,
        "Triangles between base_lr (the learning rate) and max_lr: step_size_up steps up, step_size_down steps down; triangular2 halves the height each cycle, exp_range scales it by gamma^step.",
        "base_lr + (max_lr - base_lr) * triangle(step) * scale, scale: 1 | 1 / 2^(cycle - 1) | gamma^step",
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [
            new(CommonParameters.LearningRate, ParameterKind.Number, ParameterPresence.Required,
                "Bottom of the cycle (PyTorch's base_lr); the values rise from it to max_lr.", range: ValueRange.GreaterThan(0)),
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            new(BaseLr, ParameterKind.Number, ParameterPresence.Optional, "Bottom of the cycle; the same as learning_rate (give either, or both equal).",
                defaultDescription: "learning_rate", range: ValueRange.GreaterThan(0)),
            new(MaxLr, ParameterKind.Number, ParameterPresence.Required, "Top of the cycle (the triangle's peak).", range: ValueRange.GreaterThan(0)),
            new(StepSizeUp, ParameterKind.Integer, ParameterPresence.Optional, "Steps from base_lr up to max_lr.",
                ParameterValue.FromNumber(2000), range: ValueRange.AtLeast(1)),
            new(StepSizeDown, ParameterKind.Integer, ParameterPresence.Optional, "Steps from max_lr back down to base_lr.",
                defaultDescription: "step_size_up", range: ValueRange.AtLeast(1)),
            new(Mode, ParameterKind.Choice, ParameterPresence.Optional, "Scaling of each cycle's height.",
                ParameterValue.FromText("triangular"), choices: ["triangular", "triangular2", "exp_range"]),
            new(PyTorchParameters.Gamma, ParameterKind.Number, ParameterPresence.Optional,
                "Height multiplier per step in exp_range (accepted with every mode, as PyTorch takes it; it acts only in exp_range).",
                ParameterValue.FromNumber(1.0), range: ValueRange.Between(0, false, 1, true)),
        ],
        warmupRefusal: "CyclicLR starts its first cycle at base_lr: remove the warmup, or compose one with SequentialLR");

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        if (parameters.Given(BaseLr) is { } baseLr && parameters.Has(CommonParameters.LearningRate) && baseLr.NumberValue != parameters.LearningRate)
        {
            problems.Add(ConfigurationProblem.ForKeys([BaseLr, CommonParameters.LearningRate],
                $"base_lr = {baseLr} and learning_rate = {parameters.Given(CommonParameters.LearningRate)} disagree: CyclicLR's base is learning_rate; give base_lr equal to it, or leave base_lr out."));
        }

        if (parameters.Given(MaxLr) is { } maxLr && parameters.Has(CommonParameters.LearningRate) && maxLr.NumberValue == parameters.LearningRate)
        {
            problems.Add(ConfigurationProblem.ForKey(MaxLr, maxLr,
                $"{maxLr} equals the base learning rate, so the cycle has no height and step_size_up, step_size_down and mode would do nothing: give a different max_lr, or use ConstantLR / constant."));
        }
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var up = parameters.Integer(StepSizeUp, 2000);
        return PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new CyclicCurve(
                up,
                parameters.Integer(StepSizeDown, up),
                parameters.Number(MaxLr, double.NaN) / parameters.LearningRate,
                parameters.Text(Mode, "triangular"),
                parameters.Number(PyTorchParameters.Gamma, 1.0)));
    }
}
