namespace Schedulers;

/// <summary>Which warmup a scheduler takes.</summary>
public enum WarmupSupport
{
    /// <summary>No warmup: a positive <c>warmup_steps</c> or <c>warmup_ratio</c> is refused (a warmup of 0 is accepted).</summary>
    None,

    /// <summary>The contract's linear warmup, with an optional <c>warmup_start_lr</c>.</summary>
    Linear,

    /// <summary>A warmup with a shape of the scheduler's own (<c>warmup_stable_decay</c>); no <c>warmup_start_lr</c>.</summary>
    Shaped,

    /// <summary>
    /// timm's linear warmup, set by timm's own keys: <c>warmup_t</c> steps from <c>warmup_lr_init</c>, and
    /// <c>warmup_prefix</c> (whether the schedule's clock starts when the warmup ends). <c>warmup_steps</c>,
    /// <c>warmup_ratio</c> and <c>warmup_start_lr</c> are refused in favour of them.
    /// </summary>
    Timm,
}
