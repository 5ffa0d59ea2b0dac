namespace Schedulers.Cli;

/// <summary>One learning rate a run logged: the step it was logged at, the value, and where in the file it was read (for messages).</summary>
internal readonly record struct LoggedRate(long Step, double Rate, string Where);
