namespace Schedulers;

/// <summary>Whether a scheduler needs a parameter.</summary>
public enum ParameterPresence
{
    /// <summary>The parameter must be given.</summary>
    Required,

    /// <summary>The parameter may be given; otherwise its default applies.</summary>
    Optional,

    /// <summary>Exactly one of this parameter and its <see cref="ParameterDescriptor.Alternatives"/> must be given.</summary>
    OneOfRequired,
}
