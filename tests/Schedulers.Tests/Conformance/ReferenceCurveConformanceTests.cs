namespace Schedulers.Tests.Conformance;

public sealed class ReferenceCurveConformanceTests
{
    public static TheoryData<string> CaseIds => ReferenceCurves.CaseIds();

    public static TheoryData<string> CatalogSchedulers => [.. SchedulerCatalog.All.Select(scheduler => scheduler.Name)];

    public static TheoryData<string> SchedulersWithoutReferenceCurve => [.. ReferenceCurves.WithoutReferenceCurve.Keys];

    [Theory]
    [MemberData(nameof(CatalogSchedulers))]
    public void Every_scheduler_has_a_reference_curve_or_a_reason_for_having_none(string scheduler)
    {
        var hasCase = ReferenceCurves.Cases.Any(entry => ReferenceCurves.SchedulerOf(entry) == scheduler);
        var reason = ReferenceCurves.WithoutReferenceCurve.GetValueOrDefault(scheduler);

        (hasCase || reason is not null).Should().BeTrue(
            "scheduler '{0}' has no reference curve: add a case for it to tests/Schedulers.Tests/Conformance/{1}, made by running its Python original, "
            + "or, if it can have none, the reason to ReferenceCurves.WithoutReferenceCurve (tests/Schedulers.Tests/Conformance/ReferenceCurves.cs)",
            scheduler, ReferenceCurves.FileName);
    }

    [Theory]
    [MemberData(nameof(SchedulersWithoutReferenceCurve))]
    public void Every_scheduler_said_to_have_no_reference_curve_is_in_the_catalog(string scheduler)
    {
        SchedulerCatalog.All.Select(descriptor => descriptor.Name).Should().Contain(
            scheduler, "ReferenceCurves.WithoutReferenceCurve names '{0}', which SchedulerCatalog.All does not list: remove or respell the entry", scheduler);
    }

    [Theory]
    [MemberData(nameof(SchedulersWithoutReferenceCurve))]
    public void No_scheduler_said_to_have_no_reference_curve_has_a_case(string scheduler)
    {
        ReferenceCurves.Cases.Select(ReferenceCurves.SchedulerOf).Should().NotContain(
            scheduler, "'{0}' has reference cases: remove its entry from ReferenceCurves.WithoutReferenceCurve", scheduler);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Every_reference_case_is_of_a_scheduler_in_the_catalog(string id)
    {
        var scheduler = ReferenceCurves.SchedulerOf(ReferenceCurves.Case(id));

        SchedulerCatalog.All.Select(descriptor => descriptor.Name).Should().Contain(scheduler, "reference case {0} is of '{1}', which SchedulerCatalog.All does not list", id, scheduler);
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
                reference[step], ReferenceCurves.Tolerance(reference[step], ReferenceCurves.LearningRateOf(entry)), "step {0} of {1}", step, id);
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
                reference[step], ReferenceCurves.Tolerance(reference[step], ReferenceCurves.LearningRateOf(entry)), "step {0} of {1}", step, id);
        }
    }
}
