namespace Schedulers.Cli;

/// <summary>
/// A part of an sd-scripts network that becomes one optimizer parameter group (the U-Net, or the text encoders, or one
/// text encoder): its group's name for <c>--group</c>, its rate, and the setting the rate came from.
/// </summary>
/// <param name="Name">The group's name (<c>unet</c>, <c>text_encoder</c>, <c>text_encoder1</c>, ...).</param>
/// <param name="Rate">The rate sd-scripts gives the group.</param>
/// <param name="Origin">The setting the rate came from, as <c>validate</c> names it.</param>
internal sealed record KohyaTrainedPart(string Name, double Rate, string Origin);
