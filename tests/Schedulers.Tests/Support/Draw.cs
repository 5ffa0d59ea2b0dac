namespace Schedulers.Tests.Support;

/// <summary>What a scheduler's generator draws from: the builder so far and the shared draws it may depend on.</summary>
internal sealed record Draw(ScheduleBuilder Builder, Random Random, double LearningRate, long Total, long Warmup, ConfigurationScale Scale, int Depth);
