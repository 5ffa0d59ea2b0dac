namespace Schedulers.Cli;

/// <summary>How <c>check</c> settled on the alignment it reports.</summary>
internal enum AlignmentChoice
{
    /// <summary><c>--alignment</c> named it.</summary>
    Forced,

    /// <summary>The log matches the curve under this alignment and not the other.</summary>
    OnlyOneFits,

    /// <summary>The log matches under both (the curve is flat where the log was written): the modern one is reported.</summary>
    BothFit,

    /// <summary>Neither matches, but the log is explained (lag or scale) under this one.</summary>
    Explained,

    /// <summary>Nothing fits; the alignment with more matching entries is reported.</summary>
    Closest,
}
