using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using LicenseGuard.Catalog;
using LicenseGuard.Inventory;
using LicenseGuard.Matching;
using LicenseGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LicenseGuard.Analyzers
{
    /// <summary>
    /// The effective catalog for one set of rules files, with its indexes built once. Snapshots are cached by the rules files'
    /// paths and contents, so the IDE's many compilations share one parse.
    /// </summary>
    internal sealed class CatalogSnapshot
    {
        private const int MaxCachedSnapshots = 16;

        private static readonly ConcurrentDictionary<string, CatalogSnapshot> Cache = new ConcurrentDictionary<string, CatalogSnapshot>(StringComparer.Ordinal);
        private static readonly Lazy<CatalogSnapshot> BuiltInSnapshot = new Lazy<CatalogSnapshot>(() => new CatalogSnapshot(RulesCatalog.BuiltIn, ImmutableArray<AdditionalText>.Empty));

        private readonly ConcurrentDictionary<string, ChosenAlternatives> chosen = new ConcurrentDictionary<string, ChosenAlternatives>(StringComparer.Ordinal);

        // Each index is built when an analyzer first needs it: a compilation with only an SDK call never builds LG1003's.
        private readonly Lazy<ServiceSymbolIndex> symbols;
        private readonly Lazy<HostIndex> hosts;
        private readonly Lazy<ModelIdIndex> models;
        private readonly Lazy<CatalogAccess> access;

        private CatalogSnapshot(RulesCatalog catalog, ImmutableArray<AdditionalText> rulesFiles)
        {
            Catalog = catalog;
            RulesFiles = rulesFiles;
            symbols = new Lazy<ServiceSymbolIndex>(() => new ServiceSymbolIndex(catalog, catalog.GetRule(DiagnosticIds.ProprietaryAiCall).Ignore));
            hosts = new Lazy<HostIndex>(() => new HostIndex(catalog, catalog.GetRule(DiagnosticIds.ProprietaryEndpoint).Ignore));
            models = new Lazy<ModelIdIndex>(() => new ModelIdIndex(catalog, catalog.GetRule(DiagnosticIds.ClosedModelId).Ignore));
            access = new Lazy<CatalogAccess>(() => new CatalogAccess(this, CatalogDigest.Of(catalog, Hosts, Models)));
        }

        /// <summary>Gets the built-in catalog's snapshot (loaded on first use).</summary>
        public static CatalogSnapshot BuiltIn => BuiltInSnapshot.Value;

        /// <summary>Gets this snapshot's access: its digest, computed from the effective catalog.</summary>
        public CatalogAccess Access => access.Value;

        public RulesCatalog Catalog { get; }

        public ImmutableArray<AdditionalText> RulesFiles { get; }

        public ServiceSymbolIndex Symbols => symbols.Value;

        public HostIndex Hosts => hosts.Value;

        public ModelIdIndex Models => models.Value;

        /// <summary>
        /// Returns whether an additional file is a LicenseGuard rules file: <c>licenseguard*.json</c>, except the files
        /// LicenseGuard writes itself (<c>licenseguard.inventory.json</c>, <c>licenseguard.baseline.json</c>).
        /// </summary>
        public static bool IsRulesFile(string path) => RulesFingerprint.IsRulesFileName(path);

        /// <summary>Returns the texts of a compilation's rules files in layering order (by path), as the gather step reads them.</summary>
        public static List<string> RulesTexts(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var files = new List<AdditionalText>();
            foreach (var file in options.AdditionalFiles)
            {
                if (IsRulesFile(file.Path))
                {
                    files.Add(file);
                }
            }

            files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            return files.ConvertAll(f => f.GetText(cancellationToken)?.ToString() ?? string.Empty);
        }

        /// <summary>Returns whether a compilation has rules files of the user's own among its additional files.</summary>
        public static bool HasRulesFiles(AnalyzerOptions options)
        {
            foreach (var file in options.AdditionalFiles)
            {
                if (IsRulesFile(file.Path))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Gets the snapshot for a compilation's additional files.</summary>
        public static CatalogSnapshot Get(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var rulesFiles = ImmutableArray.CreateBuilder<AdditionalText>();
            foreach (var file in options.AdditionalFiles)
            {
                if (IsRulesFile(file.Path))
                {
                    rulesFiles.Add(file);
                }
            }

            if (rulesFiles.Count == 0)
            {
                return BuiltInSnapshot.Value;
            }

            // Additional files arrive in no particular order; layering must not depend on it.
            rulesFiles.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            var key = new StringBuilder();
            var sources = new List<RulesSource>(rulesFiles.Count);
            var texts = new List<SourceText?>(rulesFiles.Count);
            foreach (var file in rulesFiles)
            {
                var text = file.GetText(cancellationToken);
                texts.Add(text);
                key.Append(text == null ? file.Path : ContentKey.Of(file.Path, text)).Append('\u0001');
            }

            string cacheKey = key.ToString();
            if (Cache.TryGetValue(cacheKey, out var cached))
            {
                return cached;
            }

            for (int i = 0; i < rulesFiles.Count; i++)
            {
                sources.Add(new RulesSource(rulesFiles[i].Path, texts[i]?.ToString() ?? string.Empty));
            }

            var snapshot = new CatalogSnapshot(HandedOver(options, sources, cancellationToken) ?? RulesCatalog.Load(sources), rulesFiles.ToImmutable());
            if (Cache.Count >= MaxCachedSnapshots)
            {
                Cache.Clear();
            }

            return Cache.GetOrAdd(cacheKey, snapshot);
        }

        /// <summary>
        /// The effective catalog the gather step handed over in the inventory, when it was layered from exactly these rules
        /// texts by this build and every source span it carries names a built-in file or one of these rules files by the path the
        /// compiler has; otherwise null (the rules files are layered here).
        /// </summary>
        private static RulesCatalog? HandedOver(AnalyzerOptions options, List<RulesSource> sources, CancellationToken cancellationToken)
        {
            var inventoryFile = InventoryFiles.Find(options.AdditionalFiles);
            if (inventoryFile == null || InventoryFiles.Read(inventoryFile, cancellationToken).Inventory?.EffectiveCatalog is not { } handedOver
                || handedOver.Under != RulesFingerprint.OfCatalog(sources.ConvertAll(s => s.Text)))
            {
                return null;
            }

            RulesCatalog catalog;
            try
            {
                catalog = CompiledCatalog.Read(handedOver.Text);
            }
            catch (Exception e) when (e is FormatException || e is IndexOutOfRangeException || e is ArgumentException || e is OverflowException)
            {
                return null;
            }

            var paths = new HashSet<string>(sources.ConvertAll(s => s.Path), StringComparer.Ordinal);
            bool Known(SourceSpan span) => span.Path.StartsWith("rules/", StringComparison.Ordinal) || paths.Contains(span.Path);
            return catalog.Services.All(e => Known(e.DeclaredAt)) && catalog.Models.All(e => Known(e.DeclaredAt)) && catalog.Licenses.All(e => Known(e.DeclaredAt))
                && catalog.Tasks.All(e => Known(e.DeclaredAt)) && catalog.Runtimes.All(e => Known(e.DeclaredAt))
                && catalog.Policy.Exceptions.All(e => Known(e.DeclaredAt)) && catalog.Policy.Clarifications.All(c => Known(c.DeclaredAt))
                ? catalog
                : null;
        }

        /// <summary>
        /// Gets the open alternatives for what code does with a service (see <see cref="RulesCatalog.ChooseAlternatives"/>),
        /// described once per service and task for the snapshot's lifetime.
        /// </summary>
        public ChosenAlternatives AlternativesFor(ServiceEntry? service, string? task) =>
            chosen.GetOrAdd((service?.Id ?? string.Empty) + "|" + task, _ =>
            {
                var choice = Catalog.ChooseAlternatives(service, task);
                return new ChosenAlternatives(Catalog.DescribeChoice(choice, service), choice.Ids, choice.Task?.Id);
            });

        /// <summary>Describes a service's access and licence class, e.g. <c>proprietary, api-only</c>.</summary>
        public string AccessOf(ServiceEntry service) => Catalog.ClassOf(service.License) + ", " + service.Access;

        /// <summary>Builds the machine-readable properties of a finding.</summary>
        public ImmutableDictionary<string, string?> PropertiesFor(ServiceEntry? service, ModelEntry? model, string? host, ChosenAlternatives alternatives)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            if (service != null)
            {
                builder["service"] = service.Id;
                builder["license"] = service.License;
            }

            if (service != null || model != null)
            {
                builder["alternatives"] = alternatives.Ids;
            }

            if (alternatives.Task != null)
            {
                builder["task"] = alternatives.Task;
            }

            if (model != null)
            {
                builder["model"] = model.Id;
                builder["license"] = model.License;
            }

            if (host != null)
            {
                builder["host"] = host;
            }

            return builder.ToImmutable();
        }

        /// <summary>Gets the severity a finding should be reported with, or null to report nothing.</summary>
        public DiagnosticSeverity? SeverityFor(DiagnosticDescriptor descriptor, string? entrySeverity)
        {
            var rule = Catalog.GetRule(descriptor.Id);
            if (!rule.Enabled)
            {
                return null;
            }

            string? severity = entrySeverity ?? rule.Severity;
            return severity switch
            {
                null => descriptor.DefaultSeverity,
                "error" => DiagnosticSeverity.Error,
                "warning" => DiagnosticSeverity.Warning,
                "info" => DiagnosticSeverity.Info,
                "hidden" => DiagnosticSeverity.Hidden,
                _ => null,
            };
        }
    }

    /// <summary>
    /// A compilation's access to the catalog: its digest at once, the catalog itself only when a candidate needs it. Without
    /// rules files of the user's own, or with rules files that only set the policy, licences, tasks or runtimes, the digest is compiled in and
    /// the catalog is loaded on first use, so a compiler process whose compilations hold no candidate never reads it; with rules
    /// files that may add, disable or ignore services, models or rules, the effective catalog is loaded at once and the digest
    /// computed from it.
    /// </summary>
    internal sealed class CatalogAccess
    {
        private static readonly CatalogAccess BuiltInAccess = new CatalogAccess(null, CatalogDigest.BuiltIn);

        // Top-level keys of a rules file that cannot change the digest (services' symbols and hosts, models' ids and files, the
        // rules' ignore lists) or disable a rule: a policy-only licenseguard.json (the usual one) leaves the built-in digest in
        // force, and its catalog is loaded only when a candidate needs it. So does a "rules" section that only sets severities
        // of the code rules (see RulesLeaveTheDigest).
        private static readonly string[] KeysThatLeaveTheDigest = { "$schema", "policy", "licenses", "tasks", "runtimes" };

        private static readonly string[] RulesTheDigestServes = { DiagnosticIds.ProprietaryAiCall, DiagnosticIds.ProprietaryEndpoint, DiagnosticIds.ClosedModelId, DiagnosticIds.ModelWeightsCopied };

        private static readonly ConcurrentDictionary<string, string> LeavesTheDigest = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        private readonly CatalogSnapshot? loaded;
        private readonly Lazy<CatalogSnapshot>? onFirstUse;

        internal CatalogAccess(CatalogSnapshot? loaded, CatalogDigest digest)
        {
            this.loaded = loaded;
            Digest = digest;
        }

        private CatalogAccess(Lazy<CatalogSnapshot> onFirstUse)
        {
            this.onFirstUse = onFirstUse;
            Digest = CatalogDigest.BuiltIn;
        }

        /// <summary>Gets what the analyzers test candidates with before they need the catalog.</summary>
        public CatalogDigest Digest { get; }

        /// <summary>Gets the catalog's snapshot, loading it on first use unless it was loaded to compute the digest.</summary>
        public CatalogSnapshot Snapshot => loaded ?? onFirstUse?.Value ?? CatalogSnapshot.BuiltIn;

        /// <summary>Gets the access for a compilation's additional files.</summary>
        public static CatalogAccess Get(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            if (!CatalogSnapshot.HasRulesFiles(options))
            {
                return BuiltInAccess;
            }

            return RulesFilesLeaveTheDigest(options, cancellationToken)
                ? new CatalogAccess(new Lazy<CatalogSnapshot>(() => CatalogSnapshot.Get(options, cancellationToken)))
                : CatalogSnapshot.Get(options, cancellationToken).Access;
        }

        /// <summary>
        /// Returns whether a rule is enabled: every rule is in the built-in catalog (a test keeps it so), and a rules file that
        /// leaves the digest has no <c>rules</c> section to disable one.
        /// </summary>
        public bool IsEnabled(string ruleId) => loaded == null || loaded.Catalog.GetRule(ruleId).Enabled;

        private static bool RulesFilesLeaveTheDigest(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            foreach (var file in options.AdditionalFiles)
            {
                if (!CatalogSnapshot.IsRulesFile(file.Path))
                {
                    continue;
                }

                var text = file.GetText(cancellationToken);
                if (text == null)
                {
                    return false;
                }

                string verdict = LeavesTheDigest.GetOrAdd(ContentKey.Of(file.Path, text), _ => OnlyKeysThatLeaveTheDigest(file.Path, text.ToString()) ? "yes" : "no");
                if (LeavesTheDigest.Count > 64)
                {
                    LeavesTheDigest.Clear();
                }

                if (verdict != "yes")
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A <c>rules</c> section leaves the digest when it only sets severities of the rules the digest serves (LG1001-LG1003,
        /// and LG2002, which asks whether it is enabled) and whatever it likes of the others: their ignore lists and switches are
        /// read from the catalog when it is loaded.
        /// </summary>
        private static bool RulesLeaveTheDigest(Json.JsonNode rules) =>
            rules.Kind == Json.JsonKind.Object && rules.Properties.All(rule =>
                Array.IndexOf(RulesTheDigestServes, rule.Name.ToUpperInvariant()) < 0
                || (rule.Value.Kind == Json.JsonKind.Object && rule.Value.Properties.All(field => field.Name == "severity")));

        private static bool OnlyKeysThatLeaveTheDigest(string path, string text)
        {
            try
            {
                var root = Json.JsonReader.Parse(path, text);
                return root.Kind == Json.JsonKind.Object
                    && root.Properties.All(p => Array.IndexOf(KeysThatLeaveTheDigest, p.Name) >= 0 || (p.Name == "rules" && RulesLeaveTheDigest(p.Value)));
            }
            catch (Json.JsonParseException)
            {
                return false; // loaded at once, so that LG9001 reports it
            }
        }
    }

    /// <summary>The alternatives a finding offers: message text, <c>model@runtime</c> ids, and the task they were chosen for.</summary>
    internal sealed class ChosenAlternatives
    {
        public ChosenAlternatives(string text, string ids, string? task)
        {
            Text = text;
            Ids = ids;
            Task = task;
        }

        /// <summary>Gets the text for the message's alternatives argument.</summary>
        public string Text { get; }

        /// <summary>Gets the comma-separated <c>model@runtime</c> ids for the <c>alternatives</c> property.</summary>
        public string Ids { get; }

        /// <summary>Gets the task id, or null when the code does not show it.</summary>
        public string? Task { get; }
    }
}
