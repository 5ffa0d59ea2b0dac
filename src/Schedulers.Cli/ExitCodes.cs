namespace Schedulers.Cli;

/// <summary>The process exit codes, one meaning each.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary><c>check</c>: the run's logged learning rates did not follow the configuration (the report says how).</summary>
    public const int Differs = 1;

    /// <summary>The input was refused (a configuration, a file, a flag); nothing was written to standard output.</summary>
    public const int Refused = 2;
}
