namespace Schedulers;

/// <summary>The shape of a configuration value as it was received, before it is checked against a parameter's type.</summary>
public enum ParameterValueKind
{
    /// <summary>A number (possibly not finite, when it came from code).</summary>
    Number,

    /// <summary>A string.</summary>
    Text,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A list of values.</summary>
    List,

    /// <summary>An explicit JSON <c>null</c>.</summary>
    Null,

    /// <summary>A JSON object, kept as its JSON text.</summary>
    Object,
}
