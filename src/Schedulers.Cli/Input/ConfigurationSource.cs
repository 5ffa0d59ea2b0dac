namespace Schedulers.Cli;

/// <summary>What <c>--config FILE</c> holds, chosen with <c>--from</c>.</summary>
internal enum ConfigurationSource
{
    /// <summary>Our own JSON configuration, in the contract's vocabulary.</summary>
    Json,

    /// <summary>sd-scripts settings: a TOML config file, or <c>--key value</c> arguments after <c>--</c>.</summary>
    Kohya,

    /// <summary>A Hugging Face <c>TrainingArguments</c> JSON.</summary>
    Hf,

    /// <summary>timm's <c>args.yaml</c>: train.py's arguments as it saves them next to every run.</summary>
    Timm,
}
