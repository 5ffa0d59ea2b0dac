using System.Text.Json;
using Schedulers.Samples;

namespace Schedulers.Tests.Training;

/// <summary>The sample's training loop, briefly: it learns, and a run resumed from a checkpoint is the uninterrupted run.</summary>
public sealed class TrainingSampleTests
{
    private static readonly IrisData Data = IrisData.Load();

    [Theory]
    [InlineData(Strategy.Constant)]
    [InlineData(Strategy.WarmupCosine)]
    [InlineData(Strategy.Plateau)]
    public void Resuming_from_a_checkpoint_reproduces_the_uninterrupted_run(Strategy strategy)
    {
        var options = new TrainingOptions(strategy, Epochs: 12);
        var uninterrupted = Trainer.Run(Data, options);
        string? saved = null;

        var firstPart = Trainer.Run(Data, options, stopAfterEpoch: 5, checkpoint: checkpoint => saved = JsonSerializer.Serialize(checkpoint));
        var rest = Trainer.Run(Data, options, resumeFrom: JsonSerializer.Deserialize<Checkpoint>(saved!));

        firstPart.Concat(rest).Should().Equal(uninterrupted);
    }

    [Fact]
    public void Warmup_and_cosine_learn_to_classify_the_validation_flowers()
    {
        var results = Trainer.Run(Data, new TrainingOptions(Strategy.WarmupCosine, Epochs: 30));

        results[^1].ValidationAccuracy.Should().BeGreaterThan(0.9);
        results[^1].TrainLoss.Should().BeLessThan(results[0].TrainLoss);
    }

    [Fact]
    public void The_plateau_run_reduces_its_learning_rate_when_the_validation_loss_stalls()
    {
        var results = Trainer.Run(Data, new TrainingOptions(Strategy.Plateau, Epochs: 60));

        results[^1].LearningRate.Should().BeLessThan(0.3);
    }
}
