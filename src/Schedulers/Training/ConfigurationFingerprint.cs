using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Schedulers;

/// <summary>
/// The SHA-256 of what a saved state depends on: the configuration and every group. A schedule that holds C# code (a
/// LambdaLR) has no configuration text, so its values at a fixed set of steps stand in for it.
/// </summary>
internal static class ConfigurationFingerprint
{
    private static readonly long[] SampledSteps = [0, 1, 2, 3, 5, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    public static string Of(string kind, string configuration, IEnumerable<ParameterGroup> groups)
    {
        var text = new StringBuilder().Append(kind).Append('\n').Append(configuration);
        foreach (var group in groups)
        {
            text.Append('\n').Append(group.Name).Append('\t').Append(group.BaseValue.ToString("R", CultureInfo.InvariantCulture))
                .Append('\t').Append(group.MinValue?.ToString("R", CultureInfo.InvariantCulture) ?? "-")
                .Append('\t').Append(group.Schedule is null ? "-" : Describe(group.Schedule));
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }

    public static string Describe(LearningRateSchedule schedule) => schedule.IsSerializable
        ? schedule.ToJson()
        : schedule.Name + ":" + string.Join(',', SampledSteps.Select(step => schedule.GetLearningRate(step).ToString("R", CultureInfo.InvariantCulture)));
}
