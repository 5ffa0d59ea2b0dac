namespace Schedulers.Tests.Schedules;

/// <summary>The Keras family's shapes at the steps where Keras's rules decide: boundaries, staircases, cycles and restarts.</summary>
public sealed class KerasScheduleTests
{
    [Fact]
    public void PiecewiseConstantDecay_keeps_the_value_before_a_boundary_at_the_boundary_itself()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"PiecewiseConstantDecay","boundaries":[10,20],"values":[0.1,0.01,0.001]}""");

        double[] expected = [0.1, 0.1, 0.01, 0.01, 0.001];
        new long[] { 0, 10, 11, 20, 21 }.Select(schedule.GetLearningRate).Should().Equal(expected);
    }

    [Fact]
    public void PiecewiseConstantDecay_reports_the_step_after_each_boundary_as_a_phase_boundary()
    {
        LearningRateSchedule.FromJson("""{"scheduler":"PiecewiseConstantDecay","boundaries":[10,20],"values":[0.1,0.01,0.001]}""")
            .PhaseBoundaries.Should().Equal(11, 21);
    }

    [Fact]
    public void A_staircase_ExponentialDecay_holds_each_rate_for_decay_steps_steps()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"ExponentialDecay","initial_learning_rate":0.1,"decay_steps":4,"decay_rate":0.5,"staircase":true}""");

        double[] expected = [0.1, 0.1, 0.05, 0.05, 0.025];
        new long[] { 0, 3, 4, 7, 8 }.Select(schedule.GetLearningRate).Should().Equal(expected);
    }

    [Fact]
    public void A_staircase_InverseTimeDecay_divides_by_one_more_decay_rate_every_decay_steps_steps()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"InverseTimeDecay","initial_learning_rate":0.1,"decay_steps":4,"decay_rate":1,"staircase":true}""");

        double[] expected = [0.1, 0.1, 0.1 / 2, 0.1 / 3];
        new long[] { 0, 3, 4, 8 }.Select(schedule.GetLearningRate).Should().Equal(expected);
    }

    [Fact]
    public void PolynomialDecay_holds_end_learning_rate_after_decay_steps()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"PolynomialDecay","initial_learning_rate":0.1,"decay_steps":10,"end_learning_rate":0.001}""");

        schedule.GetLearningRate(10).Should().Be(0.001);
        schedule.GetLearningRate(1_000_000).Should().Be(0.001);
    }

    [Fact]
    public void A_cycling_PolynomialDecay_reaches_end_learning_rate_at_each_multiple_of_decay_steps_and_rises_after_it()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"PolynomialDecay","initial_learning_rate":0.1,"decay_steps":10,"end_learning_rate":0.001,"cycle":true}""");

        schedule.GetLearningRate(10).Should().Be(0.001);
        schedule.GetLearningRate(20).Should().Be(0.001);
        schedule.GetLearningRate(11).Should().BeGreaterThan(0.001);
    }

    [Fact]
    public void PolynomialDecay_rises_to_an_end_learning_rate_above_its_start_as_Keras_s_does()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"PolynomialDecay","initial_learning_rate":1e-5,"decay_steps":10}""");

        schedule.GetLearningRate(0).Should().Be(1e-5);
        schedule.GetLearningRate(10).Should().Be(0.0001); // Keras's default end_learning_rate.
    }

    [Fact]
    public void CosineDecay_reports_its_Keras_warmup_as_its_warmup()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"CosineDecay","initial_learning_rate":0,"decay_steps":100,"warmup_target":0.001,"warmup_steps":20}""");

        schedule.WarmupSteps.Should().Be(20);
        schedule.PhaseBoundaries.Should().Equal(20);
    }

    [Fact]
    public void CosineDecay_holds_alpha_times_its_start_after_the_decay()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"CosineDecay","initial_learning_rate":0.5,"decay_steps":100,"alpha":0.25}""");

        schedule.GetLearningRate(100).Should().Be(0.125);
        schedule.GetLearningRate(5_000).Should().Be(0.125);
    }

    [Fact]
    public void CosineDecayRestarts_restarts_at_m_mul_times_the_height_after_first_decay_steps()
    {
        var schedule = LearningRateSchedule.FromJson("""{"scheduler":"CosineDecayRestarts","initial_learning_rate":1,"first_decay_steps":10,"t_mul":2,"m_mul":0.5}""");

        schedule.GetLearningRate(0).Should().Be(1);
        schedule.GetLearningRate(10).Should().Be(0.5);
        schedule.GetLearningRate(30).Should().Be(0.25); // The second period lasts 20 steps.
        schedule.PhaseBoundaries.Take(3).Should().Equal(10, 30, 70);
    }

    [Theory]
    [InlineData("""{"scheduler":"ExponentialDecay","initial_learning_rate":0.1,"decay_steps":7,"decay_rate":0.5,"staircase":true}""")]
    [InlineData("""{"scheduler":"InverseTimeDecay","initial_learning_rate":0.1,"decay_steps":7,"decay_rate":0.5,"staircase":true}""")]
    [InlineData("""{"scheduler":"PiecewiseConstantDecay","boundaries":[3,9],"values":[0.1,0.01,0.001]}""")]
    public void A_Keras_step_function_folds_into_a_ChainedScheduler_as_its_values_say(string child)
    {
        var alone = LearningRateSchedule.FromJson(child);
        var chained = LearningRateSchedule.FromJson($$"""{"scheduler":"ChainedScheduler","learning_rate":{{alone.LearningRate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}},"schedulers":[{{child}}]}""");
        var expected = new double[40];
        var actual = new double[40];

        alone.Evaluate(0, expected);
        chained.Evaluate(0, actual);

        actual.Should().BeEquivalentTo(expected, options => options.Using<double>(context => context.Subject.Should().BeApproximately(context.Expectation, 1e-17)).WhenTypeIs<double>());
    }
}
