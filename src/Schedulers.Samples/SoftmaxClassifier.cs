using MathNet.Numerics.LinearAlgebra;

namespace Schedulers.Samples;

/// <summary>Multinomial logistic regression: <c>p = softmax(x W)</c>, trained by SGD with momentum on the cross-entropy.</summary>
public sealed class SoftmaxClassifier
{
    /// <summary>Initializes a new instance of the <see cref="SoftmaxClassifier"/> class from saved weights and momentum.</summary>
    /// <param name="weights">Features by classes.</param>
    /// <param name="velocity">The momentum buffer, shaped like the weights.</param>
    public SoftmaxClassifier(Matrix<double> weights, Matrix<double> velocity)
    {
        Weights = weights;
        Velocity = velocity;
    }

    /// <summary>Gets the weights (features by classes), updated in place by <see cref="Step"/>.</summary>
    public Matrix<double> Weights { get; }

    /// <summary>Gets the momentum buffer.</summary>
    public Matrix<double> Velocity { get; }

    /// <summary>Starts from small deterministic weights, so that every run with the same seed is the same run.</summary>
    /// <param name="features">Features, bias included.</param>
    /// <param name="classes">Classes.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The classifier.</returns>
    public static SoftmaxClassifier Initial(int features, int classes, int seed)
    {
        var random = new Random(seed);
        return new SoftmaxClassifier(
            Matrix<double>.Build.Dense(features, classes, (_, _) => (random.NextDouble() - 0.5) * 0.02),
            Matrix<double>.Build.Dense(features, classes));
    }

    /// <summary>Class probabilities, one row per input row.</summary>
    /// <param name="features">The rows.</param>
    /// <returns>The probabilities.</returns>
    public Matrix<double> Probabilities(Matrix<double> features)
    {
        var logits = features * Weights;
        for (var i = 0; i < logits.RowCount; i++)
        {
            var row = logits.Row(i);
            var exponentials = (row - row.Maximum()).PointwiseExp();
            logits.SetRow(i, exponentials / exponentials.Sum());
        }

        return logits;
    }

    /// <summary>Mean cross-entropy.</summary>
    /// <param name="features">The rows.</param>
    /// <param name="labels">Their classes.</param>
    /// <returns>The loss.</returns>
    public double Loss(Matrix<double> features, int[] labels)
    {
        var probabilities = Probabilities(features);
        return -labels.Select((label, i) => Math.Log(Math.Max(probabilities[i, label], 1e-300))).Average();
    }

    /// <summary>Share of rows whose most probable class is right.</summary>
    /// <param name="features">The rows.</param>
    /// <param name="labels">Their classes.</param>
    /// <returns>The accuracy.</returns>
    public double Accuracy(Matrix<double> features, int[] labels)
    {
        var probabilities = Probabilities(features);
        return labels.Where((label, i) => probabilities.Row(i).MaximumIndex() == label).Count() / (double)labels.Length;
    }

    /// <summary>One SGD step with momentum on a mini-batch: <c>v = momentum v - lr grad; W += v</c>.</summary>
    /// <param name="features">The batch's rows.</param>
    /// <param name="labels">Their classes.</param>
    /// <param name="learningRate">The learning rate of this step.</param>
    /// <param name="momentum">The momentum.</param>
    public void Step(Matrix<double> features, int[] labels, double learningRate, double momentum)
    {
        var gradient = Probabilities(features);
        for (var i = 0; i < labels.Length; i++)
        {
            gradient[i, labels[i]] -= 1.0;
        }

        gradient = features.TransposeThisAndMultiply(gradient) / labels.Length;
        Velocity.Multiply(momentum, Velocity);
        Velocity.Subtract(gradient * learningRate, Velocity);
        Weights.Add(Velocity, Weights);
    }
}
