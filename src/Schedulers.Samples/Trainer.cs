using System.Globalization;

namespace Schedulers.Samples;

/// <summary>The three ways of setting the learning rate the sample compares.</summary>
public enum Strategy
{
    /// <summary>One learning rate throughout.</summary>
    Constant,

    /// <summary>A linear warmup, then a cosine decay to zero.</summary>
    WarmupCosine,

    /// <summary>The same warmup, then ReduceLROnPlateau on the validation loss.</summary>
    Plateau,
}

/// <summary>How a run trains.</summary>
public sealed record TrainingOptions(Strategy Strategy, int Epochs = 60, int BatchSize = 16, int Seed = 7, double Momentum = 0.9);

/// <summary>Where a run stands after an epoch.</summary>
public sealed record EpochResult(int Epoch, double TrainLoss, double ValidationLoss, double ValidationAccuracy, double LearningRate);

/// <summary>Everything needed to resume: the weights, the momentum, the scheduler's state and the epochs done.</summary>
public sealed record Checkpoint(int EpochsDone, double[] Weights, double[] Velocity, string SchedulerState);

/// <summary>
/// Mini-batch SGD with momentum on softmax regression, the learning rate set by the library before every step. Every
/// source of randomness is seeded by the epoch, so a run resumed from a checkpoint is the uninterrupted run, bit for bit.
/// </summary>
public static class Trainer
{
    /// <summary>Optimizer steps per epoch (the last batch may be short).</summary>
    /// <param name="data">The data.</param>
    /// <param name="options">The run's options.</param>
    /// <returns>The steps.</returns>
    public static int StepsPerEpoch(IrisData data, TrainingOptions options) => (data.TrainLabels.Length + options.BatchSize - 1) / options.BatchSize;

    /// <summary>The learning-rate source for a strategy, from configurations in the library's JSON vocabulary.</summary>
    public static ILearningRateSource CreateSource(Strategy strategy, long totalSteps)
    {
        var total = totalSteps.ToString(CultureInfo.InvariantCulture);
        return strategy switch
        {
            Strategy.Constant => new ScheduleSource(LearningRateSchedule.FromJson("""{"scheduler": "constant", "learning_rate": 0.05}""")),
            Strategy.WarmupCosine => new ScheduleSource(LearningRateSchedule.FromJson(
                $$"""{"scheduler": "cosine", "learning_rate": 0.3, "warmup_steps": 40, "total_steps": {{total}}}""")),
            _ => new PlateauSource(PlateauScheduler.FromJson(
                """{"scheduler": "ReduceLROnPlateau", "learning_rate": 0.3, "warmup_steps": 40, "factor": 0.5, "patience": 2, "cooldown": 1, "min_lr": 0.001}""")),
        };
    }

    /// <summary>
    /// Trains from the start, or from <paramref name="resumeFrom"/>, up to <paramref name="stopAfterEpoch"/> (all epochs
    /// when null), handing a checkpoint to <paramref name="checkpoint"/> after every epoch.
    /// </summary>
    public static IReadOnlyList<EpochResult> Run(IrisData data, TrainingOptions options, Checkpoint? resumeFrom = null, int? stopAfterEpoch = null, Action<Checkpoint>? checkpoint = null)
    {
        var stepsPerEpoch = StepsPerEpoch(data, options);
        var source = CreateSource(options.Strategy, (long)options.Epochs * stepsPerEpoch);
        var classifier = SoftmaxClassifier.Initial(data.TrainFeatures.ColumnCount, IrisData.Classes, options.Seed);
        var firstEpoch = 1;
        if (resumeFrom is not null)
        {
            classifier = new SoftmaxClassifier(
                MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(classifier.Weights.RowCount, classifier.Weights.ColumnCount, resumeFrom.Weights),
                MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(classifier.Weights.RowCount, classifier.Weights.ColumnCount, resumeFrom.Velocity));
            source.RestoreState(resumeFrom.SchedulerState);
            firstEpoch = resumeFrom.EpochsDone + 1;
        }

        var results = new List<EpochResult>();
        var lastEpoch = Math.Min(options.Epochs, stopAfterEpoch ?? options.Epochs);
        for (var epoch = firstEpoch; epoch <= lastEpoch; epoch++)
        {
            var order = Shuffled(data.TrainLabels.Length, new Random((options.Seed * 10_007) + epoch));
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                var batch = order[start..Math.Min(start + options.BatchSize, order.Length)];
                var rows = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRows(batch.Select(i => data.TrainFeatures.Row(i)));
                classifier.Step(rows, [.. batch.Select(i => data.TrainLabels[i])], source.Value, options.Momentum);
                source.AdvanceStep();
            }

            var validationLoss = classifier.Loss(data.ValidationFeatures, data.ValidationLabels);
            source.EndOfEpoch(validationLoss);
            results.Add(new EpochResult(
                epoch,
                classifier.Loss(data.TrainFeatures, data.TrainLabels),
                validationLoss,
                classifier.Accuracy(data.ValidationFeatures, data.ValidationLabels),
                source.Value));
            checkpoint?.Invoke(new Checkpoint(epoch, classifier.Weights.ToColumnMajorArray(), classifier.Velocity.ToColumnMajorArray(), source.SaveState()));
        }

        return results;
    }

    private static int[] Shuffled(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }
}
