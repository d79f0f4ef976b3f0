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
    }
}
