namespace Schedulers.Tests.Timm;

/// <summary>
/// timm's schedulers as timm steps them with <c>step_update(num_updates=step)</c>: the quirks docs/timm.md lists, each
/// checked against timm's formula written out here (the reference curves check whole runs of the Python code).
/// </summary>
public sealed class TimmScheduleTests
{
    private const double Lr = 0.1;

    private static LearningRateSchedule Schedule(string json) => LearningRateSchedule.FromJson(json);

    private static double Cosine(double lrMin, double lrMax, double position, double length) =>
        lrMin + (0.5 * (lrMax - lrMin) * (1 + Math.Cos(Math.PI * position / length)));

    [Fact]
    public void With_warmup_prefix_the_curve_starts_at_its_peak_when_the_warmup_ends()
    {
        var schedule = Schedule("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":50,"warmup_t":10,"warmup_prefix":true}""");

        schedule.GetLearningRate(10).Should().Be(Lr);
        schedule.GetLearningRate(35).Should().BeApproximately(Cosine(0, Lr, 25, 50), 1e-17);
    }

    [Fact]
    public void Without_warmup_prefix_the_curve_runs_on_the_step_itself_under_the_warmup()
    {
        var schedule = Schedule("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":50,"warmup_t":10}""");

        schedule.GetLearningRate(10).Should().BeApproximately(Cosine(0, Lr, 10, 50), 1e-17);
        schedule.GetLearningRate(9).Should().BeApproximately(Lr * 9 / 10, 1e-17, "the warmup climbs to learning_rate all the same");
    }

    [Fact]
    public void The_warmup_starts_at_warmup_lr_init_and_climbs_linearly()
    {
        var schedule = Schedule("""{"scheduler":"PolyLRScheduler","learning_rate":0.1,"t_initial":50,"warmup_t":4,"warmup_lr_init":0.02,"warmup_prefix":true}""");

        schedule.GetLearningRate(0).Should().Be(0.02);
        schedule.GetLearningRate(2).Should().BeApproximately(0.02 + (2 * (Lr - 0.02) / 4), 1e-17);
        schedule.WarmupSteps.Should().Be(4);
    }

    [Fact]
    public void TanhLRSchedulers_warmup_without_prefix_climbs_to_the_curves_own_value_at_warmup_t()
    {
        var schedule = Schedule("""{"scheduler":"TanhLRScheduler","learning_rate":0.1,"t_initial":40,"warmup_t":30,"warmup_lr_init":0.001}""");
        var target = schedule.GetLearningRate(30);

        target.Should().BeLessThan(Lr / 2, "the tanh curve is far down by step 30 of 40");
        schedule.GetLearningRate(15).Should().BeApproximately(0.001 + (15 * (target - 0.001) / 30), 1e-16);
    }

    [Fact]
    public void TanhLRSchedulers_warmup_with_prefix_climbs_to_the_learning_rate()
    {
        var schedule = Schedule("""{"scheduler":"TanhLRScheduler","learning_rate":0.1,"t_initial":40,"warmup_t":30,"warmup_prefix":true}""");

        schedule.GetLearningRate(15).Should().BeApproximately(15 * Lr / 30, 1e-17);
    }

    [Fact]
    public void Each_cycle_peaks_lower_by_cycle_decay_and_lasts_longer_by_cycle_mul()
    {
        var schedule = Schedule("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":10,"cycle_limit":3,"cycle_mul":2,"cycle_decay":0.5}""");

        schedule.GetLearningRate(10).Should().BeApproximately(Lr * 0.5, 1e-17);
        schedule.GetLearningRate(20).Should().BeApproximately(Cosine(0, Lr * 0.5, 10, 20), 1e-17);
        schedule.GetLearningRate(30).Should().BeApproximately(Lr * 0.25, 1e-17);
        schedule.PhaseBoundaries.Should().Equal(10, 30, 70);
    }

    [Fact]
    public void Past_the_last_cycle_the_value_is_lr_min()
    {
        var schedule = Schedule("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":10,"cycle_limit":2,"lr_min":0.001}""");

        schedule.GetLearningRate(19).Should().BeGreaterThan(0.001);
        schedule.GetLearningRate(20).Should().Be(0.001);
        schedule.GetLearningRate(1L << 50).Should().Be(0.001);
    }

    [Fact]
    public void Shrinking_cycles_hold_lr_min_where_timms_logarithm_would_fail()
    {
        // cycle_mul 0.5: cycles of 10, 5, 2.5, ... steps, all over by step 20, where timm's math.log gets no argument.
        var schedule = Schedule("""{"scheduler":"PolyLRScheduler","learning_rate":0.1,"t_initial":10,"cycle_limit":1000,"cycle_mul":0.5,"lr_min":0.001}""");

        schedule.GetLearningRate(20).Should().Be(0.001);
        schedule.GetLearningRate(1_000_000_000_000).Should().Be(0.001);
        schedule.GetLearningRate(12).Should().BeGreaterThan(0.001, "step 12 is inside the second cycle");
    }

    [Fact]
    public void K_decay_bends_the_cosines_angle()
    {
        var schedule = Schedule("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":100,"k_decay":2}""");

        schedule.GetLearningRate(30).Should().BeApproximately(Cosine(0, Lr, 30.0 * 30.0, 100.0 * 100.0), 1e-17);
    }

    [Fact]
    public void PolyLRScheduler_falls_as_a_power_of_the_remaining_cycle()
    {
        var schedule = Schedule("""{"scheduler":"PolyLRScheduler","learning_rate":0.1,"t_initial":100,"lr_min":0.01}""");

        schedule.GetLearningRate(75).Should().BeApproximately(0.01 + ((Lr - 0.01) * Math.Sqrt(0.25)), 1e-17, "power 0.5 by default");
    }

    [Fact]
    public void MultiStepLRScheduler_decays_one_step_before_each_step_of_decay_t_as_timm_looks_at_t_plus_1()
    {
        var schedule = Schedule("""{"scheduler":"MultiStepLRScheduler","learning_rate":0.1,"decay_t":[10,20],"decay_rate":0.5}""");

        schedule.GetLearningRate(8).Should().Be(Lr);
        schedule.GetLearningRate(9).Should().Be(Lr * 0.5);
        schedule.GetLearningRate(19).Should().Be(Lr * 0.25);
        schedule.PhaseBoundaries.Should().Equal(9, 19);
    }

    [Fact]
    public void MultiStepLRScheduler_counts_its_decay_steps_after_the_warmup_by_default()
    {
        var schedule = Schedule("""{"scheduler":"MultiStepLRScheduler","learning_rate":0.1,"decay_t":[10],"decay_rate":0.5,"warmup_t":5}""");

        schedule.GetLearningRate(13).Should().Be(Lr);
        schedule.GetLearningRate(14).Should().Be(Lr * 0.5);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(5, 2)]
    [InlineData(7, 2)]
    public void StepLRScheduler_takes_a_fractional_decay_t_as_python_floor_divides(long step, int decays)
    {
        var schedule = Schedule("""{"scheduler":"StepLRScheduler","learning_rate":0.1,"decay_t":2.5,"decay_rate":0.5}""");

        schedule.GetLearningRate(step).Should().Be(Lr * Math.Pow(0.5, decays));
    }

    /// <summary>Python's <c>1 // 0.1</c> is 9.0: the quotient of the stored 0.1 is just below 10, and floor division says so.</summary>
    [Fact]
    public void StepLRScheduler_floor_divides_as_python_does_where_the_quotient_is_just_below_a_whole_number()
    {
        StepLRScheduler.FloorDivide(1, 0.1).Should().Be(9);
        Schedule("""{"scheduler":"StepLRScheduler","learning_rate":0.1,"decay_t":0.1,"decay_rate":0.5}""").GetLearningRate(1).Should().Be(Lr * Math.Pow(0.5, 9));
    }

    [Fact]
    public void Noise_moves_only_the_steps_of_its_range()
    {
        var quiet = Schedule("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":100}""");
        var noisy = Schedule("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":100,"noise_range_t":[10,20],"noise_pct":0.1}""");

        foreach (var step in new long[] { 0, 9, 20, 50 })
        {
            noisy.GetLearningRate(step).Should().Be(quiet.GetLearningRate(step), "step {0} is outside [10, 20)", step);
        }

        for (long step = 10; step < 20; step++)
        {
            var value = quiet.GetLearningRate(step);
            noisy.GetLearningRate(step).Should().NotBe(value).And.BeInRange(value * 0.9, value * 1.1);
        }
    }

    [Fact]
    public void Noise_adds_lr_times_the_steps_draw_as_timm_does()
    {
        var quiet = Schedule("""{"scheduler":"StepLRScheduler","learning_rate":0.1,"decay_t":7,"decay_rate":0.5}""");
        var noisy = Schedule("""{"scheduler":"StepLRScheduler","learning_rate":0.1,"decay_t":7,"decay_rate":0.5,"noise_range_t":3,"noise_seed":9}""");
        var value = quiet.GetLearningRate(12);

        noisy.GetLearningRate(12).Should().Be(value + (value * new TimmNoise(3, null, 0.67, 9).Draw(12)));
    }

    [Fact]
    public void An_integer_noise_range_never_ends()
    {
        var noisy = Schedule("""{"scheduler":"StepLRScheduler","learning_rate":0.1,"decay_t":1e9,"noise_range_t":3}""");

        noisy.GetLearningRate(1L << 52).Should().NotBe(Lr);
        noisy.GetLearningRate(2).Should().Be(Lr);
    }

    [Fact]
    public void Evaluate_gives_the_noisy_steps_bit_for_bit_and_the_others_within_the_accuracy_contract()
    {
        var schedule = Schedule("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":300,"cycle_limit":3,"warmup_t":20,"noise_range_t":[100,400]}""");
        var values = new double[1_000];

        schedule.Evaluate(0, values);

        for (var step = 0; step < values.Length; step++)
        {
            if (step is >= 100 and < 400)
            {
                values[step].Should().Be(schedule.GetLearningRate(step), "step {0} is noisy", step);
            }
            else
            {
                values[step].Should().BeApproximately(schedule.GetLearningRate(step), 1e-14 * Lr, "step {0}", step);
            }
        }
    }

    [Fact]
    public void The_phase_boundaries_are_the_warmup_end_the_restarts_and_the_ends_of_the_noise()
    {
        var schedule = Schedule("""{"scheduler":"TanhLRScheduler","learning_rate":0.1,"t_initial":100,"cycle_limit":2,"warmup_t":10,"warmup_prefix":true,"noise_range_t":[50,150]}""");

        schedule.PhaseBoundaries.Should().Equal(10, 50, 110, 150, 210);
    }

    [Fact]
    public void A_step_function_holds_its_value_until_its_next_decay_for_composites()
    {
        var chained = Schedule("""{"scheduler":"ChainedScheduler","learning_rate":0.1,"schedulers":[{"scheduler":"StepLRScheduler","decay_t":10,"decay_rate":0.5},{"scheduler":"CosineLRScheduler","t_initial":100}]}""");
        var step = Schedule("""{"scheduler":"StepLRScheduler","learning_rate":0.1,"decay_t":10,"decay_rate":0.5}""");
        var cosine = Schedule("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":100}""");
        var values = new double[100];

        chained.Evaluate(0, values);

        for (var i = 0; i < values.Length; i++)
        {
            values[i].Should().BeApproximately(step.GetLearningRate(i) * cosine.GetLearningRate(i) / Lr, 1e-14 * Lr, "step {0}", i);
        }
    }

    [Fact]
    public void A_schedule_written_as_JSON_keeps_its_noise_range()
    {
        var schedule = Schedule("""{"scheduler":"CosineLRScheduler","learning_rate":0.1,"t_initial":100,"noise_range_t":[10,20]}""");

        Schedule(schedule.ToJson()).GetLearningRate(15).Should().Be(schedule.GetLearningRate(15));
        schedule.ToJson().Should().Contain("\"noise_range_t\":[10,20]");
    }

    [Theory]
    [InlineData(-7.0, 3.0, 1.0)]
    [InlineData(-30.0, 30.0, 1.0)]
    [InlineData(0.25, 0.5, 1.0)]
    [InlineData(-6.0, 7.0, 1.7)]
    public void TanhLRSchedulers_vector_tanh_stays_within_the_accuracy_contract(double lb, double ub, double cycleMul)
    {
        var schedule = Schedule($$"""{"scheduler":"TanhLRScheduler","learning_rate":0.1,"t_initial":3000,"cycle_limit":3,"cycle_mul":{{cycleMul}},"lr_min":0.0001,"lb":{{lb}},"ub":{{ub}}}""");
        var doubles = new double[20_000];
        var floats = new float[doubles.Length];

        schedule.Evaluate(0, doubles);
        schedule.Evaluate(0, floats);

        for (var step = 0; step < doubles.Length; step++)
        {
            doubles[step].Should().BeApproximately(schedule.GetLearningRate(step), 1e-14 * Lr, "step {0}", step);
            ((double)floats[step]).Should().BeApproximately(doubles[step], 1e-6 * Lr, "step {0}", step);
        }
    }
}
