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

        // Reference-type keys and values throughout: the framework's precompiled code serves them, where a value-tuple would be
        // JIT-compiled in every compiler process.
        private static readonly ConcurrentDictionary<string, ReadResult> Cache = new ConcurrentDictionary<string, ReadResult>(StringComparer.Ordinal);

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ProjectInventory, Evaluations> EvaluationsByInventory = new System.Runtime.CompilerServices.ConditionalWeakTable<ProjectInventory, Evaluations>();

        /// <summary>
        /// Evaluates an inventory once per catalog snapshot and day: the IDE starts compilations on every edit, and the
        /// inventory (cached above by content) and the snapshot (cached by rules-file contents) rarely change between them.
        /// </summary>
        public static T Evaluate<T>(ProjectInventory inventory, CatalogSnapshot snapshot, string kind, Func<T> evaluate)
            where T : class
        {
            var evaluations = EvaluationsByInventory.GetOrCreateValue(inventory);
            var results = evaluations.BySnapshot.GetOrCreateValue(snapshot);
            string key = kind + "|" + DateTime.UtcNow.Date.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (results.TryGetValue(key, out var cached))
            {
                return (T)cached;
            }

            var result = evaluate();
            results[key] = result;
            return result;
        }

        public static AdditionalText? Find(ImmutableArray<AdditionalText> files) =>
            files.FirstOrDefault(f => string.Equals(Path.GetFileName(f.Path), ProjectInventory.FileName, StringComparison.OrdinalIgnoreCase));

        /// <summary>Reads the summary line the inventory starts with (see <see cref="InventorySummary"/>), or null.</summary>
        public static InventorySummary? ReadSummary(AdditionalText file, CancellationToken cancellationToken)
        {
            var text = file.GetText(cancellationToken);
            return text == null ? null : ProjectInventory.ReadSummary(text.ToString(new Microsoft.CodeAnalysis.Text.TextSpan(0, Math.Min(text.Length, 256))));
        }

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
                return (cached.Inventory, cached.Error);
            }

            ReadResult result;
            try
            {
                result = new ReadResult(ProjectInventory.Parse(file.Path, text.ToString()), null);
            }
            catch (JsonParseException e)
            {
                result = new ReadResult(null, $"{e.Span} is not valid JSON ({e.Message}); rebuild to regenerate it");
            }
            catch (FormatException e)
            {
                result = new ReadResult(null, e.Message + "; rebuild to regenerate it");
            }

            if (Cache.Count >= MaxCached)
            {
                Cache.Clear();
            }

            var stored = Cache.GetOrAdd(key, result);
            return (stored.Inventory, stored.Error);
        }

        private sealed class ReadResult
        {
            public ReadResult(ProjectInventory? inventory, string? error)
            {
                Inventory = inventory;
                Error = error;
            }

            public ProjectInventory? Inventory { get; }

            public string? Error { get; }
        }
    }

    /// <summary>Evaluation results of one inventory, by catalog snapshot, then by kind and day.</summary>
    internal sealed class Evaluations
    {
        public System.Runtime.CompilerServices.ConditionalWeakTable<CatalogSnapshot, ConcurrentDictionary<string, object>> BySnapshot { get; } = new System.Runtime.CompilerServices.ConditionalWeakTable<CatalogSnapshot, ConcurrentDictionary<string, object>>();
    }
}
