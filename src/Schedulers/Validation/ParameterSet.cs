using System.Diagnostics;

namespace Schedulers;

/// <summary>
/// The parameters that passed the per-key checks, with typed access, handed to a scheduler's cross-parameter rules and
/// factory. A key that failed its own check is absent, so rules never re-report it. A key that was not given reads as
/// its descriptor's default: defaults are written once, in the descriptors.
/// </summary>
internal sealed class ParameterSet
{
    private readonly SchedulerDescriptor? _descriptor;
    private readonly Dictionary<string, ParameterValue> _values;
    private readonly ScheduleOptions? _options;

    public ParameterSet(SchedulerDescriptor? descriptor, Dictionary<string, ParameterValue> values, long warmupSteps, ScheduleOptions? options = null)
    {
        _descriptor = descriptor;
        _values = values;
        WarmupSteps = warmupSteps;
        _options = options;
    }

    /// <summary>
    /// Gets the base learning rate: <c>learning_rate</c> as given, else the key the descriptor names as another name for
    /// it (OneCycleLR's <c>max_lr</c>, CyclicLR's <c>base_lr</c>); NaN when neither passed its checks.
    /// </summary>
    public double LearningRate => LearningRateValue?.NumberValue ?? double.NaN;

    /// <summary>Gets whether a base learning rate was given and passed its checks, under either of its names.</summary>
    public bool HasLearningRate => LearningRateValue is not null;

    /// <summary>Gets the base learning rate as it was written, under whichever name it was given.</summary>
    public ParameterValue? LearningRateValue => Given(ScheduleKeys.LearningRate) ?? _descriptor?.Parameters
        .Where(parameter => parameter.EqualAlternativesAccepted && parameter.Alternatives.Contains(ScheduleKeys.LearningRate))
        .Select(parameter => Given(parameter.Key))
        .FirstOrDefault(value => value is not null);

    public long? TotalSteps => Has(ScheduleKeys.TotalSteps) ? Integer(ScheduleKeys.TotalSteps) : null;

    /// <summary>Gets the warmup length in steps, resolved from <c>warmup_steps</c> or <c>warmup_ratio</c> (0 when none).</summary>
    public long WarmupSteps { get; }

    /// <summary>Gets the linear warmup: none for a scheduler that takes no warmup (its warmup is always 0 steps).</summary>
    public WarmupPhase Warmup => WarmupSteps > 0
        ? new WarmupPhase(WarmupSteps, Number(ScheduleKeys.WarmupStartLr), LearningRate)
        : WarmupPhase.None;

    public bool Has(string key) => _values.ContainsKey(key);


    /// <summary>
    /// Gets whether the configuration gives <paramref name="key"/> at all, valid or not: a rule about a key's absence must
    /// not fire when it was given and refused on its own.
    /// </summary>
    public bool Written(string key) => _values.ContainsKey(key) || _options?.Contains(key) == true;

    public ParameterValue? Given(string key) => _values.GetValueOrDefault(key);

    /// <summary>Gets a number as given, else the descriptor's default.</summary>
    public double Number(string key) => Value(key).NumberValue;

    /// <summary>Gets an integer as given, else the descriptor's default.</summary>
    public long Integer(string key) => (long)Value(key).NumberValue;

    /// <summary>Gets a string or choice as given, else the descriptor's default.</summary>
    public string Text(string key) => Value(key).TextValue!;

    /// <summary>Gets a flag as given, else the descriptor's default.</summary>
    public bool Boolean(string key) => Value(key).BooleanValue;

    public IEnumerable<double> Numbers(string key) =>
        _values.TryGetValue(key, out var value) ? value.Items.Select(item => item.NumberValue) : [];

    public IEnumerable<long> Integers(string key) =>
        _values.TryGetValue(key, out var value) ? value.Items.Select(item => (long)item.NumberValue) : [];

    /// <summary>Gets the floor of a decay as a learning rate: <c>min_lr</c> as given, else <c>learning_rate * min_lr_ratio</c>.</summary>
    public double MinLr() => Has(ScheduleKeys.MinLr) ? Number(ScheduleKeys.MinLr) : LearningRate * MinLrRatio();

    /// <summary>Gets the floor ratio from <c>min_lr</c> (divided by the learning rate, as transformers does) or <c>min_lr_ratio</c>.</summary>
    public double MinLrRatio() => Has(ScheduleKeys.MinLr)
        ? Number(ScheduleKeys.MinLr) / LearningRate
        : Number(ScheduleKeys.MinLrRatio);

    // Reading a key with neither a value nor a default is a bug of the scheduler's code (it must ask Has first), never
    // bad input: validation refuses a configuration that lacks a required key before any factory runs.
    private ParameterValue Value(string key) =>
        _values.TryGetValue(key, out var value) ? value
        : _descriptor?.Find(key)?.DefaultValue
        ?? throw new UnreachableException($"'{key}' has no value and no default in '{_descriptor?.Name}'.");
}
