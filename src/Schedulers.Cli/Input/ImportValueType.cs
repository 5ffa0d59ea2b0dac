namespace Schedulers.Cli;

/// <summary>How a source tool reads one of its settings, so that an import reads it the same way (and refuses what the tool refuses).</summary>
internal enum ImportValueType
{
    /// <summary>A number (Python's <c>float</c>).</summary>
    Number,

    /// <summary>A whole number (Python's <c>int</c>, which refuses <c>1e3</c> and <c>10.0</c>).</summary>
    Integer,

    /// <summary>A number of steps: an integer is steps, a share below 1 is a share of the training steps.</summary>
    Steps,

    /// <summary>A boolean (Python's <c>bool</c>, or a <c>store_true</c> flag).</summary>
    Boolean,

    /// <summary>A string.</summary>
    Text,

    /// <summary>Strings, as many as given (argparse's <c>nargs="*"</c>, or a TOML array).</summary>
    TextList,

    /// <summary>Numbers, as many as given (argparse's <c>type=float, nargs="*"</c>, or a TOML number or array).</summary>
    NumberList,

    /// <summary>Keyword arguments for the tool's schedule function.</summary>
    Keywords,

    /// <summary>A length in epochs (timm): with <c>sched_on_updates</c>, times the updates per epoch.</summary>
    Epochs,

    /// <summary>A list of epochs (timm's <c>decay_milestones</c>), each scaled as <see cref="Epochs"/>.</summary>
    EpochList,

    /// <summary>A fraction of the run, or a list of them (timm's <c>lr_noise</c>), times its length.</summary>
    Fractions,
}
