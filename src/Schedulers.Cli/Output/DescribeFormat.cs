namespace Schedulers.Cli;

/// <summary>How <c>describe</c> prints the catalog.</summary>
internal enum DescribeFormat
{
    /// <summary>Aligned text for people.</summary>
    Table,

    /// <summary>One JSON object, <c>{"schedulers": [...]}</c>, for programs.</summary>
    Json,
}
