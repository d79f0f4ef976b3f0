using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using LicenseGuard.Baselines;
using LicenseGuard.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LicenseGuard.Analyzers
{
    /// <summary>
    /// The fingerprints in the project's <c>licenseguard.baseline.json</c> (an additional file), cached by path and content.
    /// Findings it covers are not reported. A malformed baseline covers nothing; <c>licenseguard scan</c> says why.
    /// </summary>
    internal sealed class BaselineSnapshot
    {
        private const int MaxCachedBaselines = 16;

        private static readonly ConcurrentDictionary<string, BaselineSnapshot> Cache = new ConcurrentDictionary<string, BaselineSnapshot>(StringComparer.Ordinal);

        private static readonly BaselineSnapshot Empty = new BaselineSnapshot(string.Empty, new HashSet<string>(StringComparer.Ordinal));

        private readonly string baseDirectory;
        private readonly HashSet<string> fingerprints;

        private BaselineSnapshot(string baseDirectory, HashSet<string> fingerprints)
        {
            this.baseDirectory = baseDirectory;
            this.fingerprints = fingerprints;
        }

        /// <summary>Gets the baseline among a compilation's additional files, or an empty one.</summary>
        public static BaselineSnapshot Get(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            foreach (var file in options.AdditionalFiles)
            {
                if (!BaselineFile.IsBaseline(file.Path))
                {
                    continue;
                }

                var text = file.GetText(cancellationToken);
                if (text == null)
                {
                    return Empty;
                }

                string key = ContentKey.Of(file.Path, text);
                if (Cache.TryGetValue(key, out var cached))
                {
                    return cached;
                }

                var set = new HashSet<string>(StringComparer.Ordinal);
                try
                {
                    foreach (var entry in BaselineFile.Parse(file.Path, text.ToString()))
                    {
                        set.Add(entry.Id + "|" + entry.Fingerprint);
                    }
                }
                catch (JsonParseException)
                {
                    set.Clear();
                }

                if (Cache.Count >= MaxCachedBaselines)
                {
                    Cache.Clear();
                }

                return Cache.GetOrAdd(key, new BaselineSnapshot(Path.GetDirectoryName(file.Path) ?? string.Empty, set));
            }

            return Empty;
        }

        /// <summary>Returns whether the baseline accepts this finding. Configuration problems (LG9xxx) are never baselined.</summary>
        public bool Covers(Diagnostic diagnostic) =>
            fingerprints.Count > 0
            && !diagnostic.Id.StartsWith("LG9", StringComparison.Ordinal)
            && fingerprints.Contains(diagnostic.Id + "|" + FindingFingerprint.Compute(diagnostic, baseDirectory));
    }
}
