namespace Schedulers.Tests.Support;

/// <summary>Seeded random valid configurations of every scheduler, for property-style tests.</summary>
internal static class RandomConfigurations
{
    private static readonly double[] LearningRates = [1e-6, 2e-5, 3e-4, 1e-3, 0.1, 1.0, 7.5];

    /// <summary>Every scheduler with a curve (ReduceLROnPlateau follows metrics and has its own tests).</summary>
    public static IEnumerable<string> SchedulerNames => SchedulerCatalog.All.Where(scheduler => !scheduler.IsMetricDriven && !scheduler.IsCodeOnly).Select(scheduler => scheduler.Name);

    /// <summary>A valid configuration of <paramref name="scheduler"/>; <paramref name="huge"/> picks training lengths up to 1e12.</summary>
    public static LearningRateSchedule Create(string scheduler, Random random, bool huge = false) =>
        Options(scheduler, random, huge ? ConfigurationScale.Huge : ConfigurationScale.Typical).Build();

    /// <summary>A valid configuration of <paramref name="scheduler"/>, as a builder (composites nest random children).</summary>
    public static ScheduleBuilder Options(string scheduler, Random random, ConfigurationScale scale = ConfigurationScale.Typical, int depth = 0, double? learningRate = null)
    {
        var extreme = scale == ConfigurationScale.Extreme;
        var lr = learningRate ?? (extreme ? Math.Pow(10, -12 + (18 * random.NextDouble())) : LearningRates[random.Next(LearningRates.Length)]);
        var total = scale switch
        {
            ConfigurationScale.Huge => random.NextInt64(1_000_000, 1_000_000_000_000),
            ConfigurationScale.Extreme => Math.Max(1, (long)Math.Pow(10, 12 * random.NextDouble())),
            _ => random.Next(2, 5_000),
        };
        if (scheduler == "OneCycleLR")
        {
            total = Math.Max(total, 50);
        }

        var descriptor = SchedulerCatalog.Find(scheduler)!;
        var builder = LearningRateSchedule.CreateBuilder().WithScheduler(scheduler).WithTotalSteps(total);
        if (descriptor.Takes("learning_rate"))
        {
            builder.WithLearningRate(lr);
        }

        var warmup = random.Next(3) == 0 ? 0 : random.NextInt64(1, Math.Max(2, total / 2));
        if (extreme && random.Next(4) == 0)
        {
            warmup = total - 1;
        }

        // A warmup as long as the training would leave no room for the decay, which the validation refuses.
        warmup = Math.Min(warmup, total - 1);

        if (descriptor.Warmup != WarmupSupport.None)
        {
            builder.WithWarmupSteps(warmup);
            if (descriptor.Warmup == WarmupSupport.Linear && warmup > 0 && random.Next(2) == 0)
            {
                builder.WithWarmupStartLearningRate(lr * random.NextDouble() * 0.5);
            }
        }

        switch (scheduler)
        {
            case "linear" when random.Next(2) == 0:
                builder.WithMinLearningRateRatio(random.NextDouble() * 0.5);
                break;
            case "cosine":
                builder.WithNumCycles(Pick(random, 0.25, 0.5, 1.0, 2.75, 5.0, 20.0));
                if (random.Next(2) == 0)
                {
                    builder.WithMinLearningRateRatio(random.NextDouble() * 0.5);
                }

                break;
            case "cosine_with_min_lr":
                builder.WithMinLearningRate(lr * random.NextDouble() * 0.5).WithNumCycles(Pick(random, 0.5, 1.0, 3.0));
                break;
            case "cosine_with_restarts":
                builder.WithNumCycles(random.Next(1, 12));
                break;
            case "polynomial":
                builder.With("power", Pick(random, 1.0, 2.0, 3.0, 0.5, 1.7, 6.5)).With("lr_end", lr * random.NextDouble() * 0.5);
                break;
            case "inverse_sqrt" when random.Next(2) == 0:
                builder.With("timescale", random.Next(1, 20_000));
                break;
            case "warmup_stable_decay":
                var decay = Math.Max(1, (total - warmup) / random.Next(1, 4));
                builder.With("decay_steps", decay)
                    .With("warmup_type", Pick(random, "linear", "cosine", "1-sqrt"))
                    .With("decay_type", Pick(random, "linear", "cosine", "1-sqrt"))
                    .With("min_lr_ratio", random.NextDouble() * 0.5);
                if (random.Next(3) == 0)
                {
                    builder.With("stable_steps", (total - warmup - decay) / 2);
                }

                break;
            case "piecewise_constant":
                var boundaries = Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.NextInt64(1, total + 10)).Distinct().Order();
                builder.With("step_rules", string.Concat(boundaries.Select(boundary => $"{Multiplier(random)}:{boundary},")) + Multiplier(random));
                break;
            case "StepLR":
                builder.With("step_size", random.NextInt64(1, Math.Max(2, total / 3))).With("gamma", Pick(random, 0.1, 0.5, 0.9));
                break;
            case "MultiStepLR":
                builder.With("milestones", ParameterValue.FromList(Enumerable.Range(0, random.Next(1, 5)).Select(_ => ParameterValue.FromNumber(random.NextInt64(1, total + 10)))));
                break;
            case "ExponentialLR":
                builder.With("gamma", Pick(random, 0.9, 0.99, 0.999, 0.9999));
                break;
            case "ConstantLR":
                builder.With("factor", 0.05 + (random.NextDouble() * 0.95)).With("total_iters", random.NextInt64(1, total + 10));
                break;
            case "LinearLR":
                builder.With("start_factor", 0.05 + (random.NextDouble() * 0.95)).With("end_factor", random.NextDouble()).With("total_iters", random.NextInt64(1, total + 10));
                break;
            case "PolynomialLR":
                builder.With("total_iters", random.NextInt64(1, total + 10)).With("power", Pick(random, 1.0, 2.0, 0.5, 2.5, 0.1));
                break;
            case "CosineAnnealingLR":
                builder.With("T_max", random.NextInt64(1, total + 10)).With("eta_min", lr * random.NextDouble() * 0.5);
                break;
            case "CosineAnnealingWarmRestarts":
                builder.With("T_0", random.NextInt64(1, Math.Max(2, total / 4))).With("T_mult", random.Next(1, 4)).With("eta_min", lr * random.NextDouble() * 0.5);
                break;
            case "OneCycleLR":
                var threePhase = random.Next(2) == 0;
                builder.With("pct_start", threePhase ? 0.05 + (random.NextDouble() * 0.4) : 0.05 + (random.NextDouble() * 0.9))
                    .With("anneal_strategy", Pick(random, "cos", "linear"))
                    .With("div_factor", Pick(random, 25.0, 10.0, 3.0))
                    .With("final_div_factor", Pick(random, 1e4, 100.0, 1.0))
                    .With("three_phase", threePhase);
                if (random.Next(2) == 0)
                {
                    builder.With("max_lr", lr);
                }

                break;
            case "CyclicLR":
                var up = random.NextInt64(1, Math.Max(2, total / 3));
                builder.With("max_lr", lr * Pick(random, 0.5, 2.0, 4.0, 10.0))
                    .With("step_size_up", up)
                    .With("mode", Pick(random, "triangular", "triangular2", "exp_range"))
                    .With("gamma", Pick(random, 1.0, 0.999, 0.99999));
                if (random.Next(2) == 0)
                {
                    builder.With("step_size_down", random.NextInt64(1, Math.Max(2, total / 3)));
                }

                break;
            case "interpolated":
                var method = Pick(random, "pchip", "linear", "log_linear");
                var knots = Enumerable.Range(0, random.Next(2, 9)).Select(_ => random.NextInt64(0, total + 10)).Distinct().Order().ToList();
                if (knots.Count < 2)
                {
                    knots.Add(knots[0] + 1 + random.NextInt64(0, total));
                }

                var peak = random.Next(knots.Count);
                builder.With("method", method).With("points", ParameterValue.FromList(knots.Select((step, index) => ParameterValue.FromList(
                    [ParameterValue.FromNumber(step), ParameterValue.FromNumber(index == peak ? lr : method == "log_linear" || random.Next(4) > 0 ? lr * (0.001 + (random.NextDouble() * 0.999)) : 0.0)]))));
                break;
            case "SequentialLR":
                var count = random.Next(1, 4);
                var milestones = Enumerable.Range(0, count - 1).Select(_ => random.NextInt64(1, total + 10)).Distinct().Order().ToList();
                builder.WithSchedulers(Enumerable.Range(0, milestones.Count + 1).Select(_ => Child(random, scale, depth, lr, keepLearningRate: random.Next(2) == 0)))
                    .WithMilestones(milestones);
                break;
            case "ChainedScheduler":
                builder.WithSchedulers(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Child(random, scale, depth, lr, keepLearningRate: false)));
                break;
        }

        return builder;
    }

    /// <summary>
    /// A random child: any scheduler, composites only near the top so that nesting stays shallow. A child that keeps a
    /// learning rate of its own keeps one at most the parent's, so that the parent's is the accuracy contract's scale.
    /// </summary>
    private static ScheduleOptions Child(Random random, ConfigurationScale scale, int depth, double parentRate, bool keepLearningRate)
    {
        var names = SchedulerNames.Where(name => depth < 1 || name is not ("SequentialLR" or "ChainedScheduler")).ToList();
        var rate = keepLearningRate ? parentRate * Pick(random, 1.0, 0.5, 0.1) : parentRate;
        var options = Options(names[random.Next(names.Count)], random, scale, depth + 1, rate).Options;
        return keepLearningRate ? options : options.Without("learning_rate");
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];

    private static string Multiplier(Random random) => Math.Round(random.NextDouble(), 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How far from typical training a random configuration goes.</summary>
internal enum ConfigurationScale
{
    /// <summary>Learning rates 1e-6 to 7.5, 2 to 5,000 steps.</summary>
    Typical,

    /// <summary>Typical learning rates, 1e6 to 1e12 steps.</summary>
    Huge,

    /// <summary>Learning rates 1e-12 to 1e6, 1 to 1e12 steps, one warmup in four of total_steps - 1.</summary>
    Extreme,
}
