using System.Collections.Immutable;

namespace Schedulers.Designer;

/// <summary>
/// Input the designer refuses that the library has no say in (an import source's setting, an unknown export format,
/// a request of the wrong shape). The API answers it with 400 and the problems, as it answers a refused configuration.
/// </summary>
public sealed class DesignerInputException : Exception
{
    /// <summary>Initializes a new instance with no detail.</summary>
    public DesignerInputException()
        : this("The request was refused.")
    {
    }

    /// <summary>Initializes a new instance with one problem.</summary>
    /// <param name="message">The problem, as a full sentence.</param>
    public DesignerInputException(string message)
        : this([message])
    {
    }

    /// <summary>Initializes a new instance with one problem and the exception behind it.</summary>
    /// <param name="message">The problem, as a full sentence.</param>
    /// <param name="innerException">The exception that revealed it.</param>
    public DesignerInputException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>Initializes a new instance with every problem found.</summary>
    /// <param name="problems">The problems, each a full sentence.</param>
    public DesignerInputException(ImmutableArray<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Gets every problem found.</summary>
    public ImmutableArray<string> Problems { get; }
}
