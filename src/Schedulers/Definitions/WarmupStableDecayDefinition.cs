using System.Collections.Immutable;

namespace Schedulers;

/// <summary><c>warmup_stable_decay</c>: transformers' <c>get_wsd_schedule</c>, with its own warmup and decay shapes.</summary>
internal sealed class WarmupStableDecayDefinition : CurveDefinition
{
    public const string DecaySteps = "decay_steps";
    public const string DecayRatio = "decay_ratio";
    public const string StableSteps = "stable_steps";
    public const string WarmupType = "warmup_type";
    public const string DecayType = "decay_type";

    private static readonly ImmutableArray<string> Shapes = ["linear", "cosine", "1-sqrt"];

    public override SchedulerDescriptor Descriptor { get; } = new(
        "warmup_stable_decay",
        SchedulerFamily.HuggingFace,
        "Warmup, a stable phase at the peak, then a decay to min_lr_ratio (MiniCPM's WSD, as transformers implements it).",
        "warmup shape scaled into [min_lr_ratio, 1]; stable 1; decay shape scaled into [min_lr_ratio, 1]; then min_lr_ratio",
        WarmupSupport.Shaped,
        decaysAfterWarmup: true,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            CommonParameters.WarmupStepsDescriptor(ParameterPresence.Optional),
            CommonParameters.WarmupRatioDescriptor(ParameterPresence.Optional),
            new(DecaySteps, ParameterKind.Integer, ParameterPresence.OneOfRequired,
                "Length of the decay phase, in steps.", range: ValueRange.AtLeast(1), alternatives: [DecayRatio]),
            new(DecayRatio, ParameterKind.Number, ParameterPresence.OneOfRequired,
                "Decay as a share of total_steps: decay_steps = ceil(decay_ratio * total_steps).",
                range: ValueRange.Between(0, false, 1, true), alternatives: [DecaySteps]),
            new(StableSteps, ParameterKind.Integer, ParameterPresence.Optional,
                "Length of the stable phase at the peak.", defaultDescription: "total_steps - warmup - decay", range: ValueRange.AtLeast(0)),
            new(WarmupType, ParameterKind.Choice, ParameterPresence.Optional,
                "Shape of the warmup (accepted with a warmup of 0, like warmup_steps: 0 itself).", ParameterValue.FromText("linear"), choices: Shapes),
            new(DecayType, ParameterKind.Choice, ParameterPresence.Optional,
                "Shape of the decay.", ParameterValue.FromText("cosine"), choices: Shapes),
            CommonParameters.MinLrRatioDescriptor(ParameterPresence.Optional),
            new(CommonParameters.NumCycles, ParameterKind.Number, ParameterPresence.Optional,
                "Number of cosine waves over the decay; only with decay_type \"cosine\".",
                ParameterValue.FromNumber(0.5), range: ValueRange.GreaterThan(0)),
        ]);

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        var total = parameters.TotalSteps;
        if (parameters.Has(DecayRatio) && total is null)
        {
            problems.Add(ConfigurationProblem.ForKeys([DecayRatio, CommonParameters.TotalSteps], "decay_ratio is a share of total_steps, so total_steps is required with it."));
        }

        if (parameters.Has(CommonParameters.NumCycles) && parameters.Text(DecayType, "cosine") != "cosine")
        {
            problems.Add(ConfigurationProblem.ForKey(CommonParameters.NumCycles, parameters.Given(CommonParameters.NumCycles),
                $"only shapes a cosine decay, and decay_type is \"{parameters.Text(DecayType, "cosine")}\"; remove num_cycles or use decay_type \"cosine\".",
                ConfigurationRemedy.Remove(CommonParameters.NumCycles, "the decay is not a cosine")));
        }

        var decay = ResolveDecaySteps(parameters);
        if (decay is null || (total is not null && parameters.WarmupSteps >= total))
        {
            return; // Already reported: a missing or invalid decay length, or a warmup that fills the run.
        }

        if (!parameters.Has(StableSteps))
        {
            if (total is null)
            {
                problems.Add(ConfigurationProblem.ForKeys([StableSteps, CommonParameters.TotalSteps], "one of them is required to place the decay: stable_steps directly, or total_steps (stable_steps = total_steps - warmup - decay)."));
            }
            else if (parameters.WarmupSteps + decay > total)
            {
                problems.Add(ConfigurationProblem.ForKeys(
                    [CommonParameters.WarmupSteps, DecaySteps, CommonParameters.TotalSteps],
                    $"warmup ({parameters.WarmupSteps}) + decay ({decay}) = {parameters.WarmupSteps + decay} steps do not fit in total_steps ({total}); shorten them or raise total_steps."));
            }
        }
        else if (total is not null && parameters.WarmupSteps + parameters.Integer(StableSteps, 0) + decay > total)
        {
            problems.Add(ConfigurationProblem.ForKeys(
                [CommonParameters.WarmupSteps, StableSteps, DecaySteps, CommonParameters.TotalSteps],
                $"warmup ({parameters.WarmupSteps}) + stable ({parameters.Integer(StableSteps, 0)}) + decay ({decay}) steps run past total_steps ({total}); the decay would not finish."));
        }
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var decay = ResolveDecaySteps(parameters)!.Value;
        var stable = parameters.Has(StableSteps)
            ? parameters.Integer(StableSteps, 0)
            : parameters.TotalSteps!.Value - parameters.WarmupSteps - decay;
        return new WarmupStableDecaySchedule(Descriptor, canonicalOptions, parameters, stable, decay);
    }

    private static long? ResolveDecaySteps(ParameterSet parameters)
    {
        if (parameters.Has(DecaySteps))
        {
            return parameters.Integer(DecaySteps, 0);
        }

        return parameters.Has(DecayRatio) && parameters.TotalSteps is { } total
            ? (long)Math.Ceiling(parameters.Number(DecayRatio, 0) * total)
            : null;
    }
}
