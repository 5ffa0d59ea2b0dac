namespace Schedulers;

/// <summary>The type a parameter's value must have.</summary>
public enum ParameterKind
{
    /// <summary>A whole number (a JSON number with no fractional part).</summary>
    Integer,

    /// <summary>A finite number.</summary>
    Number,

    /// <summary>One string out of a fixed list (<see cref="ParameterDescriptor.Choices"/>).</summary>
    Choice,

    /// <summary>A string with a syntax of its own (for example diffusers' <c>step_rules</c>).</summary>
    Text,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A list of whole numbers (PyTorch's <c>milestones</c>); <see cref="ParameterDescriptor.Range"/> applies to each.</summary>
    IntegerList,

    /// <summary>A list of nested schedule configurations (JSON objects), the children of a composite such as <c>SequentialLR</c>.</summary>
    ScheduleList,

    /// <summary>A list of at least two <c>[step, learning_rate]</c> pairs (the control points of <c>interpolated</c>).</summary>
    PointList,

    /// <summary>
    /// A whole number <c>t0</c>, or a list of two whole numbers <c>[t0, t1]</c> read as the half-open range
    /// <c>[t0, t1)</c> (timm's <c>noise_range_t</c>); <see cref="ParameterDescriptor.Range"/> applies to each.
    /// </summary>
    IntegerOrRange,
    /// <summary>A list of finite numbers (Keras's <c>values</c>); <see cref="ParameterDescriptor.Range"/> applies to each.</summary>
    NumberList,
}
