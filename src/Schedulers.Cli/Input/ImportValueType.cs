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

    /// <summary>A boolean (Python's <c>bool</c>).</summary>
    Boolean,

    /// <summary>A string.</summary>
    Text,

    /// <summary>Keyword arguments for the tool's schedule function.</summary>
    Keywords,
}
