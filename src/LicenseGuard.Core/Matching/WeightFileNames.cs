using System;
using System.Collections.Generic;

namespace LicenseGuard.Matching
{
    /// <summary>File extensions used for model weights; shared by the gatherer (which also reads content) and the code analyzer.</summary>
    public static class WeightFileNames
    {
        /// <summary>Gets the extensions of weight files.</summary>
        public static IReadOnlyCollection<string> Extensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ".gguf", ".ggml", ".safetensors", ".onnx", ".pt", ".pth", ".ckpt", ".h5", ".hdf5", ".keras", ".tflite", ".mlmodel", ".npz", ".nemo", ".pkl", ".pickle",
        };

        /// <summary>Returns whether a path has a weights extension.</summary>
        public static bool HasWeightExtension(string path) => ((HashSet<string>)Extensions).Contains(System.IO.Path.GetExtension(path));

        /// <summary>
        /// Weight files whose extension alone does not say so (a <c>.bin</c> is anything): the names the model hubs' formats give
        /// them — PyTorch and whisper.cpp checkpoints, CTranslate2 models, ONNX external data, Flax weights.
        /// </summary>
        public static IReadOnlyList<string> WellKnownNames { get; } = new[]
        {
            "pytorch_model*.bin", "ggml-*.bin", "ggml_*.bin", "model*.bin", "consolidated.*", "*.onnx_data", "*.onnx.data", "flax_model*.msgpack", "tf_model*.h5",
        };

        /// <summary>Extensions of the files that travel with weights but are not weights: configs, cards, checksums, logs, partial downloads.</summary>
        public static IReadOnlyCollection<string> CompanionExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ".json", ".md", ".txt", ".yaml", ".yml", ".sha256", ".sha", ".md5", ".log", ".csv", ".xml", ".py", ".cs", ".tmp", ".part", ".lock", ".html", ".png", ".jpg",
        };

        /// <summary>Returns whether a file name (or pattern) names weights: a weights extension or one of <see cref="WellKnownNames"/>.</summary>
        public static bool IsWeightFileName(string name)
        {
            if (HasWeightExtension(name))
            {
                return true;
            }

            foreach (string pattern in WellKnownNames)
            {
                if (Glob.IsMatch(pattern, name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Returns whether a file's extension says it is a companion of weights (a config, card or checksum), whatever its name.</summary>
        public static bool IsCompanionFile(string name) => ((HashSet<string>)CompanionExtensions).Contains(System.IO.Path.GetExtension(name));
    }
}
