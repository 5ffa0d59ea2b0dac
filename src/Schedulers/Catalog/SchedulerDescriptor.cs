using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// Everything public about one scheduler: its name, family, formula and the parameters it takes. A GUI asks it which
/// fields apply; documentation and command-line help are generated from it.
/// </summary>
public sealed class SchedulerDescriptor
{
    internal SchedulerDescriptor(
        string name,
        SchedulerFamily family,
        string summary,
        string formula,
        WarmupSupport warmup,
        bool decaysAfterWarmup,
        ImmutableArray<ParameterDescriptor> parameters,
        string? warmupRefusal = null,
        bool metricDriven = false,
        bool codeOnly = false,
        string? learningRateRefusal = null,
        string? learningRateKey = null)
    {
        LearningRateRefusal = learningRateRefusal;
        LearningRateKey = learningRateKey;
        IsCodeOnly = codeOnly;
        IsMetricDriven = metricDriven;
        Name = name;
        Family = family;
        Summary = summary;
        Formula = formula;
        Warmup = warmup;
        DecaysAfterWarmup = decaysAfterWarmup;
        // Epoch units are generic (EpochSchedule wraps any curve), so every step-driven scheduler takes steps_per_epoch
        // without listing it: a scheduler added later has it too.
        Parameters = IsStepDriven ? [.. parameters, CommonParameters.StepsPerEpochDescriptor] : parameters;
        WarmupRefusal = warmupRefusal;
    }

    /// <summary>Gets the scheduler's name as the ecosystem spells it (matched case-insensitively).</summary>
    public string Name { get; }

    /// <summary>Gets the family the scheduler belongs to.</summary>
    public SchedulerFamily Family { get; }

    /// <summary>Gets a one-line description.</summary>
    public string Summary { get; }

    /// <summary>Gets the formula after warmup, in the contract's notation.</summary>
    public string Formula { get; }

    /// <summary>Gets which warmup the scheduler takes.</summary>
    public WarmupSupport Warmup { get; }

    /// <summary>Gets whether a decay follows the warmup (then the warmup must end before <c>total_steps</c>).</summary>
    public bool DecaysAfterWarmup { get; }

    /// <summary>
    /// Gets whether the scheduler follows reported metrics rather than the step (<c>ReduceLROnPlateau</c>): it has no
    /// curve, and is created with <see cref="PlateauScheduler"/> instead of <see cref="LearningRateSchedule"/>.
    /// </summary>
    public bool IsMetricDriven { get; }

    /// <summary>
    /// Gets whether the scheduler is made only from C# code (<c>LambdaLR</c>, from a function): a configuration file or
    /// the command line cannot describe it, so a GUI lists it as code only.
    /// </summary>
    public bool IsCodeOnly { get; }

    /// <summary>
    /// Gets whether the value is a function of the step alone, given by a configuration: every scheduler but the
    /// metric-driven and the code-only ones. These take <c>steps_per_epoch</c> (epoch units), listed last in <see cref="Parameters"/>.
    /// </summary>
    internal bool IsStepDriven => !IsMetricDriven && !IsCodeOnly;

    /// <summary>Gets every parameter the scheduler takes, its base learning rate first (<c>learning_rate</c>, or the Keras family's <c>initial_learning_rate</c>) where it takes one, and <c>steps_per_epoch</c> last where it applies.</summary>
    public ImmutableArray<ParameterDescriptor> Parameters { get; }

    /// <summary>Gets the advice given when a positive warmup is set on a scheduler without one; <see langword="null"/> when it has a warmup.</summary>
    internal string? WarmupRefusal { get; }

    /// <summary>
    /// Gets why <c>learning_rate</c> is refused by a scheduler that does not take it, and what to write instead (the
    /// text that follows <c>is not used by 'name'</c>); <see langword="null"/> for the schedulers that take it.
    /// </summary>
    internal string? LearningRateRefusal { get; }

    /// <summary>
    /// Gets the key that holds the base learning rate under another name (Keras's <c>initial_learning_rate</c>): a
    /// <c>learning_rate</c> given instead is refused with a pointer to it, and the lenient path moves its value there.
    /// </summary>
    internal string? LearningRateKey { get; }

    /// <summary>Gets whether the scheduler takes <paramref name="key"/>.</summary>
    /// <param name="key">The key, matched exactly.</param>
    /// <returns><see langword="true"/> when it is one of <see cref="Parameters"/>.</returns>
    public bool Takes(string key) => Find(key) is not null;

    /// <summary>Gets the descriptor of <paramref name="key"/>, or <see langword="null"/> when the scheduler does not take it.</summary>
    /// <param name="key">The key, matched exactly.</param>
    /// <returns>The descriptor.</returns>
    public ParameterDescriptor? Find(string key)
    {
        foreach (var parameter in Parameters)
        {
            if (string.Equals(parameter.Key, key, StringComparison.Ordinal))
            {
                return parameter;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
