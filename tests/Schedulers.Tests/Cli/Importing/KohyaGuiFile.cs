using System.Text.Json;
using System.Text.Json.Nodes;

namespace Schedulers.Tests.Cli.Importing;

/// <summary>
/// Kohya GUI LoRA configuration files as the GUI saves them: every field of the tab, sorted, numbers sometimes as
/// strings, <c>""</c> for an empty field, booleans, paths. Written for these tests (a plausible SD 1.5 LoRA run), with
/// the settings a test is about replaced.
/// </summary>
internal static class KohyaGuiFile
{
    /// <summary>An override value that removes the key: a file saved by a GUI release without that field.</summary>
    public static readonly object Absent = new();

    /// <summary>A save of a GUI release without the <c>lr_warmup_steps</c> field.</summary>
    public static string Lora(params (string Key, object Value)[] overrides) => Write(false, overrides);

    /// <summary>A save of a GUI release with the <c>lr_warmup_steps</c> field (absolute warmup steps, 0 when unused).</summary>
    public static string LoraWithWarmupSteps(params (string Key, object Value)[] overrides) => Write(true, overrides);

    private static string Write(bool withWarmupSteps, (string Key, object Value)[] overrides)
    {
        var file = new JsonObject
        {
            ["LoRA_type"] = "Standard",
            ["LyCORIS_preset"] = "full",
            ["adaptive_noise_scale"] = 0,
            ["additional_parameters"] = "",
            ["block_alphas"] = "",
            ["block_dims"] = "",
            ["bucket_no_upscale"] = true,
            ["bucket_reso_steps"] = 64,
            ["cache_latents"] = true,
            ["cache_latents_to_disk"] = false,
            ["caption_dropout_every_n_epochs"] = 0.0,
            ["caption_dropout_rate"] = 0,
            ["caption_extension"] = ".txt",
            ["clip_skip"] = "1",
            ["color_aug"] = false,
            ["conv_alpha"] = 1,
            ["conv_dim"] = 1,
            ["dataset_config"] = "",
            ["enable_bucket"] = true,
            ["epoch"] = 10,
            ["flip_aug"] = false,
            ["gpu_ids"] = "",
            ["gradient_accumulation_steps"] = 1,
            ["gradient_checkpointing"] = true,
            ["keep_tokens"] = "0",
            ["learning_rate"] = 0.0001,
            ["logging_dir"] = "/home/me/lora/log",
            ["lr_scheduler"] = "cosine",
            ["lr_scheduler_args"] = "",
            ["lr_scheduler_num_cycles"] = "",
            ["lr_scheduler_power"] = "",
            ["lr_scheduler_type"] = "",
            ["lr_warmup"] = 0,
            ["max_bucket_reso"] = 2048,
            ["max_data_loader_n_workers"] = "0",
            ["max_resolution"] = "768,768",
            ["max_token_length"] = "75",
            ["max_train_epochs"] = "",
            ["max_train_steps"] = "",
            ["min_bucket_reso"] = 256,
            ["min_snr_gamma"] = 5,
            ["mixed_precision"] = "bf16",
            ["multi_gpu"] = false,
            ["network_alpha"] = 16,
            ["network_dim"] = 32,
            ["noise_offset"] = 0.0357,
            ["noise_offset_type"] = "Original",
            ["num_cpu_threads_per_process"] = 2,
            ["num_machines"] = 1,
            ["num_processes"] = 1,
            ["optimizer"] = "AdamW8bit",
            ["optimizer_args"] = "",
            ["output_dir"] = "/home/me/lora/model",
            ["output_name"] = "my_style_v2",
            ["persistent_data_loader_workers"] = false,
            ["pretrained_model_name_or_path"] = "runwayml/stable-diffusion-v1-5",
            ["prior_loss_weight"] = 1.0,
            ["reg_data_dir"] = "",
            ["resume"] = "",
            ["sample_every_n_epochs"] = 0,
            ["sample_prompts"] = "my style, a lighthouse at dusk --w 512 --h 512",
            ["sample_sampler"] = "euler_a",
            ["save_every_n_epochs"] = 1,
            ["save_model_as"] = "safetensors",
            ["save_precision"] = "fp16",
            ["seed"] = "1234",
            ["shuffle_caption"] = true,
            ["text_encoder_lr"] = 0.0,
            ["train_batch_size"] = 2,
            ["train_data_dir"] = "/home/me/lora/img",
            ["training_comment"] = "",
            ["unet_lr"] = 0.0,
            ["v2"] = false,
            ["vae"] = "",
            ["wandb_api_key"] = "",
            ["xformers"] = "xformers",
        };
        if (withWarmupSteps)
        {
            file["lr_warmup_steps"] = 0;
            file["loraplus_lr_ratio"] = 0;
            file["huber_c"] = 0.1;
        }

        foreach (var (key, value) in overrides)
        {
            if (value == Absent)
            {
                file.Remove(key);
            }
            else
            {
                file[key] = JsonSerializer.SerializeToNode(value);
            }
        }

        return file.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
