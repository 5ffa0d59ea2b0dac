namespace Schedulers.Cli;

/// <summary>
/// Which step's rate a log holds at step s. transformers changed it in 4.51 (PR #36973): the Trainer now reads the rate
/// before it steps the scheduler, so the entry at global step s holds the rate the step just taken used; before, it read
/// it after, the rate of the next step. The value is the offset from the logged step to the schedule's step.
/// </summary>
internal enum LogAlignment
{
    /// <summary>The entry at step s holds lr(s): the rate of the next step (transformers before 4.51, sd-scripts).</summary>
    Current = 0,

    /// <summary>The entry at step s holds lr(s - 1): the rate of the step just taken (transformers 4.51 and later).</summary>
    Previous = 1,
}
