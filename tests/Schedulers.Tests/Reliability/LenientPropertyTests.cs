using CsCheck;

namespace Schedulers.Tests.Reliability;

/// <summary>
/// The opt-in lenient path over mutated configurations: it either refuses with the configuration exception or builds a
/// schedule whose configuration the strict path accepts, listing every key it changed, added or removed.
/// </summary>
public sealed class LenientPropertyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Gen<string> Mutated = Gen.Int[0, int.MaxValue - 1].Select(seed =>
    {
        var random = new Random(seed);
        return ConfigurationMutator.Mutate(FuzzInputs.ValidConfiguration(random), random, FuzzInputs.Keys);
    });

    [Fact]
    public void Lenient_creation_only_builds_valid_schedules_and_lists_every_change_it_made()
    {
        var built = 0;
        SeededProperty.Check(Mutated, json =>
        {
            ScheduleOptions options;
            LenientScheduleResult result;
            try
            {
                options = ScheduleOptions.FromJson(json);
                result = LearningRateSchedule.CreateLenient(options);
            }
            catch (ScheduleConfigurationException)
            {
                return;
            }

            Interlocked.Increment(ref built);
            var strict = LearningRateSchedule.Create(result.Schedule.Options);
            strict.ToJson().Should().Be(result.Schedule.ToJson());

            var adjusted = result.Adjustments.Select(adjustment => adjustment.Key).ToHashSet();
            var before = options.Entries.GroupBy(entry => entry.Key).ToDictionary(group => group.Key, group => group.Last().Value);
            var after = result.Schedule.Options.Entries.ToDictionary(entry => entry.Key, entry => entry.Value);
            foreach (var key in before.Keys.Union(after.Keys))
            {
                var same = before.TryGetValue(key, out var old) && after.TryGetValue(key, out var now) && old.Equals(now);
                if (!same && before.ContainsKey(key))
                {
                    adjusted.Should().Contain(key, "{0} changed from {1} without an adjustment", key, before.GetValueOrDefault(key));
                }
            }
        }, iterations: 1_500);

        output.WriteLine($"1,500 mutated configurations: {built} mended and built");
        built.Should().BeGreaterThan(0, "some mutated configurations are mended");
    }
}
