namespace Schedulers.Cli;

/// <summary>
/// How the command line spells a contract key as a flag: kebab case (<c>--warmup-steps</c>), with the key's own
/// spelling (<c>--warmup_steps</c>) as an alias. A command-line concern, so it lives here and not in the library.
/// </summary>
internal static class CommandLineFlag
{
    /// <summary>The flag that sets <paramref name="key"/>, for example <c>--warmup-steps</c> for <c>warmup_steps</c>.</summary>
    public static string For(string key) => "--" + key.Replace('_', '-');

    /// <summary>The alias spelled as the key itself, for example <c>--warmup_steps</c>.</summary>
    public static string AliasFor(string key) => "--" + key;
}
