namespace Schedulers;

/// <summary>
/// The parameters that passed the per-key checks, with typed access, handed to a scheduler's cross-parameter rules and
/// factory. A key that failed its own check is absent, so rules never re-report it.
/// </summary>
internal sealed class ParameterSet
{
    private readonly Dictionary<string, ParameterValue> _values;

    public ParameterSet(Dictionary<string, ParameterValue> values, long warmupSteps)
    {
        _values = values;
        WarmupSteps = warmupSteps;
    }

    public double LearningRate => Number(ScheduleKeys.LearningRate, double.NaN);

    public long? TotalSteps => Has(ScheduleKeys.TotalSteps) ? Integer(ScheduleKeys.TotalSteps, 0) : null;

    /// <summary>Gets the warmup length in steps, resolved from <c>warmup_steps</c> or <c>warmup_ratio</c> (0 when none).</summary>
    public long WarmupSteps { get; }

    public bool Has(string key) => _values.ContainsKey(key);

    public ParameterValue? Given(string key) => _values.GetValueOrDefault(key);

    public double Number(string key, double fallback) => _values.TryGetValue(key, out var value) ? value.NumberValue : fallback;

    public long Integer(string key, long fallback) => _values.TryGetValue(key, out var value) ? (long)value.NumberValue : fallback;

    public IEnumerable<long> Integers(string key) =>
        _values.TryGetValue(key, out var value) ? value.Items.Select(item => (long)item.NumberValue) : [];

    public string Text(string key, string fallback) => _values.TryGetValue(key, out var value) ? value.TextValue! : fallback;

    /// <summary>Gets the floor of a decay as a learning rate: <c>min_lr</c> as given, else <c>learning_rate * min_lr_ratio</c>.</summary>
    public double MinLr() => Has(ScheduleKeys.MinLr) ? Number(ScheduleKeys.MinLr, 0) : LearningRate * MinLrRatio();

    /// <summary>Gets the floor ratio from <c>min_lr</c> (divided by the learning rate, as transformers does) or <c>min_lr_ratio</c>.</summary>
    public double MinLrRatio() => Has(ScheduleKeys.MinLr)
        ? Number(ScheduleKeys.MinLr, 0) / LearningRate
        : Number(ScheduleKeys.MinLrRatio, 0);
}
