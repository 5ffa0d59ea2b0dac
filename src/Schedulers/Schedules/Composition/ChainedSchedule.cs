using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// PyTorch's <c>ChainedScheduler</c>: every child applies at once and their factors multiply,
/// <c>v_0(step) * product over i &gt;= 1 of v_i(step) / learning_rate_i</c>, which is what PyTorch's chainable schedulers
/// compute when stepped together. The vector path multiplies children's filled ranges in the scalar path's order.
/// </summary>
internal sealed class ChainedSchedule : LearningRateSchedule
{
    private const int ChunkLength = 1024;

    private readonly ImmutableArray<LearningRateSchedule> _children;
    private readonly ImmutableArray<double> _inverseRates;

    public ChainedSchedule(SchedulerDescriptor descriptor, ScheduleOptions options, double learningRate, long? totalSteps, ImmutableArray<LearningRateSchedule> children)
        : base(descriptor, options, learningRate, totalSteps, 0)
    {
        _children = children;
        _inverseRates = [.. children.Select(child => 1.0 / child.LearningRate)];
    }

    public override IReadOnlyList<long> PhaseBoundaries =>
        [.. _children.SelectMany(child => child.PhaseBoundaries).Distinct().Order()];

    /// <summary>The latest end among the schedules, when each has one: until then some factor still changes.</summary>
    private protected override CourseEnd? OwnCourseEnd => _children.All(child => child.CourseEnd is not null)
        ? _children.Select(child => child.CourseEnd!.Value with { Source = "the longest schedule's " + child.CourseEnd!.Value.Source }).MaxBy(end => end.Step)
        : null;

    private protected override bool CanWriteJson => _children.All(child => child.IsSerializable);

    private protected override double LearningRateAt(long step)
    {
        var value = _children[0].LearningRateOfChild(step);
        for (var i = 1; i < _children.Length; i++)
        {
            value *= _children[i].LearningRateOfChild(step) * _inverseRates[i];
        }

        return value;
    }

    internal override long ConstantRunEnd(long step) => _children.Min(child => child.ConstantRunEnd(step));

    /// <summary>
    /// Over runs where every child but one is a step function at a constant value (a ConstantLR or a StepLR chained to a
    /// decay, the usual case), the varying child is filled and scaled by the constants' product; elsewhere chunk by
    /// chunk, every child filling a chunk that stays in the L1 cache and the factors multiplied in. The products are
    /// grouped differently from the scalar path's, within a few ulps of it.
    /// </summary>
    private protected override void Fill<T>(long firstStep, Span<T> destination)
    {
        if (_children.Length == 1)
        {
            _children[0].FillChild(firstStep, destination);
            return;
        }

        var done = 0;
        while (done < destination.Length)
        {
            var step = firstStep + done;
            var part = destination[done..];
            done += TryFillWithOneVarying(step, part) is var filled and > 0 ? filled : FillProducts(step, part[..Math.Min(ChunkLength, part.Length)]);
        }
    }

    /// <summary>Fills a run where at most one child varies; returns how many steps it filled, 0 when two or more vary.</summary>
    private int TryFillWithOneVarying<T>(long step, Span<T> destination)
        where T : unmanaged
    {
        const long MinRun = 64;
        var varying = -1;
        var runEnd = long.MaxValue;
        for (var i = 0; i < _children.Length; i++)
        {
            var end = _children[i].ConstantRunEnd(step);
            if (end - step >= MinRun)
            {
                runEnd = Math.Min(runEnd, end);
            }
            else if (varying < 0)
            {
                varying = i;
            }
            else
            {
                return 0;
            }
        }

        var part = destination[..(int)Math.Min(runEnd - step, destination.Length)];
        if (varying < 0)
        {
            Kernels.Constant(part, LearningRateAt(step));
            return part.Length;
        }

        var constant = varying == 0 ? 1.0 : _inverseRates[varying];
        for (var i = 0; i < _children.Length; i++)
        {
            if (i != varying)
            {
                constant *= i == 0 ? _children[0].LearningRateOfChild(step) : _children[i].LearningRateOfChild(step) * _inverseRates[i];
            }
        }

        for (var start = 0; start < part.Length; start += ChunkLength)
        {
            var chunk = part.Slice(start, Math.Min(ChunkLength, part.Length - start));
            _children[varying].FillChild(step + start, chunk);
            Kernels.Scale(chunk, constant);
        }

        return part.Length;
    }

    /// <summary>Fills one chunk as the scalar path does: the first child's values times each other child's factor.</summary>
    private int FillProducts<T>(long step, Span<T> chunk)
        where T : unmanaged
    {
        Span<T> factors = stackalloc T[ChunkLength];
        factors = factors[..chunk.Length];
        _children[0].FillChild(step, chunk);
        for (var i = 1; i < _children.Length; i++)
        {
            _children[i].FillChild(step, factors);
            Kernels.MultiplyByScaled(chunk, factors, _inverseRates[i]);
        }

        return chunk.Length;
    }
}
