namespace Schedulers.Tests.Training;

/// <summary>The adapter loops of docs/training.md, run against stand-ins for the frameworks' types.</summary>
public sealed class AdapterPatternTests
{
    private static readonly LearningRateSchedule Cosine =
        LearningRateSchedule.FromJson("""{"scheduler":"cosine","learning_rate":0.001,"warmup_steps":10,"total_steps":100}""");

    [Fact]
    public void The_TorchSharp_loop_sets_each_groups_learning_rate_to_its_initial_value_times_the_factor()
    {
        var optimizer = new StandInOptimizer([new StandInParamGroup { LearningRate = 0.01 }, new StandInParamGroup { LearningRate = 0.002 }]);
        var seen = new List<(double First, double Second)>();

        // As in docs/training.md.
        var groups = optimizer.ParamGroups.ToList();
        var stepper = new ScheduleStepper(Cosine, [.. groups.Select((group, i) => ParameterGroup.Scaled($"group{i}", group.LearningRate))]);
        for (var step = 0; step < 100; step++)
        {
            for (var i = 0; i < groups.Count; i++)
            {
                groups[i].LearningRate = stepper.Values[i];
            }

            seen.Add((groups[0].LearningRate, groups[1].LearningRate));
            stepper.Step();
        }

        for (var step = 0; step < 100; step++)
        {
            var factor = Cosine.GetLearningRate(step) / Cosine.LearningRate;
            seen[step].First.Should().BeApproximately(0.01 * factor, 1e-18, "step {0}", step);
            seen[step].Second.Should().BeApproximately(0.002 * factor, 1e-18, "step {0}", step);
        }
    }

    [Fact]
    public void The_ML_NET_loop_trains_each_epoch_with_the_plateaus_value()
    {
        var plateau = PlateauScheduler.FromJson("""{"scheduler":"ReduceLROnPlateau","learning_rate":0.1,"factor":0.5,"patience":1}""");
        var used = new List<float>();
        var losses = new[] { 1.0, 0.9, 0.9, 0.9, 0.9, 0.9 };

        for (var epoch = 0; epoch < losses.Length; epoch++)
        {
            var trainer = new StandInTrainer(new StandInOptions { LearningRate = (float)plateau.Value });
            used.Add(trainer.Options.LearningRate);
            plateau.Report(losses[epoch]);
        }

        used.Should().Equal(0.1f, 0.1f, 0.1f, 0.1f, 0.05f, 0.05f);
    }

    private sealed class StandInParamGroup
    {
        public double LearningRate { get; set; }
    }

    private sealed class StandInOptimizer(IEnumerable<StandInParamGroup> groups)
    {
        public IEnumerable<StandInParamGroup> ParamGroups { get; } = [.. groups];
    }

    private sealed class StandInOptions
    {
        public float LearningRate { get; init; }
    }

    private sealed class StandInTrainer(StandInOptions options)
    {
        public StandInOptions Options { get; } = options;
    }
}
