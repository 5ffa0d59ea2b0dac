namespace Schedulers;

/// <summary><c>range * (1 - t / length)^power + end</c>: repeated products for small whole powers, the scalar <see cref="Math.Pow(double, double)"/> otherwise.</summary>
internal static class PowerKernel
{
    public const int MaxWholePower = 8;

    public static bool IsSmallWholePower(double power) => power >= 1 && power <= MaxWholePower && power == Math.Floor(power);

    public static void Fill(Span<double> destination, long firstT, long length, double power, double range, double end)
    {
        if (IsSmallWholePower(power))
        {
            Kernels.Map(destination, firstT, new IntegerPowerOperator(length, (int)power, range, end));
            return;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (range * Math.Pow(1.0 - ((double)(firstT + i) / length), power)) + end;
        }
    }
}
