using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace Schedulers.Samples;

/// <summary>
/// The Iris data split into training and validation rows (every fifth flower validates), features standardised with the
/// training rows' mean and deviation, and a constant 1 column for the bias.
/// </summary>
public sealed class IrisData
{
    private IrisData(Matrix<double> trainFeatures, int[] trainLabels, Matrix<double> validationFeatures, int[] validationLabels)
    {
        TrainFeatures = trainFeatures;
        TrainLabels = trainLabels;
        ValidationFeatures = validationFeatures;
        ValidationLabels = validationLabels;
    }

    /// <summary>The number of species.</summary>
    public const int Classes = 3;

    /// <summary>Gets the training rows: four standardised measurements and a 1 for the bias.</summary>
    public Matrix<double> TrainFeatures { get; }

    /// <summary>Gets the species of each training row.</summary>
    public int[] TrainLabels { get; }

    /// <summary>Gets the validation rows, standardised like the training rows.</summary>
    public Matrix<double> ValidationFeatures { get; }

    /// <summary>Gets the species of each validation row.</summary>
    public int[] ValidationLabels { get; }

    /// <summary>Reads the CSV shipped beside the program (or <paramref name="path"/>).</summary>
    /// <param name="path">The CSV file; by default Data/iris.csv in the program's folder.</param>
    /// <returns>The split, standardised data.</returns>
    public static IrisData Load(string? path = null)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, "Data", "iris.csv");
        var rows = File.ReadLines(path).Skip(1)
            .Select(line => line.Split(','))
            .Select(cells => (Features: cells[..4].Select(cell => double.Parse(cell, CultureInfo.InvariantCulture)).ToArray(), Label: int.Parse(cells[4], CultureInfo.InvariantCulture)))
            .ToArray();
        var train = rows.Where((_, i) => i % 5 != 4).ToArray();
        var validation = rows.Where((_, i) => i % 5 == 4).ToArray();

        var mean = Enumerable.Range(0, 4).Select(j => train.Average(row => row.Features[j])).ToArray();
        var deviation = Enumerable.Range(0, 4).Select(j => Math.Sqrt(train.Average(row => Math.Pow(row.Features[j] - mean[j], 2)))).ToArray();
        Matrix<double> Features((double[] Features, int Label)[] set) =>
            Matrix<double>.Build.Dense(set.Length, 5, (i, j) => j == 4 ? 1.0 : (set[i].Features[j] - mean[j]) / deviation[j]);

        return new IrisData(Features(train), [.. train.Select(row => row.Label)], Features(validation), [.. validation.Select(row => row.Label)]);
    }
}
