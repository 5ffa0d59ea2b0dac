namespace Schedulers;

/// <summary><c>range * (1 - t / length)^power + end</c>: repeated products for small whole powers, a binomial series otherwise.</summary>
internal sealed class PowerKernel
{
    public const int MaxWholePower = 8;

    private readonly PowerSeries? _series;

    public PowerKernel(double power)
    {
        Power = power;
        _series = IsSmallWholePower(power) ? null : new PowerSeries(power);
    }

    public double Power { get; }

    public static bool IsSmallWholePower(double power) => power >= 1 && power <= MaxWholePower && power == Math.Floor(power);

    public void Fill<T>(Span<T> destination, long firstT, long length, double range, double end)
        where T : unmanaged
    {
        if (_series is null)
        {
            Kernels.Map(destination, firstT, new IntegerPowerOperator(length, (int)Power, range, end));
        }
        else
        {
            _series.Fill(destination, firstT, length, range, end);
        }
    }
}
