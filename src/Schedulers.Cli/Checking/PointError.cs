namespace Schedulers.Cli;

/// <summary>One logged rate beside the curve's: <paramref name="Expected"/> is null where the alignment asks for a step before 0.</summary>
internal readonly record struct PointError(LoggedRate Logged, long Position, double? Expected, double Error);
