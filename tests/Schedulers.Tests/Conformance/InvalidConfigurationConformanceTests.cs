namespace Schedulers.Tests.Conformance;

public sealed class InvalidConfigurationConformanceTests
{
    public static TheoryData<string> InvalidIds => ReferenceCurves.InvalidIds();

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void Each_invalid_reference_configuration_is_refused_naming_every_key_at_fault(string id)
    {
        var entry = ReferenceCurves.InvalidEntry(id);
        var mustName = entry.GetProperty("must_name").EnumerateArray().Select(key => key.GetString()!).ToList();

        var refusal = FluentActions.Invoking(() => LearningRateSchedule.FromJson(entry.GetProperty("config").GetRawText()))
            .Should().Throw<ScheduleConfigurationException>().Which;

        refusal.Keys.Should().Contain(mustName);
        foreach (var key in mustName)
        {
            refusal.Message.Should().Contain(key);
        }
    }
}
