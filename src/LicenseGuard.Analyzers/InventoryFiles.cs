using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using LicenseGuard.Inventory;
using LicenseGuard.Json;
using Microsoft.CodeAnalysis;

namespace LicenseGuard.Analyzers
{
    /// <summary>Finds and parses the build's inventory AdditionalFile, once per content.</summary>
    internal static class InventoryFiles
    {
        private const int MaxCached = 16;

        private static readonly ConcurrentDictionary<string, (ProjectInventory? Inventory, string? Error)> Cache = new ConcurrentDictionary<string, (ProjectInventory?, string?)>(StringComparer.Ordinal);

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ProjectInventory, Evaluations> EvaluationsByInventory = new System.Runtime.CompilerServices.ConditionalWeakTable<ProjectInventory, Evaluations>();

        /// <summary>
        /// Evaluates an inventory once per catalog snapshot and day: the IDE starts compilations on every edit, and the
        /// inventory (cached above by content) and the snapshot (cached by rules-file contents) rarely change between them.
        /// </summary>
        public static T Evaluate<T>(ProjectInventory inventory, CatalogSnapshot snapshot, string kind, Func<T> evaluate)
            where T : class
        {
            var evaluations = EvaluationsByInventory.GetOrCreateValue(inventory);
            var key = (snapshot, DateTime.UtcNow.Date, kind);
            if (evaluations.Results.TryGetValue(key, out var cached))
            {
                return (T)cached;
            }

            var result = evaluate();
            evaluations.Results[key] = result;
            return result;
        }

        public static AdditionalText? Find(ImmutableArray<AdditionalText> files) =>
            files.FirstOrDefault(f => string.Equals(Path.GetFileName(f.Path), ProjectInventory.FileName, StringComparison.OrdinalIgnoreCase));

        public static (ProjectInventory? Inventory, string? Error) Read(AdditionalText file, CancellationToken cancellationToken)
        {
            var text = file.GetText(cancellationToken);
            if (text == null)
            {
                return (null, $"{file.Path} cannot be read");
            }

            string key = ContentKey.Of(file.Path, text);
            if (Cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            (ProjectInventory?, string?) result;
            try
            {
                result = (ProjectInventory.Parse(file.Path, text.ToString()), null);
            }
            catch (JsonParseException e)
            {
                result = (null, $"{e.Span} is not valid JSON ({e.Message}); rebuild to regenerate it");
            }
            catch (FormatException e)
            {
                result = (null, e.Message + "; rebuild to regenerate it");
            }

            if (Cache.Count >= MaxCached)
            {
                Cache.Clear();
            }

            return Cache.GetOrAdd(key, result);
        }
    }

    /// <summary>Evaluation results of one inventory, keyed by catalog snapshot, day and kind.</summary>
    internal sealed class Evaluations
    {
        public ConcurrentDictionary<(CatalogSnapshot Snapshot, DateTime Day, string Kind), object> Results { get; } = new ConcurrentDictionary<(CatalogSnapshot, DateTime, string), object>();
    }
}
