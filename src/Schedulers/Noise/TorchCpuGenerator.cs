using System.Diagnostics;

namespace Schedulers;

/// <summary>
/// PyTorch's CPU random generator (<c>at::CPUGeneratorImpl</c>, PyTorch 1.13), reduced to what
/// <c>torch.randn(1, generator=g)</c> draws from it after <c>g.manual_seed(seed)</c>:
/// <list type="bullet">
/// <item>the engine, <c>at::mt19937</c> (<c>aten/src/ATen/core/MT19937RNGEngine.h</c>): Matsumoto and Nishimura's
/// mt19937 seeded with the low 32 bits of the seed by the standard initialisation, its state regenerated whole when used up;</item>
/// <item><c>random64()</c>: two 32-bit outputs, the first as the high half (<c>CPUGeneratorImpl.cpp</c>);</item>
/// <item>the uniform double of <c>uniform_real_distribution&lt;double&gt;(0, 1)</c>: the low 53 bits of <c>random64()</c>
/// times 2^-53 (<c>TransformationHelper.h</c>);</item>
/// <item><c>normal_distribution&lt;double&gt;</c> (<c>DistributionsHelper.h</c>): Box-Muller, <c>r = sqrt(-2 log(1 - u2))</c>,
/// <c>theta = 2 pi u1</c>, returning <c>r cos(theta)</c> and caching <c>r sin(theta)</c> for the generator's next normal
/// draw (<c>manual_seed</c> clears the cache);</item>
/// <item>for a one-element float tensor, <c>normal_kernel</c> (<c>aten/src/ATen/native/cpu/DistributionTemplates.h</c>)
/// takes the serial path, one double normal narrowed to float.</item>
/// </list>
/// The state lives in a span the caller owns (a <c>stackalloc</c> of <see cref="StateLength"/> words), so drawing
/// allocates nothing. The transcendental functions are .NET's <see cref="Math"/>, which calls the platform's C library
/// as PyTorch does; a value is narrowed to float before use, which hides a last-bit difference between libraries.
/// </summary>
internal ref struct TorchCpuGenerator
{
    /// <summary>The words of mt19937's state.</summary>
    public const int StateLength = 624;

    private const int Shift = 397;
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;

    /// <summary>2^-53: PyTorch's divisor for 53 random bits.</summary>
    private const double UniformDivisor = 1.0 / (1UL << 53);

    private readonly Span<uint> _state;
    private int _left;
    private int _next;
    private double _cachedNormal;
    private bool _hasCachedNormal;

    /// <summary>Seeds the generator as <c>torch.Generator().manual_seed(seed)</c> does (only the low 32 bits reach the engine).</summary>
    /// <param name="seed">The seed, as PyTorch's <c>uint64_t</c>.</param>
    /// <param name="state">Space for the state: exactly <see cref="StateLength"/> words.</param>
    public TorchCpuGenerator(ulong seed, Span<uint> state)
    {
        Debug.Assert(state.Length == StateLength, "mt19937 holds 624 words of state.");
        _state = state;
        _state[0] = unchecked((uint)seed);
        for (var j = 1; j < StateLength; j++)
        {
            var previous = _state[j - 1];
            _state[j] = unchecked((1812433253u * (previous ^ (previous >> 30))) + (uint)j);
        }

        _left = 1;
        _next = 0;
        _cachedNormal = 0;
        _hasCachedNormal = false;
    }

    /// <summary>The engine's next 32-bit output (<c>at::mt19937::operator()</c>, <c>CPUGeneratorImpl::random()</c>).</summary>
    /// <returns>The tempered word.</returns>
    public uint NextUInt32()
    {
        if (--_left == 0)
        {
            NextState();
        }

        var y = _state[_next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        return y;
    }

    /// <summary><c>CPUGeneratorImpl::random64()</c>: the first 32-bit output is the high half.</summary>
    /// <returns>64 random bits.</returns>
    public ulong NextUInt64()
    {
        ulong high = NextUInt32();
        ulong low = NextUInt32();
        return (high << 32) | low;
    }

    /// <summary><c>uniform_real_distribution&lt;double&gt;(0, 1)</c>: 53 random bits times 2^-53, in [0, 1).</summary>
    /// <returns>The uniform draw.</returns>
    public double NextUniform() => (NextUInt64() & ((1UL << 53) - 1)) * UniformDivisor;

    /// <summary><c>normal_distribution&lt;double&gt;(0, 1)</c>: the cached Box-Muller sample if there is one, else a new pair.</summary>
    /// <returns>The standard normal draw, in double precision.</returns>
    public double NextNormal()
    {
        if (_hasCachedNormal)
        {
            _hasCachedNormal = false;
            return _cachedNormal;
        }

        var u1 = NextUniform();
        var u2 = NextUniform();

        // 1 - u2 is exact (u2 is a multiple of 2^-53 below 1), so the logarithm's argument is never 0.
        var r = Math.Sqrt(-2.0 * Math.Log(1.0 - u2));
        var theta = 2.0 * Math.PI * u1;
        _cachedNormal = r * Math.Sin(theta);
        _hasCachedNormal = true;
        return r * Math.Cos(theta);
    }

    /// <summary><c>torch.randn(1, generator=g).item()</c>: a double normal narrowed to float, read back as a Python float.</summary>
    /// <returns>The draw, a float value held in a double.</returns>
    public double NextRandn() => (float)NextNormal();

    private static uint Twist(uint u, uint v) => (((u & UpperMask) | (v & LowerMask)) >> 1) ^ ((v & 1) != 0 ? MatrixA : 0u);

    /// <summary>Regenerates the whole state, in PyTorch's order (<c>next_state</c>).</summary>
    private void NextState()
    {
        var state = _state;
        _left = StateLength;
        _next = 0;
        var p = 0;
        for (; p < StateLength - Shift; p++)
        {
            state[p] = state[p + Shift] ^ Twist(state[p], state[p + 1]);
        }

        for (; p < StateLength - 1; p++)
        {
            state[p] = state[p + Shift - StateLength] ^ Twist(state[p], state[p + 1]);
        }

        state[p] = state[p + Shift - StateLength] ^ Twist(state[p], state[0]);
    }
}
