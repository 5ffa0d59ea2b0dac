namespace Schedulers.Designer;

/// <summary>Our JSON, entries as the person wrote them: the file <c>--config</c> and <c>LearningRateSchedule.FromJson</c> read.</summary>
internal sealed class JsonExport : IExportFormat
{
    public string Name => "json";

    public string Label => "Schedulers JSON";

    public string FileName => "schedule.json";

    public string Export(ScheduleOptions options) => options.ToJson() + "\n";
}
