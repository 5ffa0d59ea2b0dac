namespace Schedulers.Tests.Support;

/// <summary>Seeded random valid configurations of every scheduler, for property-style tests.</summary>
internal static class RandomConfigurations
{
    private static readonly double[] LearningRates = [1e-6, 2e-5, 3e-4, 1e-3, 0.1, 1.0, 7.5];

    /// <summary>
    /// How each scheduler of the catalog draws its own parameters, after the learning rate, training length and warmup
    /// every scheduler shares; or why it has no random configuration.
    /// </summary>
    public static SchedulerTable<Generator> Generators { get; } = new(
        "a generator of random valid configurations (a Generator that draws the parameters only it takes)",
        "RandomConfigurations.Generators (tests/Schedulers.Tests/Support/RandomConfigurations.cs)",
        new(StringComparer.Ordinal)
        {
            { "constant", Draws(OnlyTheSharedParameters) },
            { "constant_with_warmup", Draws(OnlyTheSharedParameters) },
            { "linear", Draws(LinearParameters) },
            { "cosine", Draws(CosineParameters) },
            { "cosine_with_min_lr", Draws(draw => draw.Builder.WithMinLearningRate(draw.LearningRate * draw.Random.NextDouble() * 0.5).WithNumCycles(Pick(draw.Random, 0.5, 1.0, 3.0))) },
            { "cosine_with_restarts", Draws(draw => draw.Builder.WithNumCycles(draw.Random.Next(1, 12))) },
            { "polynomial", Draws(draw => draw.Builder.With(ScheduleKeys.Power, Pick(draw.Random, 1.0, 2.0, 3.0, 0.5, 1.7, 6.5)).With(ScheduleKeys.LrEnd, draw.LearningRate * draw.Random.NextDouble() * 0.5)) },
            { "inverse_sqrt", Draws(InverseSqrtParameters) },
            { "warmup_stable_decay", Draws(WarmupStableDecayParameters) },
            { "piecewise_constant", Draws(PiecewiseConstantParameters) },
            { "StepLR", Draws(draw => draw.Builder.With(ScheduleKeys.StepSize, draw.Random.NextInt64(1, Math.Max(2, draw.Total / 3))).With(ScheduleKeys.Gamma, Pick(draw.Random, 0.1, 0.5, 0.9))) },
            { "MultiStepLR", Draws(draw => draw.Builder.With(ScheduleKeys.Milestones, ParameterValue.FromList(Enumerable.Range(0, draw.Random.Next(1, 5)).Select(_ => ParameterValue.FromNumber(draw.Random.NextInt64(1, draw.Total + 10)))))) },
            { "ExponentialLR", Draws(draw => draw.Builder.With(ScheduleKeys.Gamma, Pick(draw.Random, 0.9, 0.99, 0.999, 0.9999))) },
            { "ConstantLR", Draws(draw => draw.Builder.With(ScheduleKeys.Factor, 0.05 + (draw.Random.NextDouble() * 0.95)).With(ScheduleKeys.TotalIters, draw.Random.NextInt64(1, draw.Total + 10))) },
            { "LinearLR", Draws(LinearLRParameters) },
            { "PolynomialLR", Draws(draw => draw.Builder.With(ScheduleKeys.TotalIters, draw.Random.NextInt64(1, draw.Total + 10)).With(ScheduleKeys.Power, Pick(draw.Random, 1.0, 2.0, 0.5, 2.5, 0.1))) },
            { "CosineAnnealingLR", Draws(draw => draw.Builder.With(ScheduleKeys.TMax, draw.Random.NextInt64(1, draw.Total + 10)).With(ScheduleKeys.EtaMin, draw.LearningRate * draw.Random.NextDouble() * 0.5)) },
            { "CosineAnnealingWarmRestarts", Draws(CosineAnnealingWarmRestartsParameters) },
            { "OneCycleLR", Draws(OneCycleParameters, minimumTotalSteps: 50) },
            { "CyclicLR", Draws(CyclicParameters) },
            { "ReduceLROnPlateau", Generator.None("it follows reported metrics and has no curve; PlateauScheduler's tests and the plateau reference runs cover it") },
            { "SequentialLR", Draws(SequentialParameters) },
            { "ChainedScheduler", Draws(draw => draw.Builder.WithSchedulers(Enumerable.Range(0, draw.Random.Next(1, 4)).Select(_ => Child(draw.Random, draw.Scale, draw.Depth, draw.LearningRate, keepLearningRate: false)))) },
            { "LambdaLR", Generator.None("it is made only from C# code (LearningRateSchedule.FromFunction); a configuration of it is refused") },
            { "interpolated", Draws(InterpolatedParameters) },
            { "CosineLRScheduler", Draws(draw => TimmCycleParameters(draw, kDecay: true)) },
            { "TanhLRScheduler", Draws(TanhParameters) },
            { "PolyLRScheduler", Draws(PolyParameters) },
            { "StepLRScheduler", Draws(TimmStepParameters) },
            { "MultiStepLRScheduler", Draws(TimmMultiStepParameters) },
            { "ExponentialDecay", Draws(draw => KerasDecay(draw).With(ScheduleKeys.DecayRate, Pick(draw.Random, 0.5, 0.9, 0.96, 0.999, 1.0))) },
            { "InverseTimeDecay", Draws(draw => KerasDecay(draw).With(ScheduleKeys.DecayRate, Pick(draw.Random, 0.0, 0.5, 1.0, 3.0, 50.0))) },
            { "PolynomialDecay", Draws(PolynomialDecayParameters) },
            { "PiecewiseConstantDecay", Draws(PiecewiseConstantDecayParameters) },
            { "CosineDecay", Draws(CosineDecayParameters) },
            { "CosineDecayRestarts", Draws(CosineDecayRestartsParameters) },
        });

    /// <summary>Every scheduler with a random configuration (each catalog scheduler but those whose entry says why not).</summary>
    public static IEnumerable<string> SchedulerNames => SchedulerCatalog.All.Select(scheduler => scheduler.Name).Where(name => !Generators.HasNone(name));

    /// <summary>A valid configuration of <paramref name="scheduler"/>; <paramref name="huge"/> picks training lengths up to 1e12.</summary>
    public static LearningRateSchedule Create(string scheduler, Random random, bool huge = false) =>
        Options(scheduler, random, huge ? ConfigurationScale.Huge : ConfigurationScale.Typical).Build();

    /// <summary>A valid configuration of <paramref name="scheduler"/>, as a builder (composites nest random children).</summary>
    public static ScheduleBuilder Options(string scheduler, Random random, ConfigurationScale scale = ConfigurationScale.Typical, int depth = 0, double? learningRate = null)
    {
        var generator = Generators.For(scheduler);
        var extreme = scale == ConfigurationScale.Extreme;
        var lr = learningRate ?? (extreme ? Math.Pow(10, -12 + (18 * random.NextDouble())) : LearningRates[random.Next(LearningRates.Length)]);
        var total = scale switch
        {
            ConfigurationScale.Huge => random.NextInt64(1_000_000, 1_000_000_000_000),
            ConfigurationScale.Extreme => Math.Max(1, (long)Math.Pow(10, 12 * random.NextDouble())),
            _ => random.Next(2, 5_000),
        };
        total = Math.Max(total, generator.MinimumTotalSteps);

        var descriptor = SchedulerCatalog.Find(scheduler)!;
        var builder = LearningRateSchedule.CreateBuilder().WithScheduler(scheduler).WithTotalSteps(total);
        if (descriptor.Takes(ScheduleKeys.LearningRate))
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

        // timm's schedulers draw their own warmup keys (warmup_t, warmup_lr_init, warmup_prefix) from the same length.
        if (descriptor.Warmup is WarmupSupport.Linear or WarmupSupport.Shaped)
        {
            builder.WithWarmupSteps(warmup);
            if (descriptor.Warmup == WarmupSupport.Linear && warmup > 0 && random.Next(2) == 0)
            {
                builder.WithWarmupStartLearningRate(lr * random.NextDouble() * 0.5);
            }
        }

        generator.DrawParameters(new Draw(builder, random, lr, total, warmup, scale, depth));
        return builder;
    }

    private static Generator Draws(Action<Draw> drawParameters, long minimumTotalSteps = 1) => new(drawParameters, minimumTotalSteps);

    /// <summary>The scheduler takes only the learning rate, the training length and the warmup, drawn for every scheduler.</summary>
    private static void OnlyTheSharedParameters(Draw draw)
    {
    }

    private static void LinearParameters(Draw draw)
    {
        if (draw.Random.Next(2) == 0)
        {
            draw.Builder.WithMinLearningRateRatio(draw.Random.NextDouble() * 0.5);
        }
    }

    private static void CosineParameters(Draw draw)
    {
        draw.Builder.WithNumCycles(Pick(draw.Random, 0.25, 0.5, 1.0, 2.75, 5.0, 20.0));
        LinearParameters(draw);
    }

    private static void InverseSqrtParameters(Draw draw)
    {
        if (draw.Random.Next(2) == 0)
        {
            draw.Builder.With(ScheduleKeys.Timescale, draw.Random.Next(1, 20_000));
        }
    }

    private static void WarmupStableDecayParameters(Draw draw)
    {
        var (builder, random) = (draw.Builder, draw.Random);
        var decay = Math.Max(1, (draw.Total - draw.Warmup) / random.Next(1, 4));
        builder.With(ScheduleKeys.DecaySteps, decay)
            .With(ScheduleKeys.WarmupType, Pick(random, "linear", "cosine", "1-sqrt"))
            .With(ScheduleKeys.DecayType, Pick(random, "linear", "cosine", "1-sqrt"))
            .With(ScheduleKeys.MinLrRatio, random.NextDouble() * 0.5);
        if (random.Next(3) == 0)
        {
            builder.With(ScheduleKeys.StableSteps, (draw.Total - draw.Warmup - decay) / 2);
        }
    }

    private static void PiecewiseConstantParameters(Draw draw)
    {
        var random = draw.Random;
        var boundaries = Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.NextInt64(1, draw.Total + 10)).Distinct().Order();
        draw.Builder.With(ScheduleKeys.StepRules, string.Concat(boundaries.Select(boundary => $"{Multiplier(random)}:{boundary},")) + Multiplier(random));
    }

    private static void LinearLRParameters(Draw draw) =>
        draw.Builder.With(ScheduleKeys.StartFactor, 0.05 + (draw.Random.NextDouble() * 0.95))
            .With(ScheduleKeys.EndFactor, draw.Random.NextDouble())
            .With(ScheduleKeys.TotalIters, draw.Random.NextInt64(1, draw.Total + 10));

    private static void CosineAnnealingWarmRestartsParameters(Draw draw) =>
        draw.Builder.With(ScheduleKeys.T0, draw.Random.NextInt64(1, Math.Max(2, draw.Total / 4)))
            .With(ScheduleKeys.TMult, draw.Random.Next(1, 4))
            .With(ScheduleKeys.EtaMin, draw.LearningRate * draw.Random.NextDouble() * 0.5);

    private static void OneCycleParameters(Draw draw)
    {
        var random = draw.Random;
        var threePhase = random.Next(2) == 0;
        draw.Builder.With(ScheduleKeys.PctStart, threePhase ? 0.05 + (random.NextDouble() * 0.4) : 0.05 + (random.NextDouble() * 0.9))
            .With(ScheduleKeys.AnnealStrategy, Pick(random, "cos", "linear"))
            .With(ScheduleKeys.DivFactor, Pick(random, 25.0, 10.0, 3.0))
            .With(ScheduleKeys.FinalDivFactor, Pick(random, 1e4, 100.0, 1.0))
            .With(ScheduleKeys.ThreePhase, threePhase);
        if (random.Next(2) == 0)
        {
            draw.Builder.With(ScheduleKeys.MaxLr, draw.LearningRate);
        }
    }

    private static void CyclicParameters(Draw draw)
    {
        var random = draw.Random;
        var up = random.NextInt64(1, Math.Max(2, draw.Total / 3));
        draw.Builder.With(ScheduleKeys.MaxLr, draw.LearningRate * Pick(random, 0.5, 2.0, 4.0, 10.0))
            .With(ScheduleKeys.StepSizeUp, up)
            .With(ScheduleKeys.Mode, Pick(random, "triangular", "triangular2", "exp_range"))
            .With(ScheduleKeys.Gamma, Pick(random, 1.0, 0.999, 0.99999));
        if (random.Next(2) == 0)
        {
            draw.Builder.With(ScheduleKeys.StepSizeDown, random.NextInt64(1, Math.Max(2, draw.Total / 3)));
        }
    }

    private static void InterpolatedParameters(Draw draw)
    {
        var (random, total, lr) = (draw.Random, draw.Total, draw.LearningRate);
        var method = Pick(random, "pchip", "linear", "log_linear");
        var knots = Enumerable.Range(0, random.Next(2, 9)).Select(_ => random.NextInt64(0, total + 10)).Distinct().Order().ToList();
        if (knots.Count < 2)
        {
            knots.Add(knots[0] + 1 + random.NextInt64(0, total));
        }

        var peak = random.Next(knots.Count);
        draw.Builder.With(ScheduleKeys.Method, method).With(ScheduleKeys.Points, ParameterValue.FromList(knots.Select((step, index) => ParameterValue.FromList(
            [ParameterValue.FromNumber(step), ParameterValue.FromNumber(index == peak ? lr : method == "log_linear" || random.Next(4) > 0 ? lr * (0.001 + (random.NextDouble() * 0.999)) : 0.0)]))));
    }

    /// <summary>What Keras's ExponentialDecay and InverseTimeDecay share: the base rate, decay_steps and staircase.</summary>
    private static ScheduleBuilder KerasDecay(Draw draw) =>
        draw.Builder.With(ScheduleKeys.InitialLearningRate, draw.LearningRate)
            .With(ScheduleKeys.DecaySteps, draw.Random.NextInt64(1, draw.Total + 10))
            .With(ScheduleKeys.Staircase, draw.Random.Next(2) == 0);

    private static void PolynomialDecayParameters(Draw draw)
    {
        var random = draw.Random;
        draw.Builder.With(ScheduleKeys.InitialLearningRate, draw.LearningRate)
            .With(ScheduleKeys.DecaySteps, random.NextInt64(1, draw.Total + 10))
            .With(ScheduleKeys.Power, Pick(random, 1.0, 2.0, 0.5, 3.7))
            .With(ScheduleKeys.Cycle, random.Next(2) == 0);

        // Keras's default end_learning_rate (1e-4) is above the smaller learning rates: those curves rise, as in Keras.
        if (random.Next(3) > 0)
        {
            draw.Builder.With(ScheduleKeys.EndLearningRate, draw.LearningRate * random.NextDouble() * 0.5);
        }
    }

    private static void PiecewiseConstantDecayParameters(Draw draw)
    {
        var random = draw.Random;
        var boundaries = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.NextInt64(0, draw.Total + 10)).Distinct().Order().ToList();
        var peak = random.Next(boundaries.Count + 1);
        draw.Builder.With(ScheduleKeys.Boundaries, ParameterValue.FromList(boundaries.Select(boundary => ParameterValue.FromNumber(boundary))))
            .With(ScheduleKeys.Values, ParameterValue.FromList(Enumerable.Range(0, boundaries.Count + 1).Select(index =>
                ParameterValue.FromNumber(index == peak ? draw.LearningRate : random.Next(4) == 0 ? 0.0 : draw.LearningRate * random.NextDouble()))));
    }

    private static void CosineDecayParameters(Draw draw)
    {
        var random = draw.Random;
        draw.Builder.With(ScheduleKeys.DecaySteps, random.NextInt64(1, draw.Total + 10));
        if (random.Next(2) == 0)
        {
            draw.Builder.With(ScheduleKeys.Alpha, random.NextDouble() * 0.5);
        }

        // Keras's warmup rises from initial_learning_rate (0 included) to warmup_target, from which the decay starts.
        if (random.Next(2) == 0)
        {
            draw.Builder.With(ScheduleKeys.InitialLearningRate, random.Next(3) == 0 ? 0.0 : draw.LearningRate * random.NextDouble())
                .With(ScheduleKeys.WarmupTarget, draw.LearningRate)
                .With(ScheduleKeys.WarmupSteps, random.NextInt64(1, Math.Max(2, draw.Total / 2)));
        }
        else
        {
            draw.Builder.With(ScheduleKeys.InitialLearningRate, draw.LearningRate);
        }
    }

    private static void CosineDecayRestartsParameters(Draw draw)
    {
        var random = draw.Random;
        draw.Builder.With(ScheduleKeys.InitialLearningRate, draw.LearningRate)
            .With(ScheduleKeys.FirstDecaySteps, random.NextInt64(1, Math.Max(2, draw.Total / 4)))
            .With(ScheduleKeys.TMul, Pick(random, 1.0, 2.0, 1.5, 3.0, 1.05))
            .With(ScheduleKeys.MMul, Pick(random, 1.0, 0.9, 0.5))
            .With(ScheduleKeys.Alpha, Pick(random, 0.0, 0.01, 0.3));
    }

    private static void SequentialParameters(Draw draw)
    {
        var random = draw.Random;
        var count = random.Next(1, 4);
        var milestones = Enumerable.Range(0, count - 1).Select(_ => random.NextInt64(1, draw.Total + 10)).Distinct().Order().ToList();
        draw.Builder.WithSchedulers(Enumerable.Range(0, milestones.Count + 1).Select(_ => Child(random, draw.Scale, draw.Depth, draw.LearningRate, keepLearningRate: random.Next(2) == 0)))
            .WithMilestones(milestones);
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

    /// <summary>
    /// timm's cycles: t_initial within the training, cycle_mul and cycle_decay only with a second cycle, an lr_min below
    /// the peaks, then timm's warmup and noise.
    /// </summary>
    private static void TimmCycleParameters(Draw draw, bool kDecay, bool warmupToCurve = false, bool startsAtPeak = true)
    {
        var (builder, random) = (draw.Builder, draw.Random);
        var limit = Pick(random, 1, 1, 2, 3, 5, 40);
        var decay = limit >= 2 ? Pick(random, 1.0, 0.9, 0.5) : 1.0;
        var lrMin = random.Next(2) == 0 ? 0.0 : draw.LearningRate * random.NextDouble() * 0.5;
        builder.With(ScheduleKeys.TInitial, random.NextInt64(1, Math.Max(2, (draw.Total / limit) + 1))).With(ScheduleKeys.CycleLimit, limit);
        if (limit >= 2)
        {
            builder.With(ScheduleKeys.CycleMul, Pick(random, 1.0, 1.5, 2.0, 0.9, 0.5)).With(ScheduleKeys.CycleDecay, decay);
        }

        if (lrMin > 0)
        {
            builder.With(ScheduleKeys.LrMin, lrMin);
        }

        if (kDecay && random.Next(3) == 0)
        {
            builder.With(ScheduleKeys.KDecay, Pick(random, 0.5, 2.0, 1.0));
        }

        // The lowest value of the curve: the warmup may start no higher, so that it never falls.
        TimmWarmupAndNoise(draw, warmupToCurve, startsAtPeak, Math.Min(lrMin, draw.LearningRate * Math.Pow(decay, limit - 1)));
    }

    private static void PolyParameters(Draw draw)
    {
        draw.Builder.With(ScheduleKeys.Power, Pick(draw.Random, 0.5, 1.0, 2.0, 3.0, 0.9));
        TimmCycleParameters(draw, kDecay: true);
    }

    /// <summary>TanhLRScheduler's warmup without warmup_prefix climbs to the curve's own value at warmup_t (timm's quirk).</summary>
    private static void TanhParameters(Draw draw)
    {
        draw.Builder.With(ScheduleKeys.Lb, Pick(draw.Random, -7.0, -6.0, -4.0, -1.5)).With(ScheduleKeys.Ub, Pick(draw.Random, 3.0, 5.0, 7.0, 0.5));
        TimmCycleParameters(draw, kDecay: false, warmupToCurve: true, startsAtPeak: false);
    }

    private static void TimmStepParameters(Draw draw)
    {
        var random = draw.Random;
        var decayT = random.Next(3) == 0 ? 0.5 + (random.NextDouble() * Math.Max(1, draw.Total / 3)) : random.NextInt64(1, Math.Max(2, draw.Total / 3));
        draw.Builder.With(ScheduleKeys.DecayT, decayT).With(ScheduleKeys.DecayRate, Pick(random, 0.1, 0.5, 0.97, 1.0));
        TimmWarmupAndNoise(draw, warmupToCurve: false, startsAtPeak: true, lowest: 0.0);
    }

    private static void TimmMultiStepParameters(Draw draw)
    {
        var random = draw.Random;
        // From 2 on: timm decays at decay_t - 1, so a step of 1 would start the curve below learning_rate, under the warmup's end.
        var steps = Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.NextInt64(2, draw.Total + 10)).Order();
        draw.Builder.With(ScheduleKeys.DecayT, ParameterValue.FromList(steps.Select(step => ParameterValue.FromNumber(step))))
            .With(ScheduleKeys.DecayRate, Pick(random, 0.1, 0.5, 0.97));
        TimmWarmupAndNoise(draw, warmupToCurve: false, startsAtPeak: true, lowest: 0.0);
    }

    /// <summary>
    /// timm's warmup over the shared draw's length, and sometimes noise. The warmup property forbids a fall at the
    /// warmup's last step, so a warmup of the drawn length ends where the curve goes on: with warmup_prefix, where the
    /// curve starts at learning_rate (all but TanhLRScheduler, which starts lower, at lb); without it, where the warmup
    /// climbs to the curve's own value (TanhLRScheduler's), from no higher than the curve's lowest. Elsewhere the curve
    /// may lie below the warmup's end, and the warmup is one step from 0. Noise starts after the warmup's last step,
    /// which the warmup property checks too.
    /// </summary>
    private static void TimmWarmupAndNoise(Draw draw, bool warmupToCurve, bool startsAtPeak, double lowest)
    {
        var (builder, random) = (draw.Builder, draw.Random);
        var warmup = draw.Warmup;
        if (warmup > 0)
        {
            var prefix = random.Next(3) > 0;
            var whole = prefix ? startsAtPeak : warmupToCurve;
            warmup = whole ? warmup : 1;
            builder.With(ScheduleKeys.WarmupT, warmup).With(ScheduleKeys.WarmupPrefix, prefix);
            if (whole && random.Next(2) == 0)
            {
                builder.With(ScheduleKeys.WarmupLrInit, (prefix ? draw.LearningRate * 0.5 : lowest) * random.NextDouble());
            }
        }

        if (random.Next(4) == 0)
        {
            var start = warmup + 1 + random.NextInt64(0, draw.Total + 1);
            builder.With(ScheduleKeys.NoiseRangeT, random.Next(2) == 0
                ? ParameterValue.FromNumber(start)
                : ParameterValue.FromList([ParameterValue.FromNumber(start), ParameterValue.FromNumber(start + random.NextInt64(1, (2 * draw.Total) + 2))]));
            builder.With(ScheduleKeys.NoisePct, Pick(random, 0.67, 0.1, 0.05, 1.0)).With(ScheduleKeys.NoiseSeed, random.NextInt64(0, 1L << 40));
        }
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];

    /// <summary>
    /// A random valid configuration of <paramref name="scheduler"/> (any scheduler with a generator: the epoch wrapper
    /// knows none of them) twice: as drawn, and in epoch units with a random <c>steps_per_epoch</c>. Lengths up to 1e12
    /// epochs times at most 4,096 steps stay below 2^53 steps.
    /// </summary>
    public static (LearningRateSchedule InSteps, LearningRateSchedule InEpochs) InEpochs(string scheduler, Random random, bool huge = false)
    {
        var options = Options(scheduler, random, huge ? ConfigurationScale.Huge : ConfigurationScale.Typical).Options;
        var stepsPerEpoch = Pick(random, 2L, 3L, 4L, 7L, 16L, 17L, 100L, 391L, 4_096L);
        return (LearningRateSchedule.Create(options), LearningRateSchedule.Create(options.With(ScheduleKeys.StepsPerEpoch, stepsPerEpoch)));
    }

    private static string Multiplier(Random random) => Math.Round(random.NextDouble(), 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
