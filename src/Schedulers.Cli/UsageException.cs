namespace Schedulers.Cli;

/// <summary>A command-line input the library has no say in (a missing file, a flag that needs another) was refused.</summary>
internal sealed class UsageException(string message) : Exception(message);
