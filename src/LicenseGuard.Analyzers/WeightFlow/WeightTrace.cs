using System;
using System.Collections.Generic;
using LicenseGuard.Matching;

namespace LicenseGuard.Analyzers.WeightFlow
{
    /// <summary>
    /// Where a value may come from, as far as the code shows: a path with <c>{}</c> for what the code does not fix
    /// (<c>{}/models/llama.gguf</c>), starting with <c>{temp}</c> or <c>{cache}</c> when it lies under the temp folder or a
    /// per-user cache; or, when no name shows it, the check by which the code itself treats the value as weights
    /// (<c>entry.Kind == "weights"</c>). <see cref="Via"/> names the member or parameter the value passed through, for messages.
    /// </summary>
    internal readonly struct WeightTrace : IEquatable<WeightTrace>
    {
        public const string Unknown = "{}";
        public const string Temp = "{temp}";
        public const string Cache = "{cache}";

        private static readonly HashSet<string> WeightFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "models", "model", "weights", "checkpoints" };

        private static readonly HashSet<string> WeightMarkers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "weights", "weight", "model-weights", "modelweights", "checkpoint", "checkpoints", "gguf", "ggml", "onnx", "safetensors", "ckpt",
        };

        public WeightTrace(string path, string? via = null, string? check = null)
        {
            Path = path;
            Via = via;
            Check = check;
        }

        public string Path { get; }

        public string? Via { get; }

        /// <summary>Gets the check by which the code treats the value as weights, when its name does not show it.</summary>
        public string? Check { get; }

        /// <summary>Gets the mark a check leaves when it keeps weights out (<c>!f.EndsWith(".gguf")</c>): never a trace of its own.</summary>
        public static WeightTrace Excluded { get; } = new WeightTrace("{excluded}");

        public bool IsExcluded => Path == "{excluded}";

        /// <summary>Whether the path stands for every file of a folder (<c>models/*</c>), which a check that keeps weights out narrows away.</summary>
        public bool IsWholeFolder => Check == null && (Path.EndsWith("/*", StringComparison.Ordinal) || Path.EndsWith("/*.*", StringComparison.Ordinal));

        public static WeightTrace Checked(string check) => new WeightTrace(Unknown, null, check);

        public WeightTrace WithPath(string path) => new WeightTrace(path, Via, Check);

        /// <summary>Adds the next step on the way from the source to the sink (at most three are kept: enough to find the path in code).</summary>
        public WeightTrace WithVia(string via) =>
            Via == null ? new WeightTrace(Path, via, Check)
            : Via.Split(new[] { ", " }, StringSplitOptions.None).Length >= 3 || Via.EndsWith(via, StringComparison.Ordinal) ? this
            : new WeightTrace(Path, Via + ", " + via, Check);

        /// <summary>The file or folder name the path ends with, for either separator.</summary>
        public static string LastSegment(string path)
        {
            string normalized = path.Replace('\\', '/').TrimEnd('/');
            return normalized.Substring(normalized.LastIndexOf('/') + 1);
        }

        /// <summary>The folder a path is in (<c>{}</c> when the path shows none).</summary>
        public static string Parent(string path)
        {
            string normalized = path.Replace('\\', '/').TrimEnd('/');
            int slash = normalized.LastIndexOf('/');
            return slash <= 0 ? Unknown : normalized.Substring(0, slash);
        }

        /// <summary>Whether a string compared with a value marks it as weights: a weight extension or a word for weights.</summary>
        public static bool IsWeightMarker(string text)
        {
            string trimmed = text.Trim().TrimStart('*');
            return WeightMarkers.Contains(trimmed.TrimStart('.')) || WeightFileNames.HasWeightExtension("x" + (trimmed.StartsWith(".", StringComparison.Ordinal) ? trimmed : "." + trimmed));
        }

        /// <summary>Whether the path names a folder that holds weights: one named so, or one the project keeps weight files in.</summary>
        public static bool IsWeightFolder(string path, IReadOnlyCollection<string> projectWeightFolders)
        {
            string normalized = path.Replace('\\', '/').TrimEnd('/');
            if (WeightFolders.Contains(LastSegment(normalized)))
            {
                return true;
            }

            // The part of the path the code shows after its last unknown part ({}/minilm → minilm) may name the end of a project folder.
            int unknown = normalized.LastIndexOf(Unknown + "/", StringComparison.Ordinal);
            string shown = unknown < 0 ? normalized : normalized.Substring(unknown + Unknown.Length + 1);
            foreach (string folder in projectWeightFolders)
            {
                if (normalized.Equals(folder, StringComparison.OrdinalIgnoreCase) || normalized.EndsWith("/" + folder, StringComparison.OrdinalIgnoreCase)
                    || (shown.Length > 0 && shown.IndexOf('{') < 0 && (folder.Equals(shown, StringComparison.OrdinalIgnoreCase) || folder.EndsWith("/" + shown, StringComparison.OrdinalIgnoreCase))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the path lies in the temp folder or a per-user cache: a copy there stays on the machine.</summary>
        public bool IsLocalCache()
        {
            if (Path.StartsWith(Temp, StringComparison.Ordinal) || Path.StartsWith(Cache, StringComparison.Ordinal))
            {
                return true;
            }

            foreach (string segment in Path.Replace('\\', '/').Split('/'))
            {
                if (segment.IndexOf("cache", StringComparison.OrdinalIgnoreCase) >= 0 || segment.Equals("tmp", StringComparison.OrdinalIgnoreCase) || segment.Equals("temp", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        public bool Equals(WeightTrace other) => Path == other.Path && Via == other.Via && Check == other.Check;

        public override bool Equals(object? obj) => obj is WeightTrace other && Equals(other);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path) ^ (Via?.GetHashCode() ?? 0) ^ (Check?.GetHashCode() ?? 0);

        public override string ToString() => Check == null ? Path : Path + " (" + Check + ")";
    }
}
