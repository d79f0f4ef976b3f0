using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LicenseGuard.Gather.Weights
{
    /// <summary>The licence facts of a Hugging Face-style model card (<c>README.md</c> YAML front matter) next to weights.</summary>
    public sealed class ModelCard
    {
        /// <summary>Gets or sets the card's path.</summary>
        public string Path { get; set; } = string.Empty;

        /// <summary>Gets or sets <c>license</c> (a Hugging Face licence tag or <c>other</c>).</summary>
        public string? License { get; set; }

        /// <summary>Gets or sets <c>license_name</c> (used with <c>license: other</c>).</summary>
        public string? LicenseName { get; set; }

        /// <summary>Gets or sets <c>pipeline_tag</c>: what the model does (<c>text-to-image</c>, <c>feature-extraction</c>…).</summary>
        public string? PipelineTag { get; set; }

        /// <summary>Gets the <c>base_model</c> entries.</summary>
        public List<string> BaseModels { get; } = new List<string>();

        /// <summary>Gets the <c>datasets</c> entries: what the model was trained or tuned on, as the card names them.</summary>
        public List<string> Datasets { get; } = new List<string>();
    }

    /// <summary>Reads model cards and notices beside weight files (bounded: the first 64 KiB of a card).</summary>
    public static class ModelCardReader
    {
        private const int MaxCardBytes = 64 * 1024;

        /// <summary>Reads <c>README.md</c> (or <c>MODEL_CARD.md</c>) in a folder; null when there is none or it has no front matter.</summary>
        public static ModelCard? Read(string directory)
        {
            foreach (var name in new[] { "README.md", "MODEL_CARD.md", "model_card.md" })
            {
                string path = System.IO.Path.Combine(directory, name);
                if (File.Exists(path))
                {
                    return Parse(path, ReadHead(path));
                }
            }

            return null;
        }

        /// <summary>Parses the YAML front matter keys LicenseGuard needs (flat keys and simple lists).</summary>
        public static ModelCard? Parse(string path, string text)
        {
            var lines = text.Replace("\r\n", "\n").Split('\n');
            if (lines.Length == 0 || lines[0].Trim() != "---")
            {
                return null;
            }

            var card = new ModelCard { Path = path };
            string? listKey = null;
            for (int i = 1; i < lines.Length && lines[i].Trim() != "---"; i++)
            {
                string line = lines[i];
                string trimmed = line.Trim();
                if (trimmed.StartsWith("- ", StringComparison.Ordinal) && (listKey == "base_model" || listKey == "datasets"))
                {
                    (listKey == "base_model" ? card.BaseModels : card.Datasets).Add(Unquote(trimmed.Substring(2)));
                    continue;
                }

                int colon = line.IndexOf(':');
                if (colon <= 0 || char.IsWhiteSpace(line[0]))
                {
                    continue;
                }

                string key = line.Substring(0, colon).Trim();
                string value = Unquote(line.Substring(colon + 1).Trim());
                listKey = value.Length == 0 ? key : null;
                switch (key)
                {
                    case "license": card.License = value.Length == 0 ? null : value; break;
                    case "license_name": card.LicenseName = value.Length == 0 ? null : value; break;
                    case "pipeline_tag": card.PipelineTag = value.Length == 0 ? null : value; break;
                    case "base_model" when value.Length > 0: card.BaseModels.Add(value); break;
                    case "datasets" when value.Length > 0: card.Datasets.Add(value); break;
                }
            }

            return card;
        }

        /// <summary>Names the licence and notice files in a folder (LICENSE*, NOTICE*, USE_POLICY*).</summary>
        public static IReadOnlyList<string> NoticeFiles(string directory) =>
            Directory.Exists(directory)
                ? Directory.GetFiles(directory)
                    .Select(System.IO.Path.GetFileName)
                    .Where(n => n!.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase) || n.StartsWith("NOTICE", StringComparison.OrdinalIgnoreCase) || n.StartsWith("USE_POLICY", StringComparison.OrdinalIgnoreCase))
                    .OrderBy(n => n, StringComparer.Ordinal)
                    .ToList()!
                : (IReadOnlyList<string>)Array.Empty<string>();

        private static string ReadHead(string path)
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[Math.Min(stream.Length, MaxCardBytes)];
            int read = stream.Read(buffer, 0, buffer.Length);
            return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }

        private static string Unquote(string value) => value.Trim().Trim('"', '\'');
    }
}
