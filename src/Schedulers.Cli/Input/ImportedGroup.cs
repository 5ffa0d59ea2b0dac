namespace Schedulers.Cli;

/// <summary>
/// One parameter group of an imported run that trains at a rate of its own (Kohya's <c>unet_lr</c>,
/// <c>text_encoder_lr</c>): the full configuration of that group's curve in our vocabulary, and the setting its rate
/// came from. <c>--group NAME</c> makes it the configuration a command works on.
/// </summary>
/// <param name="Name">The group's name (<c>unet</c>, <c>text_encoder</c>).</param>
/// <param name="Options">The group's curve as a configuration of ours.</param>
/// <param name="Origin">The setting its learning rate came from.</param>
internal sealed record ImportedGroup(string Name, ScheduleOptions Options, string Origin);
