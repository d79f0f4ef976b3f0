using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace LicenseGuard.Catalog
{
    /// <summary>
    /// The filter that selects the registry's AI packages for the coverage snapshot (rules/coverage/nuget-ai-packages.json):
    /// a term matches a package when it is one of the words of its id (split at <c>.</c>, <c>-</c>, <c>_</c> and case changes:
    /// <c>OnnxRuntimeGenAI</c> → onnx, runtime, gen, ai), or begins a segment or word of the id (terms of four or more
    /// characters: <c>LLamaSharp</c> begins with llama), or stands as a whole word or phrase in its summary and tags.
    /// </summary>
    public static class AiPackageFilter
    {
        private static readonly Regex IdWord = new Regex("[A-Z]+(?=[A-Z][a-z]|[0-9]|$)|[A-Z]?[a-z]+|[A-Z]+|[0-9]+", RegexOptions.CultureInvariant);

        /// <summary>Returns the terms that select a package (empty when none does).</summary>
        public static IReadOnlyList<string> Matches(string id, string text, IEnumerable<string> terms)
        {
            var segments = new List<string>();
            var words = new List<string>();
            foreach (string segment in id.Split(new[] { '.', '-', '_', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                segments.Add(segment.ToLowerInvariant());
                foreach (Match word in IdWord.Matches(segment))
                {
                    words.Add(word.Value.ToLowerInvariant());
                }
            }

            var hits = new List<string>();
            foreach (string term in terms)
            {
                string lower = term.ToLowerInvariant();
                if (InId(lower, segments, words) || InText(lower, text))
                {
                    hits.Add(term);
                }
            }

            return hits;
        }

        private static bool InId(string term, List<string> segments, List<string> words)
        {
            if (term.IndexOf(' ') >= 0)
            {
                return false;
            }

            foreach (string part in segments)
            {
                if (part == term || (term.Length > 3 && part.StartsWith(term, StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            foreach (string part in words)
            {
                if (part == term || (term.Length > 3 && part.StartsWith(term, StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InText(string term, string text)
        {
            for (int at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                int end = at + term.Length;
                if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
