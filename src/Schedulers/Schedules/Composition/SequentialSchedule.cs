using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// PyTorch's <c>SequentialLR</c>: child <c>i</c> runs from its own step 0 at milestone <c>i - 1</c> (PyTorch 1.13 calls
/// <c>step(0)</c> on it there, which gives its closed form from 0). Immutable; children are immutable too.
/// </summary>
internal sealed class SequentialSchedule : LearningRateSchedule
{
    private readonly ImmutableArray<LearningRateSchedule> _children;
    private readonly ImmutableArray<long> _starts;

    public SequentialSchedule(SchedulerDescriptor descriptor, ScheduleOptions options, double learningRate, long? totalSteps, ImmutableArray<LearningRateSchedule> children, ImmutableArray<long> milestones)
        : base(descriptor, options, learningRate, totalSteps, 0)
    {
        _children = children;
        _starts = [0, .. milestones];
    }

    public override IReadOnlyList<long> PhaseBoundaries
    {
        get
        {
            var boundaries = new SortedSet<long>(_starts.Skip(1));
            for (var i = 0; i < _children.Length; i++)
            {
                var end = i + 1 < _starts.Length ? _starts[i + 1] : long.MaxValue;
                foreach (var boundary in _children[i].PhaseBoundaries)
                {
                    if (boundary > long.MaxValue - _starts[i] || _starts[i] + boundary >= end)
                    {
                        break;
                    }

                    boundaries.Add(_starts[i] + boundary);
                }
            }

            return [.. boundaries];
        }
    }

    private protected override CourseEnd? OwnCourseEnd => _children[^1].CourseEnd is { } last
        ? (last with { Source = "the last schedule's " + last.Source }).After(_starts[^1], "the last milestone")
        : null;

    private protected override bool CanWriteJson => _children.All(child => child.IsSerializable);

    internal override long ConstantRunEnd(long step)
    {
        var index = ChildAt(step);
        var end = index + 1 < _starts.Length ? _starts[index + 1] : long.MaxValue;
        var run = _children[index].ConstantRunEnd(step - _starts[index]);
        return run > end - _starts[index] ? end : run + _starts[index];
    }

    private protected override double LearningRateAt(long step)
    {
        var index = ChildAt(step);
        return _children[index].LearningRateOfChild(step - _starts[index]);
    }

    private protected override void Fill<T>(long firstStep, Span<T> destination)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var step = firstStep + done;
            var index = ChildAt(step);
            var end = index + 1 < _starts.Length ? _starts[index + 1] : long.MaxValue;
            var part = destination.Slice(done, (int)Math.Min(end - step, destination.Length - done));
            _children[index].FillChild(step - _starts[index], part);
            done += part.Length;
        }
    }

    /// <summary>The child running at <paramref name="step"/>: the number of milestones at or before it (PyTorch's bisect_right).</summary>
    private int ChildAt(long step)
    {
        var index = _starts.BinarySearch(step);
        return index >= 0 ? index : ~index - 1;
    }
}
