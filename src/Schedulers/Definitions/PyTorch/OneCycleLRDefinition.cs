using System.Globalization;

namespace Schedulers;

/// <summary>PyTorch's <c>OneCycleLR</c> (the learning rate part; momentum cycling is left to the trainer integration).</summary>
internal sealed class OneCycleLRDefinition : CurveDefinition
{
    public const string MaxLr = "max_lr";
    public const string PctStart = "pct_start";
    public const string AnnealStrategy = "anneal_strategy";
    public const string DivFactor = "div_factor";
    public const string FinalDivFactor = "final_div_factor";
    public const string ThreePhase = "three_phase";

    public override SchedulerDescriptor Descriptor { get; } = new(
        "OneCycleLR",
        SchedulerFamily.PyTorch,
        "Smith's one-cycle policy: from max_lr / div_factor up to max_lr over pct_start of the run, then down to initial / final_div_factor (with three_phase, back to the initial LR first).",
        "anneal(start, end, pct) per phase: cos: end + (start - end) / 2 * (cos(pi * pct) + 1); linear: (end - start) * pct + start",
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Required),
            new(MaxLr, ParameterKind.Number, ParameterPresence.Optional, "Peak learning rate; the same as learning_rate (give either, or both equal).",
                defaultDescription: "learning_rate", range: ValueRange.GreaterThan(0)),
            new(PctStart, ParameterKind.Number, ParameterPresence.Optional, "Share of total_steps spent rising to max_lr.",
                ParameterValue.FromNumber(0.3), range: ValueRange.Between(0, true, 1, true)),
            new(AnnealStrategy, ParameterKind.Choice, ParameterPresence.Optional, "Shape of every phase.",
                ParameterValue.FromText("cos"), choices: ["cos", "linear"]),
            new(DivFactor, ParameterKind.Number, ParameterPresence.Optional, "The initial learning rate is max_lr / div_factor.",
                ParameterValue.FromNumber(25), range: ValueRange.GreaterThan(0)),
            new(FinalDivFactor, ParameterKind.Number, ParameterPresence.Optional, "The final learning rate is the initial one / final_div_factor.",
                ParameterValue.FromNumber(1e4), range: ValueRange.GreaterThan(0)),
            new(ThreePhase, ParameterKind.Boolean, ParameterPresence.Optional, "Come back down to the initial learning rate symmetrically before the final annihilation (fastai's original policy).",
                ParameterValue.FromBoolean(false)),
        ],
        warmupRefusal: "OneCycleLR has its own warm phase (pct_start): remove the warmup, or compose one with SequentialLR");

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        if (parameters.Given(MaxLr) is { } maxLr && parameters.Has(CommonParameters.LearningRate) && maxLr.NumberValue != parameters.LearningRate)
        {
            problems.Add(ConfigurationProblem.ForKeys([MaxLr, CommonParameters.LearningRate],
                $"max_lr = {maxLr} and learning_rate = {parameters.Given(CommonParameters.LearningRate)} disagree: OneCycleLR's peak is learning_rate; give max_lr equal to it, or leave max_lr out."));
        }

        // A tiny (subnormal) div_factor passes its own range but makes the initial learning rate overflow.
        if (parameters.Given(DivFactor) is { } divFactor && parameters.Has(CommonParameters.LearningRate)
            && !(parameters.LearningRate / divFactor.NumberValue <= CommonParameters.MaxNumber))
        {
            problems.Add(ConfigurationProblem.ForKey(DivFactor, divFactor,
                $"{divFactor} makes the initial learning rate max_lr / div_factor larger than {CommonParameters.MaxNumber.ToString("R", CultureInfo.InvariantCulture)}: give a div_factor of at least {(parameters.LearningRate / CommonParameters.MaxNumber).ToString("R", CultureInfo.InvariantCulture)}."));
        }

        if (parameters.TotalSteps is not { } total)
        {
            return;
        }

        // PyTorch divides by the length of each phase: a phase of no step divides by zero (or runs backwards).
        var pct = parameters.Number(PctStart, 0.3);
        var shape = OneCycleCurve.Phases(total, pct, parameters.Given(ThreePhase)?.BooleanValue ?? false);
        var start = 0.0;
        foreach (var phase in shape)
        {
            if (!(phase.End - start > 0))
            {
                var valid = parameters.Given(ThreePhase)?.BooleanValue == true
                    ? "1 < pct_start * total_steps and 2 * pct_start * total_steps - 2 < total_steps - 1"
                    : "1 < pct_start * total_steps < total_steps";
                problems.Add(ConfigurationProblem.ForKeys([PctStart, CommonParameters.TotalSteps],
                    $"pct_start = {pct.ToString("R", CultureInfo.InvariantCulture)} with total_steps = {total} gives a phase of no step (PyTorch would divide by zero or run a phase backwards): valid when {valid}."));
                return;
            }

            start = phase.End;
        }
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        // PyTorch's own levels: initial_lr = max_lr / div_factor, min_lr = initial_lr / final_div_factor.
        var initial = parameters.LearningRate / parameters.Number(DivFactor, 25);
        var minimum = initial / parameters.Number(FinalDivFactor, 1e4);
        return PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new OneCycleCurve(
                parameters.TotalSteps!.Value,
                parameters.Number(PctStart, 0.3),
                parameters.Text(AnnealStrategy, "cos") == "cos",
                parameters.Number(DivFactor, 25),
                parameters.Number(FinalDivFactor, 1e4),
                parameters.Given(ThreePhase)?.BooleanValue ?? false)
            {
                Floor = Math.Min(initial, minimum),
            });
    }
}
