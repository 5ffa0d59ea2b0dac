namespace Schedulers.Tests.Support;

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
