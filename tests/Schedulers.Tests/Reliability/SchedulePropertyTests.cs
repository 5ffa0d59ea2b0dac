using Schedulers.Tests.Support;

namespace Schedulers.Tests.Reliability;

/// <summary>
/// Invariants every valid configuration keeps, checked by CsCheck generators over seeded random configurations of every
/// scheduler at typical, huge (1e12 steps) and extreme (learning rates 1e-12 to 1e6, 1 to 1e12 steps) scales.
/// </summary>
public sealed class SchedulePropertyTests
{
    private const int Configurations = 1_500;

    /// <summary>
    /// Two ulps: <c>eta_min + (base - eta_min)</c> and <c>r + (1 - r)</c> can round above the peak, in PyTorch's and
    /// transformers' own formulas as in ours (docs/reliability.md). Floors, by contrast, hold exactly.
    /// </summary>
    private const double PeakUlps = 4.5e-16;

    /// <summary>
    /// Where each scheduler's curve never rises from the end of its warmup on (restarts apart): the step that phase ends
    /// at, given the configuration and the end of training (null for a configuration that lets it rise); or why a
    /// scheduler has no such phase.
    /// </summary>
    internal static SchedulerTable<DecayPhase> MonotoneDecayPhases { get; } = new(
        "its monotone decay phase (a DecayPhase giving the step where the decay from the end of the warmup stops, null for a configuration that may rise)",
        "SchedulePropertyTests.MonotoneDecayPhases (tests/Schedulers.Tests/Reliability/SchedulePropertyTests.cs)",
        new(StringComparer.Ordinal)
        {
            { "constant", DecayPhase.None("it is flat after its warmup; its documented bounds pin every value to learning_rate") },
            { "constant_with_warmup", DecayPhase.None("it is flat after its warmup; its documented bounds pin every value to learning_rate") },
            { "linear", DecayPhase.ToTheEnd },
            { "cosine", new DecayPhase((options, end) => Number(options, ScheduleKeys.NumCycles) <= 0.5 ? end : null) },
            { "cosine_with_min_lr", new DecayPhase((options, end) => Number(options, ScheduleKeys.NumCycles) <= 0.5 ? end : null) },
            { "cosine_with_restarts", DecayPhase.ToTheEnd },
            { "polynomial", DecayPhase.ToTheEnd },
            { "inverse_sqrt", DecayPhase.ToTheEnd },
            { "warmup_stable_decay", DecayPhase.ToTheEnd },
            { "piecewise_constant", DecayPhase.None("its multipliers may rise at any boundary") },
            { "StepLR", DecayPhase.ToTheEnd },
            { "MultiStepLR", DecayPhase.ToTheEnd },
            { "ExponentialLR", DecayPhase.ToTheEnd },
            { "ConstantLR", DecayPhase.None("it rises from factor * learning_rate to learning_rate at total_iters") },
            { "LinearLR", new DecayPhase((options, end) => Number(options, ScheduleKeys.EndFactor) <= Number(options, ScheduleKeys.StartFactor) ? end : null) },
            { "PolynomialLR", DecayPhase.ToTheEnd },
            { "CosineAnnealingLR", new DecayPhase((options, end) => Math.Min(end, (long)Number(options, ScheduleKeys.TMax))) },
            { "CosineAnnealingWarmRestarts", DecayPhase.ToTheEnd },
            { "OneCycleLR", DecayPhase.None("it rises to max_lr before it anneals") },
            { "CyclicLR", DecayPhase.None("it cycles between base_lr and max_lr") },
            { "ReduceLROnPlateau", DecayPhase.None("it follows reported metrics and has no curve") },
            { "SequentialLR", DecayPhase.None("its children may be any curves, rising ones included") },
            { "ChainedScheduler", DecayPhase.None("its children may be any curves, rising ones included") },
            { "LambdaLR", DecayPhase.None("its factor is any C# function") },
            { "interpolated", DecayPhase.None("its points may rise anywhere") },
            { "CosineLRScheduler", new DecayPhase(TimmCyclesDecay) },
            { "TanhLRScheduler", new DecayPhase(TimmCyclesDecay) },
            { "PolyLRScheduler", new DecayPhase(TimmCyclesDecay) },
            { "StepLRScheduler", new DecayPhase((options, end) => options.Contains(ScheduleKeys.NoiseRangeT) ? null : end) },
            { "MultiStepLRScheduler", new DecayPhase((options, end) => options.Contains(ScheduleKeys.NoiseRangeT) ? null : end) },
            { "ExponentialDecay", DecayPhase.ToTheEnd },
            { "InverseTimeDecay", DecayPhase.ToTheEnd },
            { "PolynomialDecay", new DecayPhase((options, end) =>
                Number(options, ScheduleKeys.EndLearningRate) > Number(options, ScheduleKeys.InitialLearningRate) ? null
                : options.TryGetValue(ScheduleKeys.Cycle, out var cycle) && cycle!.BooleanValue ? Math.Min(end, (long)Number(options, ScheduleKeys.DecaySteps) + 1)
                : end) },
            { "PiecewiseConstantDecay", DecayPhase.None("its values may rise at any boundary") },
            { "CosineDecay", DecayPhase.ToTheEnd },
            { "CosineDecayRestarts", new DecayPhase((options, end) => Math.Min(end, (long)Number(options, ScheduleKeys.FirstDecaySteps))) },
        });

    /// <summary>
    /// timm's cycles each decay from their peak to lr_min (restarts are phase boundaries), unless noise moves the values
    /// or a peak decayed by cycle_decay lies below lr_min, where the cycle rises to lr_min.
    /// </summary>
    private static long? TimmCyclesDecay(ScheduleOptions options, long end) =>
        options.Contains(ScheduleKeys.NoiseRangeT)
        || Number(options, ScheduleKeys.LearningRate) * Math.Pow(Number(options, ScheduleKeys.CycleDecay), Number(options, ScheduleKeys.CycleLimit) - 1) < Number(options, ScheduleKeys.LrMin)
            ? null
            : end;

    [Fact]
    public void Every_value_is_finite_and_never_negative()
    {
        SeededProperty.Check(ScheduleCase.Any, testCase =>
        {
            var schedule = testCase.Build();
            foreach (var (start, values) in Windows(schedule, testCase.Steps()))
            {
                for (var i = 0; i < values.Length; i++)
                {
                    AssertUsable(values[i], start + i);
                    AssertUsable(schedule.GetLearningRate(start + i), start + i);
                }
            }
        }, Configurations);
    }

    [Fact]
    public void Float_curves_are_finite_and_never_negative()
    {
        SeededProperty.Check(ScheduleCase.Any, testCase =>
        {
            var schedule = testCase.Build();
            var random = testCase.Steps();
            var floats = new float[random.Next(1, 3_000)];
            var start = RandomStep(schedule, random);
            schedule.Evaluate(start, floats);
            foreach (var value in floats)
            {
                float.IsFinite(value).Should().BeTrue();
                value.Should().BeGreaterThanOrEqualTo(0f);
            }
        }, Configurations);
    }

    [Fact]
    public void No_value_rises_above_the_documented_peak_or_falls_below_the_documented_floor_after_the_warmup()
    {
        SeededProperty.Check(ScheduleCase.Any, testCase =>
        {
            var schedule = testCase.Build();
            var bounds = DocumentedBounds.Of(testCase.Options);
            foreach (var (start, values) in Windows(schedule, testCase.Steps()))
            {
                for (var i = 0; i < values.Length; i++)
                {
                    foreach (var value in new[] { values[i], schedule.GetLearningRate(start + i) })
                    {
                        value.Should().BeLessThanOrEqualTo(bounds.Peak * (1 + PeakUlps), "step {0}", start + i);
                        if (start + i >= schedule.WarmupSteps)
                        {
                            value.Should().BeGreaterThanOrEqualTo(bounds.ExactFloor ? bounds.Floor : bounds.Floor * (1 - 1e-15), "step {0}", start + i);
                        }
                    }
                }
            }
        }, Configurations);
    }

    [Fact]
    public void GetLearningRate_never_falls_during_the_warmup()
    {
        SeededProperty.Check(ScheduleCase.Any, testCase => CheckWarmup(testCase, (schedule, first, values) =>
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = schedule.GetLearningRate(first + i);
            }
        }, tolerance: 0), Configurations);
    }

    [Fact]
    public void Evaluate_never_falls_during_the_warmup_by_more_than_the_accuracy_contract()
    {
        SeededProperty.Check(ScheduleCase.Any, testCase => CheckWarmup(testCase, (schedule, first, values) => schedule.Evaluate(first, values), tolerance: 1e-14), Configurations);
    }

    [Fact]
    public void GetLearningRate_never_rises_within_a_decay_phase()
    {
        SeededProperty.Check(ScheduleCase.Any, testCase => CheckDecayPhases(testCase, (schedule, first, values) =>
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = schedule.GetLearningRate(first + i);
            }
        }, tolerance: 0), Configurations);
    }

    /// <summary>The vector kernels follow a curve to within the accuracy contract, so where it is flat they may rise by as much.</summary>
    [Fact]
    public void Evaluate_never_rises_within_a_decay_phase_by_more_than_the_accuracy_contract()
    {
        SeededProperty.Check(ScheduleCase.Any, testCase => CheckDecayPhases(testCase, (schedule, first, values) => schedule.Evaluate(first, values), tolerance: 1e-14), Configurations);
    }

    [Fact]
    public void Evaluate_agrees_with_GetLearningRate_at_random_offsets()
    {
        SeededProperty.Check(ScheduleCase.Any, testCase =>
        {
            var schedule = testCase.Build();
            foreach (var (start, values) in Windows(schedule, testCase.Steps()))
            {
                for (var i = 0; i < values.Length; i++)
                {
                    var expected = schedule.GetLearningRate(start + i);
                    values[i].Should().BeApproximately(expected, 1e-14 * Math.Max(schedule.LearningRate, expected), "step {0}", start + i);
                }
            }
        }, Configurations);
    }

    [Fact]
    public void Float_curves_are_the_double_curves_to_within_1e_6_of_the_learning_rate()
    {
        SeededProperty.Check(ScheduleCase.Any, testCase =>
        {
            var schedule = testCase.Build();
            var random = testCase.Steps();
            var start = RandomStep(schedule, random);
            var doubles = new double[random.Next(1, 3_000)];
            var floats = new float[doubles.Length];
            schedule.Evaluate(start, doubles);
            schedule.Evaluate(start, floats);
            for (var i = 0; i < doubles.Length; i++)
            {
                ((double)floats[i]).Should().BeApproximately(doubles[i], 1e-6 * Math.Max(schedule.LearningRate, doubles[i]), "step {0}", start + i);
            }
        }, Configurations);
    }

    [Fact]
    public void A_schedule_read_back_from_its_JSON_is_the_same_schedule()
    {
        SeededProperty.Check(ScheduleCase.Any, testCase =>
        {
            var schedule = testCase.Build();
            var readBack = LearningRateSchedule.FromJson(schedule.ToJson());

            readBack.Options.Entries.Should().Equal(schedule.Options.Entries);
            readBack.ToJson().Should().Be(schedule.ToJson());
            foreach (var (start, values) in Windows(schedule, testCase.Steps()))
            {
                var again = new double[values.Length];
                readBack.Evaluate(start, again);
                again.Should().Equal(values);
            }
        }, Configurations);
    }

    private static void CheckWarmup(ScheduleCase testCase, Action<LearningRateSchedule, long, double[]> fill, double tolerance)
    {
        var schedule = testCase.Build();
        var length = (int)Math.Min(schedule.WarmupSteps + 1, 5_000);
        var random = testCase.Steps();
        foreach (var first in new[] { 0, RandomBetween(random, 0, schedule.WarmupSteps), schedule.WarmupSteps + 1 - length })
        {
            var values = new double[(int)Math.Min(length, schedule.WarmupSteps + 1 - first)];
            fill(schedule, first, values);
            for (var i = 1; i < values.Length; i++)
            {
                values[i].Should().BeGreaterThanOrEqualTo(values[i - 1] - (tolerance * schedule.LearningRate), "step {0}", first + i);
            }
        }
    }

    private static void CheckDecayPhases(ScheduleCase testCase, Action<LearningRateSchedule, long, double[]> fill, double tolerance)
    {
        var schedule = testCase.Build();
        if (MonotoneDecayEnd(testCase.Options, schedule) is not { } end)
        {
            return;
        }

        var random = testCase.Steps();
        var restarts = schedule.PhaseBoundaries.Where(boundary => boundary > schedule.WarmupSteps).ToHashSet();
        foreach (var first in new[] { schedule.WarmupSteps, RandomBetween(random, schedule.WarmupSteps, end), Math.Max(schedule.WarmupSteps, end - 5_000) })
        {
            var values = new double[(int)Math.Clamp(end - first, 0, 5_000)];
            fill(schedule, first, values);
            for (var i = 1; i < values.Length; i++)
            {
                if (!restarts.Contains(first + i))
                {
                    values[i].Should().BeLessThanOrEqualTo(values[i - 1] + (tolerance * schedule.LearningRate), "step {0}", first + i);
                }
            }
        }
    }

    /// <summary>Where the curve only decays from the end of the warmup on, the step it stops at; null where it may rise.</summary>
    private static long? MonotoneDecayEnd(ScheduleOptions options, LearningRateSchedule schedule) =>
        MonotoneDecayPhases.HasNone(options.Scheduler!)
            ? null
            : MonotoneDecayPhases.For(options.Scheduler!).End(options, schedule.TotalSteps ?? (schedule.WarmupSteps + 100_000));

    /// <summary>A number as configured, else its scheduler's default from the catalog (defaults are written only there).</summary>
    private static double Number(ScheduleOptions options, string key) => options.TryGetValue(key, out var value)
        ? value!.NumberValue
        : SchedulerCatalog.Find(options.Scheduler!)!.Find(key)!.DefaultValue!.NumberValue;

    /// <summary>Windows at the start, around the end of the warmup and of training, at a random step and far beyond.</summary>
    private static IEnumerable<(long Start, double[] Values)> Windows(LearningRateSchedule schedule, Random random)
    {
        var total = schedule.TotalSteps ?? 10_000;
        long[] starts = [0, Math.Max(0, schedule.WarmupSteps - 40), Math.Max(0, total - 40), RandomStep(schedule, random), random.NextInt64(total, 1L << 53)];
        foreach (var start in starts)
        {
            var values = new double[random.Next(1, 600)];
            schedule.Evaluate(start, values);
            yield return (start, values);
        }
    }

    private static long RandomStep(LearningRateSchedule schedule, Random random) => random.NextInt64(0, (schedule.TotalSteps ?? 10_000) + 200);

    private static long RandomBetween(Random random, long low, long high) => high > low ? random.NextInt64(low, high) : low;

    private static void AssertUsable(double value, long step)
    {
        double.IsFinite(value).Should().BeTrue("step {0} gave {1}", step, value);
        value.Should().BeGreaterThanOrEqualTo(0, "step {0}", step);
    }
}
