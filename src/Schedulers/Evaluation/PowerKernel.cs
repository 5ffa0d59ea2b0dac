namespace Schedulers;

/// <summary><c>range * (1 - t / length)^power + end</c>: repeated products for small whole powers, a binomial series otherwise.</summary>
internal sealed class PowerKernel
{
    public const int MaxWholePower = 8;

    /// <summary>Above this power the series' terms overflow (the curve is 0 after its first step anyway): plain Math.Pow.</summary>
    public const double MaxSeriesPower = 1_000;

    private readonly PowerSeries? _series;

    public PowerKernel(double power)
    {
        Power = power;
        _series = IsSmallWholePower(power) || power > MaxSeriesPower ? null : new PowerSeries(power);
    }

    public double Power { get; }

    public static bool IsSmallWholePower(double power) => power >= 1 && power <= MaxWholePower && power == Math.Floor(power);

    public void Fill<T>(Span<T> destination, long firstT, long length, double range, double end)
        where T : unmanaged
    {
        if (Power > MaxSeriesPower)
        {
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = Lanes.From<T>((range * Math.Pow(1.0 - ((double)(firstT + i) / length), Power)) + end);
            }
        }
        else if (_series is null)
        {
            Kernels.Map(destination, firstT, new IntegerPowerOperator(length, (int)Power, range, end));
        }
        else
        {
            _series.Fill(destination, firstT, length, range, end);
        }
    }
}
