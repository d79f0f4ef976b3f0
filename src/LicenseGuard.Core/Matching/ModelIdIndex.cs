using System;
using System.Collections.Generic;
using LicenseGuard.Catalog;

namespace LicenseGuard.Matching
{
    /// <summary>
    /// Decides whether a whole string is the id of a closed-weight model. Patterns are bucketed by their first two characters,
    /// so a string is compared only with the few patterns that could match it; open-model patterns win over closed ones
    /// (<c>gpt-oss-20b</c> is open even though <c>gpt-*</c> families are closed).
    /// </summary>
    public sealed class ModelIdIndex
    {
        private const int MaxIdLength = 128;

        private readonly Dictionary<int, List<(string Pattern, ModelEntry Model)>> buckets = new Dictionary<int, List<(string, ModelEntry)>>();
        private readonly List<(string Pattern, ModelEntry Model)> unbucketed = new List<(string, ModelEntry)>();
        private readonly List<string> ignored = new List<string>();

        /// <summary>Initializes a new instance of the <see cref="ModelIdIndex"/> class.</summary>
        public ModelIdIndex(RulesCatalog catalog, IEnumerable<string> ignoredModelPatterns)
        {
            foreach (var model in catalog.Models)
            {
                foreach (var pattern in model.Ids)
                {
                    if (pattern.Length >= 2 && pattern[0] != '*' && pattern[1] != '*')
                    {
                        int key = Key(pattern[0], pattern[1]);
                        if (!buckets.TryGetValue(key, out var list))
                        {
                            buckets[key] = list = new List<(string, ModelEntry)>();
                        }

                        list.Add((pattern, model));
                    }
                    else
                    {
                        unbucketed.Add((pattern, model));
                    }
                }
            }

            ignored.AddRange(ignoredModelPatterns);
            HasClosedModels = catalog.Models.Count > 0;
        }

        /// <summary>Gets a value indicating whether any model pattern is indexed.</summary>
        public bool HasClosedModels { get; }

        /// <summary>Returns whether the first characters of a string could start a catalogued model id (a cheap pre-check).</summary>
        public bool CouldMatch(string value) =>
            value.Length >= 2 && value.Length <= MaxIdLength && (unbucketed.Count > 0 || buckets.ContainsKey(Key(value[0], value[1])));

        /// <summary>Finds the closed model a whole string names, or null (also for open models and ignored patterns).</summary>
        public ModelEntry? MatchClosed(string value)
        {
            if (!CouldMatch(value))
            {
                return null;
            }

            foreach (char c in value)
            {
                if (char.IsWhiteSpace(c))
                {
                    return null;
                }
            }

            ModelEntry? closed = null;
            if (buckets.TryGetValue(Key(value[0], value[1]), out var list))
            {
                foreach (var (pattern, model) in list)
                {
                    if (Glob.IsMatch(pattern, value))
                    {
                        if (model.OpenWeights)
                        {
                            return null;
                        }

                        closed ??= model;
                    }
                }
            }

            foreach (var (pattern, model) in unbucketed)
            {
                if (Glob.IsMatch(pattern, value))
                {
                    if (model.OpenWeights)
                    {
                        return null;
                    }

                    closed ??= model;
                }
            }

            if (closed != null)
            {
                foreach (var pattern in ignored)
                {
                    if (Glob.IsMatch(pattern, value))
                    {
                        return null;
                    }
                }
            }

            return closed;
        }

        private static int Key(char first, char second) => (char.ToLowerInvariant(first) << 16) | char.ToLowerInvariant(second);
    }
}
