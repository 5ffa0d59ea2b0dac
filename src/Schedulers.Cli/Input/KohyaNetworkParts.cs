using System.Collections.Immutable;
using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// Which parts of an sd-scripts network train, at which rates, as train_network.py and the network module decide it:
/// <c>network_train_unet_only</c> / <c>network_train_text_encoder_only</c> keep the other part out of the network
/// (<c>apply_to</c>); <c>prepare_optimizer_params</c> (networks/lora.py) gives the U-Net <c>unet_lr</c> and the text
/// encoders <c>text_encoder_lr</c>, each <c>learning_rate</c> when absent, and leaves a part whose rate is 0 out of the
/// optimizer ("NO LR skipping!"). A list of different <c>text_encoder_lr</c> values is shared as the network module
/// shares it.
/// </summary>
internal sealed class KohyaNetworkParts
{
    private const string Flux = "networks.lora_flux";
    private const string Lora = "networks.lora";

    private KohyaNetworkParts(ImmutableArray<KohyaTrainedPart> trained, ImmutableArray<string> untrained, bool hasOwnRates, ImmutableArray<string> notes)
    {
        Trained = trained;
        Untrained = untrained;
        HasOwnRates = hasOwnRates;
        Notes = notes;
    }

    /// <summary>Gets the parts that train, the U-Net first.</summary>
    public ImmutableArray<KohyaTrainedPart> Trained { get; }

    /// <summary>Gets why each part that does not train is left out (the flag, or its rate of 0).</summary>
    public ImmutableArray<string> Untrained { get; }

    /// <summary>Gets whether any part trains at a rate other than <c>learning_rate</c>, or does not train at all.</summary>
    public bool HasOwnRates { get; }

    /// <summary>Gets what the settings did that a user may not expect (a part left out, a value not used).</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Reads the parts; problems go to <paramref name="reader"/>, to be refused with the others.</summary>
    public static KohyaNetworkParts Read(KohyaSettings reader, double learningRate)
    {
        var unetLr = reader.Number(KohyaMappings.UnetLr.Source);
        var textEncoderLr = reader.Numbers(KohyaMappings.TextEncoderLr.Source);
        var unetOnly = reader.Flag(KohyaMappings.UnetOnly.Source);
        var textEncoderOnly = reader.Flag(KohyaMappings.TextEncoderOnly.Source);
        var module = reader.Text(KohyaMappings.NetworkModule.Source);
        var networkArguments = reader.Texts(KohyaMappings.NetworkArguments.Source);
        var notes = new List<string>();
        if (unetOnly && textEncoderOnly)
        {
            reader.Problem("network_train_unet_only and network_train_text_encoder_only together: train_network.py then applies the network to neither the U-Net nor the text encoders, and PyTorch's optimizer refuses the empty parameter list ('optimizer got an empty parameter list').");
            return new([], [], false, []);
        }

        var parts = new List<KohyaTrainedPart>();
        var untrained = new List<string>();
        if (textEncoderOnly)
        {
            untrained.Add("network_train_text_encoder_only: no U-Net group");
        }

        if (unetOnly)
        {
            untrained.Add("network_train_unet_only: no text encoder group");
        }

        if (!textEncoderOnly)
        {
            parts.Add(new("unet", unetLr ?? learningRate, unetLr is null ? KohyaMappings.LearningRate.Source : KohyaMappings.UnetLr.Source));
        }
        else if (unetLr is not null)
        {
            notes.Add("unet_lr is not used: network_train_text_encoder_only keeps the U-Net out of the network (train_network.py's apply_to).");
        }

        if (!unetOnly)
        {
            parts.AddRange(TextEncoders(reader, textEncoderLr, learningRate, module, networkArguments, notes));
        }
        else if (textEncoderLr is not null)
        {
            notes.Add("text_encoder_lr is not used: network_train_unet_only keeps the text encoders out of the network (train_network.py's apply_to).");
        }

        foreach (var part in parts.Where(part => part.Origin != KohyaMappings.LearningRate.Source && !(part.Rate >= 0 && double.IsFinite(part.Rate))))
        {
            reader.Problem($"{part.Origin} {Format(part.Rate)}: PyTorch's optimizer refuses a learning rate that is not a finite number >= 0 ('Invalid learning rate').");
        }

        // networks/lora.py's assemble_params leaves a group whose rate is 0 out of the optimizer ("NO LR skipping!").
        untrained.AddRange(parts.Where(part => part.Rate == 0).Select(part => $"{part.Origin} 0: no {part.Name} group ('NO LR skipping!')"));

        var trained = parts.Where(part => part.Rate != 0).ToImmutableArray();
        if (trained.IsEmpty && parts.Count > 0)
        {
            reader.Problem($"no part of the network trains ({string.Join(", ", parts.Select(part => $"{part.Origin} 0"))}): sd-scripts gives the optimizer no parameters, and PyTorch refuses the empty parameter list ('optimizer got an empty parameter list').");
        }

        var hasOwnRates = unetOnly || textEncoderOnly || trained.Length != parts.Count || trained.Any(part => part.Rate != learningRate);
        return new(trained, [.. untrained], hasOwnRates, [.. notes]);
    }

    /// <summary>
    /// The text encoders' groups: one at <c>text_encoder_lr</c> (its one value, or <c>learning_rate</c>), or, for a list
    /// of different values, as the network module shares them.
    /// </summary>
    private static IEnumerable<KohyaTrainedPart> TextEncoders(KohyaSettings reader, IReadOnlyList<double>? rates, double learningRate, string? module, IReadOnlyList<string> networkArguments, List<string> notes)
    {
        const string Name = "text_encoder";
        if (rates is null || rates.Count == 0)
        {
            return [new(Name, learningRate, KohyaMappings.LearningRate.Source)];
        }

        var given = string.Join(" ", rates.Select(Format));
        if (rates.All(rate => rate.Equals(rates[0])))
        {
            return [new(Name, rates[0], KohyaMappings.TextEncoderLr.Source)];
        }

        switch (module)
        {
            case Lora:
                // train_network.py's backward compatibility for networks without prepare_optimizer_params_with_multiple_te_lrs.
                notes.Add($"text_encoder_lr {given}: networks.lora has no prepare_optimizer_params_with_multiple_te_lrs, so train_network.py passes its first value to every text encoder; the others are not used.");
                return [new(Name, rates[0], "text_encoder_lr[0]")];
            case Flux:
                if (rates.Count > 2)
                {
                    notes.Add($"text_encoder_lr {given}: networks.lora_flux reads two values (CLIP-L, T5XXL); the others are not used.");
                }

                if (!networkArguments.Any(argument => argument.Split('=', 2) is [var key, "True"] && key == "train_t5xxl"))
                {
                    notes.Add($"text_encoder_lr[1] {Format(rates[1])} is not used: networks.lora_flux makes no T5XXL modules without train_t5xxl=True in network_args, so only CLIP-L trains at text_encoder_lr[0].");
                    return [new(Name + "1", rates[0], "text_encoder_lr[0]")];
                }

                return [new(Name + "1", rates[0], "text_encoder_lr[0]"), new(Name + "2", rates[1], "text_encoder_lr[1]")];
            default:
                reader.Problem($"text_encoder_lr {given}: how different values are shared among the text encoders depends on network_module ({(module is null ? "not set here" : $"'{module}' here")}): networks.lora (SD 1.x, 2.x, SDXL) gives the first to every text encoder (train_network.py), networks.lora_flux one each to CLIP-L and T5XXL (prepare_optimizer_params_with_multiple_te_lrs). This import follows those two; set network_module to one of them, or give one value.");
                return [];
        }
    }

    private static string Format(double number) => number.ToString("R", CultureInfo.InvariantCulture);
}
