namespace Schedulers.Tests.Catalog;

public sealed class CatalogTests
{
    [Fact]
    public void A_GUI_can_ask_which_parameters_cosine_takes()
    {
        SchedulerCatalog.Find("cosine")!.Parameters.Select(parameter => parameter.Key).Should().BeEquivalentTo(
            ["learning_rate", "total_steps", "warmup_steps", "warmup_ratio", "warmup_start_lr", "num_cycles", "min_lr", "min_lr_ratio", "steps_per_epoch"]);
    }

    [Fact]
    public void Constant_takes_no_warmup_parameter()
    {
        var constant = SchedulerCatalog.Find("CONSTANT")!;

        constant.Warmup.Should().Be(WarmupSupport.None);
        constant.Takes("warmup_steps").Should().BeFalse();
    }

    [Fact]
    public void Every_scheduler_a_configuration_can_describe_takes_total_steps()
    {
        SchedulerCatalog.All.Where(scheduler => !scheduler.IsCodeOnly).Should().OnlyContain(scheduler => scheduler.Takes("total_steps"));
    }

    [Fact]
    public void Every_scheduler_but_the_custom_curves_and_the_Keras_family_takes_learning_rate_first()
    {
        SchedulerCatalog.All.Where(scheduler => scheduler.Family is not (SchedulerFamily.Custom or SchedulerFamily.Keras))
            .Should().OnlyContain(scheduler => scheduler.Parameters[0].Key == "learning_rate");
    }

    [Fact]
    public void Every_Keras_scheduler_takes_initial_learning_rate_first_and_no_learning_rate_but_the_one_whose_values_are_rates()
    {
        var keras = SchedulerCatalog.All.Where(scheduler => scheduler.Family == SchedulerFamily.Keras).ToList();

        keras.Should().NotContain(scheduler => scheduler.Takes("learning_rate"));
        keras.Where(scheduler => scheduler.Name != "PiecewiseConstantDecay").Should().OnlyContain(scheduler => scheduler.Parameters[0].Key == "initial_learning_rate");
    }

    [Fact]
    public void Interpolated_curves_take_their_learning_rates_from_their_points_only()
    {
        SchedulerCatalog.Find("interpolated")!.Takes("learning_rate").Should().BeFalse();
    }

    [Fact]
    public void Scheduler_names_are_unique_ignoring_case()
    {
        SchedulerCatalog.All.Select(scheduler => scheduler.Name.ToUpperInvariant()).Should().OnlyHaveUniqueItems();
    }

    /// <summary>
    /// The contract gives timm's decay_t two shapes, as timm does: a number of steps between decays for
    /// StepLRScheduler, a list of steps for MultiStepLRScheduler. The command line reads a flag by the chosen
    /// scheduler's descriptor (CommandLineFlagTests check decay_t both ways).
    /// </summary>
    private static readonly string[] KeysWithTwoShapes = [ScheduleKeys.DecayT];

    [Fact]
    public void A_key_has_one_type_across_schedulers()
    {
        foreach (var key in SchedulerCatalog.AllParameterKeys.Except(KeysWithTwoShapes))
        {
            SchedulerCatalog.All.Select(scheduler => scheduler.Find(key)).OfType<ParameterDescriptor>()
                .Select(parameter => parameter.Kind == ParameterKind.Integer ? ParameterKind.Number : parameter.Kind)
                .Distinct().Should().HaveCount(1, "key {0} must parse the same way whichever scheduler takes it", key);
        }
    }

    [Fact]
    public void Timms_decay_t_is_a_number_for_StepLRScheduler_and_a_list_for_MultiStepLRScheduler()
    {
        SchedulerCatalog.Find("StepLRScheduler")!.Find(ScheduleKeys.DecayT)!.Kind.Should().Be(ParameterKind.Number);
        SchedulerCatalog.Find("MultiStepLRScheduler")!.Find(ScheduleKeys.DecayT)!.Kind.Should().Be(ParameterKind.IntegerList);
    }

    /// <summary>The command line makes one option of each key, named by its flag and by <c>--key</c>.</summary>
    [Fact]
    public void No_two_keys_share_a_command_line_flag()
    {
        SchedulerCatalog.AllParameterKeys
            .SelectMany(key => new[] { Schedulers.Cli.CommandLineFlag.For(key), Schedulers.Cli.CommandLineFlag.AliasFor(key) }.Distinct(StringComparer.Ordinal))
            .Should().OnlyHaveUniqueItems("two keys with one flag would leave one of them out of reach of the command line");
    }

    [Fact]
    public void Every_default_is_a_valid_value_of_its_parameter()
    {
        foreach (var parameter in SchedulerCatalog.All.SelectMany(scheduler => scheduler.Parameters).Where(parameter => parameter.DefaultValue is not null))
        {
            var value = parameter.DefaultValue!;
            if (parameter.Range is not null)
            {
                parameter.Range.Contains(value.NumberValue, learningRate: 1.0).Should().BeTrue("the default of {0} must be valid", parameter.Key);
            }

            if (parameter.Kind == ParameterKind.Choice)
            {
                parameter.Choices.Should().Contain(value.TextValue);
            }
        }
    }

    [Fact]
    public void Alternatives_name_each_other()
    {
        foreach (var scheduler in SchedulerCatalog.All)
        {
            foreach (var parameter in scheduler.Parameters)
            {
                foreach (var alternative in parameter.Alternatives.Where(scheduler.Takes))
                {
                    scheduler.Find(alternative)!.Alternatives.Should().Contain(parameter.Key);
                }
            }
        }
    }
}
