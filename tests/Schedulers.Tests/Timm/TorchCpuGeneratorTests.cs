namespace Schedulers.Tests.Timm;

/// <summary>
/// The C# PyTorch CPU generator behind timm's noise. Its outputs are checked against values published for the
/// originals: mt19937's reference outputs for the default seed 5489, and the draws of <c>torch.randn</c> after
/// <c>torch.manual_seed(0)</c> and <c>torch.manual_seed(42)</c> that PyTorch's tutorials print (tensors of fewer than 16
/// elements take the serial path a one-element draw takes). The reference curves with noise
/// (timm-keras-curves.json) check the whole chain as timm runs it.
/// </summary>
public sealed class TorchCpuGeneratorTests
{
    [Fact]
    public void Mt19937_seeded_with_its_default_5489_first_outputs_3499211612()
    {
        Span<uint> state = stackalloc uint[TorchCpuGenerator.StateLength];
        var generator = new TorchCpuGenerator(5489, state);

        generator.NextUInt32().Should().Be(3499211612u);
    }

    /// <summary>The C++ standard's check of <c>std::mt19937</c> ([rand.predef]): the 10000th output of a default-constructed engine.</summary>
    [Fact]
    public void The_ten_thousandth_output_of_mt19937_seeded_with_5489_is_the_one_the_Cpp_standard_gives()
    {
        Span<uint> state = stackalloc uint[TorchCpuGenerator.StateLength];
        var generator = new TorchCpuGenerator(5489, state);
        uint output = 0;

        for (var i = 0; i < 10_000; i++)
        {
            output = generator.NextUInt32();
        }

        output.Should().Be(4123659995u);
    }

    [Fact]
    public void Only_the_low_32_bits_of_the_seed_reach_the_engine()
    {
        Span<uint> state = stackalloc uint[TorchCpuGenerator.StateLength];
        var generator = new TorchCpuGenerator(5489 + (1UL << 32), state);

        generator.NextUInt32().Should().Be(3499211612u);
    }

    [Fact]
    public void Random64_puts_the_first_32_bit_output_in_the_high_half()
    {
        Span<uint> words = stackalloc uint[TorchCpuGenerator.StateLength];
        Span<uint> longs = stackalloc uint[TorchCpuGenerator.StateLength];
        var byWords = new TorchCpuGenerator(7, words);
        var byLongs = new TorchCpuGenerator(7, longs);

        var high = byWords.NextUInt32();
        var low = byWords.NextUInt32();

        byLongs.NextUInt64().Should().Be(((ulong)high << 32) | low);
    }

    [Fact]
    public void A_uniform_draw_is_a_multiple_of_2_to_the_minus_53_in_0_to_1()
    {
        Span<uint> state = stackalloc uint[TorchCpuGenerator.StateLength];
        var generator = new TorchCpuGenerator(3, state);

        for (var i = 0; i < 1_000; i++)
        {
            var value = generator.NextUniform();
            value.Should().BeInRange(0.0, 1.0).And.NotBe(1.0);
            (value * (1UL << 53)).Should().Be(Math.Floor(value * (1UL << 53)));
        }
    }

    [Theory]
    [InlineData(0UL, 1.5410, -0.2934)]
    [InlineData(42UL, 0.3367, 0.1288)]
    public void The_first_two_randn_draws_are_those_PyTorch_prints_for_the_seed(ulong seed, double first, double second)
    {
        Span<uint> state = stackalloc uint[TorchCpuGenerator.StateLength];
        var generator = new TorchCpuGenerator(seed, state);

        Math.Round(generator.NextRandn(), 4).Should().Be(first);
        Math.Round(generator.NextRandn(), 4).Should().Be(second);
    }

    [Fact]
    public void The_second_normal_draw_is_the_sine_half_of_the_first_Box_Muller_pair()
    {
        Span<uint> normals = stackalloc uint[TorchCpuGenerator.StateLength];
        Span<uint> uniforms = stackalloc uint[TorchCpuGenerator.StateLength];
        var generator = new TorchCpuGenerator(11, normals);
        var twin = new TorchCpuGenerator(11, uniforms);
        var u1 = twin.NextUniform();
        var u2 = twin.NextUniform();
        var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - u2));

        generator.NextNormal().Should().Be(radius * Math.Cos(2.0 * Math.PI * u1));
        generator.NextNormal().Should().Be(radius * Math.Sin(2.0 * Math.PI * u1));
        generator.NextNormal().Should().NotBe(radius * Math.Sin(2.0 * Math.PI * u1), "a third draw starts a new pair");
    }

    [Fact]
    public void A_randn_draw_is_a_float_read_back_as_a_double()
    {
        Span<uint> state = stackalloc uint[TorchCpuGenerator.StateLength];
        var generator = new TorchCpuGenerator(5, state);

        for (var i = 0; i < 100; i++)
        {
            var draw = generator.NextRandn();
            ((double)(float)draw).Should().Be(draw);
        }
    }

    [Fact]
    public void The_redraw_loop_ends_below_the_bound_for_every_seed_at_the_smallest_bound()
    {
        var noise = new TimmNoise(0, null, TimmParameters.MinNoisePct, 0);

        for (long step = 0; step < 3_000; step++)
        {
            Math.Abs(noise.Draw(step)).Should().BeLessThan(TimmParameters.MinNoisePct, "step {0}", step);
        }
    }

    [Fact]
    public void A_steps_noise_depends_on_noise_seed_plus_the_step_alone()
    {
        new TimmNoise(0, null, 0.67, 40).Draw(5).Should().Be(new TimmNoise(3, 9, 0.67, 42).Draw(3));
    }

    [Fact]
    public void A_steps_noise_is_the_first_draw_of_its_generator_that_lies_inside_the_bound()
    {
        Span<uint> state = stackalloc uint[TorchCpuGenerator.StateLength];
        var generator = new TorchCpuGenerator(42 + 17, state);
        double draw;
        do
        {
            draw = generator.NextRandn();
        }
        while (Math.Abs(draw) >= 0.2);

        new TimmNoise(0, null, 0.2, 42).Draw(17).Should().Be(draw);
    }
}
