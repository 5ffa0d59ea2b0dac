namespace Schedulers.Cli;

/// <summary>How <c>curve</c> prints a curve.</summary>
internal enum CurveFormat
{
    /// <summary>Header <c>step,lr</c>, one row per step.</summary>
    Csv,

    /// <summary>One object: the configuration, the first step and the array of learning rates.</summary>
    Json,
}
