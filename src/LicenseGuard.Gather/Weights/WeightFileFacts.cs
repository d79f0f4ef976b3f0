using System.Collections.Generic;

namespace LicenseGuard.Gather.Weights
{
    /// <summary>What a weight file's header says, read without loading the weights.</summary>
    public sealed class WeightFileFacts
    {
        /// <summary>Gets or sets the file path.</summary>
        public string Path { get; set; } = string.Empty;

        /// <summary>Gets or sets the detected format: gguf, ggml, safetensors, onnx, pytorch-zip, pickle, hdf5, tflite, or "possible" for a known extension without a recognisable header.</summary>
        public string Format { get; set; } = string.Empty;

        /// <summary>Gets or sets the file size in bytes.</summary>
        public long Size { get; set; }

        /// <summary>Gets or sets why the header could not be read fully (truncated, implausible counts…), if it could not.</summary>
        public string? Problem { get; set; }

        /// <summary>Gets metadata read from the header (GGUF general.*, safetensors __metadata__, ONNX metadata_props), string values only.</summary>
        public Dictionary<string, string> Metadata { get; } = new Dictionary<string, string>(System.StringComparer.Ordinal);

        /// <summary>Gets or sets the number of header bytes read (never the whole file).</summary>
        public long BytesRead { get; set; }
    }
}
