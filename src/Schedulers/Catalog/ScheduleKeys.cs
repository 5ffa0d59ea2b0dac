namespace Schedulers;

/// <summary>
/// Every configuration key the library knows, spelled as the contract spells it, so that code building or reading a
/// configuration (the command line, a GUI, tests) names keys without typing them by hand. Which scheduler takes which
/// key is in <see cref="SchedulerCatalog"/>.
/// </summary>
public static class ScheduleKeys
{
    /// <summary>The <c>scheduler</c> key: which scheduler a configuration describes.</summary>
    public const string Scheduler = "scheduler";

    /// <summary>The <c>learning_rate</c> key.</summary>
    public const string LearningRate = "learning_rate";

    /// <summary>The <c>total_steps</c> key.</summary>
    public const string TotalSteps = "total_steps";

    /// <summary>The <c>warmup_steps</c> key.</summary>
    public const string WarmupSteps = "warmup_steps";

    /// <summary>The <c>warmup_ratio</c> key.</summary>
    public const string WarmupRatio = "warmup_ratio";

    /// <summary>The <c>warmup_start_lr</c> key.</summary>
    public const string WarmupStartLr = "warmup_start_lr";

    /// <summary>The <c>min_lr</c> key.</summary>
    public const string MinLr = "min_lr";

    /// <summary>The <c>min_lr_ratio</c> key.</summary>
    public const string MinLrRatio = "min_lr_ratio";

    /// <summary>The <c>num_cycles</c> key.</summary>
    public const string NumCycles = "num_cycles";

    /// <summary>The <c>power</c> key.</summary>
    public const string Power = "power";

    /// <summary>The <c>lr_end</c> key.</summary>
    public const string LrEnd = "lr_end";

    /// <summary>The <c>timescale</c> key.</summary>
    public const string Timescale = "timescale";

    /// <summary>The <c>stable_steps</c> key.</summary>
    public const string StableSteps = "stable_steps";

    /// <summary>The <c>decay_steps</c> key.</summary>
    public const string DecaySteps = "decay_steps";

    /// <summary>The <c>decay_ratio</c> key.</summary>
    public const string DecayRatio = "decay_ratio";

    /// <summary>The <c>decay_type</c> key.</summary>
    public const string DecayType = "decay_type";

    /// <summary>The <c>warmup_type</c> key.</summary>
    public const string WarmupType = "warmup_type";

    /// <summary>The <c>step_rules</c> key.</summary>
    public const string StepRules = "step_rules";

    /// <summary>The <c>gamma</c> key.</summary>
    public const string Gamma = "gamma";

    /// <summary>The <c>step_size</c> key.</summary>
    public const string StepSize = "step_size";

    /// <summary>The <c>milestones</c> key.</summary>
    public const string Milestones = "milestones";

    /// <summary>The <c>factor</c> key.</summary>
    public const string Factor = "factor";

    /// <summary>The <c>start_factor</c> key.</summary>
    public const string StartFactor = "start_factor";

    /// <summary>The <c>end_factor</c> key.</summary>
    public const string EndFactor = "end_factor";

    /// <summary>The <c>total_iters</c> key.</summary>
    public const string TotalIters = "total_iters";

    /// <summary>The <c>T_max</c> key.</summary>
    public const string TMax = "T_max";

    /// <summary>The <c>eta_min</c> key.</summary>
    public const string EtaMin = "eta_min";

    /// <summary>The <c>T_0</c> key.</summary>
    public const string T0 = "T_0";

    /// <summary>The <c>T_mult</c> key.</summary>
    public const string TMult = "T_mult";

    /// <summary>The <c>max_lr</c> key.</summary>
    public const string MaxLr = "max_lr";

    /// <summary>The <c>pct_start</c> key.</summary>
    public const string PctStart = "pct_start";

    /// <summary>The <c>anneal_strategy</c> key.</summary>
    public const string AnnealStrategy = "anneal_strategy";

    /// <summary>The <c>div_factor</c> key.</summary>
    public const string DivFactor = "div_factor";

    /// <summary>The <c>final_div_factor</c> key.</summary>
    public const string FinalDivFactor = "final_div_factor";

    /// <summary>The <c>three_phase</c> key.</summary>
    public const string ThreePhase = "three_phase";

    /// <summary>The <c>base_lr</c> key.</summary>
    public const string BaseLr = "base_lr";

    /// <summary>The <c>step_size_up</c> key.</summary>
    public const string StepSizeUp = "step_size_up";

    /// <summary>The <c>step_size_down</c> key.</summary>
    public const string StepSizeDown = "step_size_down";

    /// <summary>The <c>mode</c> key.</summary>
    public const string Mode = "mode";

    /// <summary>The <c>patience</c> key.</summary>
    public const string Patience = "patience";

    /// <summary>The <c>threshold</c> key.</summary>
    public const string Threshold = "threshold";

    /// <summary>The <c>threshold_mode</c> key.</summary>
    public const string ThresholdMode = "threshold_mode";

    /// <summary>The <c>cooldown</c> key.</summary>
    public const string Cooldown = "cooldown";

    /// <summary>The <c>eps</c> key.</summary>
    public const string Eps = "eps";

    /// <summary>The <c>schedulers</c> key.</summary>
    public const string Schedulers = "schedulers";

    /// <summary>The <c>points</c> key.</summary>
    public const string Points = "points";

    /// <summary>The <c>method</c> key.</summary>
    public const string Method = "method";

    /// <summary>
    /// The <c>steps_per_epoch</c> key: every length of a step-driven schedule is then counted in epochs, and the schedule
    /// advances once per epoch (<c>lr(step) = lr_in_epochs(floor(step / steps_per_epoch))</c>).
    /// </summary>
    public const string StepsPerEpoch = "steps_per_epoch";
    /// <summary>The <c>t_initial</c> key.</summary>
    public const string TInitial = "t_initial";

    /// <summary>The <c>lr_min</c> key.</summary>
    public const string LrMin = "lr_min";

    /// <summary>The <c>cycle_mul</c> key.</summary>
    public const string CycleMul = "cycle_mul";

    /// <summary>The <c>cycle_decay</c> key.</summary>
    public const string CycleDecay = "cycle_decay";

    /// <summary>The <c>cycle_limit</c> key.</summary>
    public const string CycleLimit = "cycle_limit";

    /// <summary>The <c>k_decay</c> key.</summary>
    public const string KDecay = "k_decay";

    /// <summary>The <c>lb</c> key.</summary>
    public const string Lb = "lb";

    /// <summary>The <c>ub</c> key.</summary>
    public const string Ub = "ub";

    /// <summary>The <c>decay_t</c> key.</summary>
    public const string DecayT = "decay_t";
    /// <summary>The <c>initial_learning_rate</c> key.</summary>
    public const string InitialLearningRate = "initial_learning_rate";

    /// <summary>The <c>decay_rate</c> key.</summary>
    public const string DecayRate = "decay_rate";

    /// <summary>The <c>warmup_t</c> key.</summary>
    public const string WarmupT = "warmup_t";

    /// <summary>The <c>warmup_lr_init</c> key.</summary>
    public const string WarmupLrInit = "warmup_lr_init";

    /// <summary>The <c>warmup_prefix</c> key.</summary>
    public const string WarmupPrefix = "warmup_prefix";

    /// <summary>The <c>noise_range_t</c> key.</summary>
    public const string NoiseRangeT = "noise_range_t";

    /// <summary>The <c>noise_pct</c> key.</summary>
    public const string NoisePct = "noise_pct";

    /// <summary>The <c>noise_std</c> key.</summary>
    public const string NoiseStd = "noise_std";

    /// <summary>The <c>noise_seed</c> key.</summary>
    public const string NoiseSeed = "noise_seed";
    /// <summary>The <c>staircase</c> key.</summary>
    public const string Staircase = "staircase";

    /// <summary>The <c>end_learning_rate</c> key.</summary>
    public const string EndLearningRate = "end_learning_rate";

    /// <summary>The <c>cycle</c> key.</summary>
    public const string Cycle = "cycle";

    /// <summary>The <c>boundaries</c> key.</summary>
    public const string Boundaries = "boundaries";

    /// <summary>The <c>values</c> key.</summary>
    public const string Values = "values";

    /// <summary>The <c>alpha</c> key.</summary>
    public const string Alpha = "alpha";

    /// <summary>The <c>warmup_target</c> key.</summary>
    public const string WarmupTarget = "warmup_target";

    /// <summary>The <c>first_decay_steps</c> key.</summary>
    public const string FirstDecaySteps = "first_decay_steps";

    /// <summary>The <c>t_mul</c> key.</summary>
    public const string TMul = "t_mul";

    /// <summary>The <c>m_mul</c> key.</summary>
    public const string MMul = "m_mul";
}
