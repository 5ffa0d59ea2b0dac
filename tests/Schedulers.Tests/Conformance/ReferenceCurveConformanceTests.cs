namespace Schedulers.Tests.Conformance;

public sealed class ReferenceCurveConformanceTests
{
    public static TheoryData<string> CaseIds
    {
        get
        {
            var data = ReferenceCurves.HuggingFaceCaseIds();
            foreach (var id in ReferenceCurves.PyTorchCaseIds())
            {
                data.Add(id);
            }

            return data;
        }
    }

    [Fact]
    public void Every_scheduler_under_test_is_in_the_catalog()
    {
        ReferenceCurves.HuggingFaceSchedulers.Concat(ReferenceCurves.PyTorchSchedulers)
            .Should().OnlyContain(name => SchedulerCatalog.Find(name) != null);
    }

    [Fact]
    public void The_reference_file_holds_a_case_for_every_Hugging_Face_scheduler()
    {
        ReferenceCurves.Cases.Select(ReferenceCurves.SchedulerOf).Should().Contain(ReferenceCurves.HuggingFaceSchedulers);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void GetLearningRate_matches_the_reference_curve_at_every_step(string id)
    {
        var entry = ReferenceCurves.Case(id);
        var schedule = LearningRateSchedule.FromJson(entry.GetProperty("config").GetRawText());
        var reference = entry.GetProperty("lr").EnumerateArray().Select(value => value.GetDouble()).ToArray();

        for (var step = 0; step < reference.Length; step++)
        {
            schedule.GetLearningRate(step).Should().BeApproximately(
                reference[step], ReferenceCurves.Tolerance(reference[step], schedule.LearningRate), "step {0} of {1}", step, id);
        }
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Evaluate_matches_the_reference_curve_at_every_step(string id)
    {
        var entry = ReferenceCurves.Case(id);
        var schedule = LearningRateSchedule.FromJson(entry.GetProperty("config").GetRawText());
        var reference = entry.GetProperty("lr").EnumerateArray().Select(value => value.GetDouble()).ToArray();
        var curve = new double[reference.Length];

        schedule.Evaluate(0, curve);

        for (var step = 0; step < reference.Length; step++)
        {
            curve[step].Should().BeApproximately(
                reference[step], ReferenceCurves.Tolerance(reference[step], schedule.LearningRate), "step {0} of {1}", step, id);
        }
    }
}
