namespace Schedulers;

/// <summary>Where a scheduler's definition and names come from.</summary>
public enum SchedulerFamily
{
    /// <summary>Hugging Face transformers / diffusers / Kohya: <c>snake_case</c> names, a linear warmup, factors of <c>learning_rate</c>.</summary>
    HuggingFace,

    /// <summary>PyTorch's <c>torch.optim.lr_scheduler</c>: class names and PyTorch's argument names, no warmup of their own.</summary>
    PyTorch,

    /// <summary>Curves of the user's own: control points interpolated (<c>interpolated</c>).</summary>
    Custom,

    /// <summary>
    /// timm's <c>timm.scheduler</c> classes: class names and timm's argument names, a warmup of their own (<c>warmup_t</c>,
    /// <c>warmup_lr_init</c>, <c>warmup_prefix</c>) and timm's seeded noise.
    /// </summary>
    Timm,
    /// <summary>Keras's <c>keras.optimizers.schedules</c>: class names and Keras's argument names (<c>initial_learning_rate</c> for the base rate), values as Keras computes them in float64.</summary>
    Keras,
}
