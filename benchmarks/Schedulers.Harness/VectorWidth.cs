using System.Runtime.Intrinsics;

namespace Schedulers.Harness;

/// <summary>
/// The widths the harness measures, the runtime switch that forces each one in a child process, and what a process
/// really got: a switch the runtime ignores (as .NET 10 ignores <c>DOTNET_EnableAVX512F</c>) must show, not pass as
/// a narrower measurement.
/// </summary>
internal sealed record VectorWidth(int Bits)
{
    /// <summary>The switches a child clears before setting its own, so that "widest" means the runtime's default.</summary>
    public static readonly string[] Switches = ["DOTNET_EnableAVX512", "DOTNET_EnableAVX512F", "DOTNET_EnableAVX2", "DOTNET_EnableHWIntrinsic"];

    public static readonly string[] Names = ["widest", "256", "128"];

    public static VectorWidth Current { get; } = new(
        Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0);

    public static string Describe() =>
        $"Vector512 {Yes(Vector512.IsHardwareAccelerated)}, Vector256 {Yes(Vector256.IsHardwareAccelerated)}, Vector128 {Yes(Vector128.IsHardwareAccelerated)}";

    /// <summary>The environment variable that forces <paramref name="name"/>, or <see langword="null"/> for the default.</summary>
    public static string? SwitchFor(string name) => name switch
    {
        "256" => "DOTNET_EnableAVX512",
        "128" => "DOTNET_EnableAVX2",
        _ => null,
    };

    /// <summary>Whether this process has the width <paramref name="name"/> asked for (256 is the widest on a machine without AVX-512).</summary>
    public bool Honours(string name) => name switch
    {
        "256" => Bits == 256,
        "128" => Bits == 128,
        _ => true,
    };

    public override string ToString() => Bits == 0 ? "scalar (no vector unit)" : $"{Bits}-bit";

    private static string Yes(bool accelerated) => accelerated ? "yes" : "no";
}
