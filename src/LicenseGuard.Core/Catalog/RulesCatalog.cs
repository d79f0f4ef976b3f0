using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using LicenseGuard.Policy;

namespace LicenseGuard.Catalog
{
    /// <summary>
    /// The effective catalog: the built-in rules from <c>rules/</c> with any user rules files layered on top, plus every
    /// problem found while reading them.
    /// </summary>
    public sealed class RulesCatalog
    {
        private static readonly Lazy<RulesCatalog> BuiltInCatalog = new Lazy<RulesCatalog>(() => RulesLoader.Load(BuiltInSources(), Array.Empty<RulesSource>()));

        private readonly Dictionary<string, ServiceEntry> servicesById;
        private readonly Dictionary<string, ModelEntry> modelsById;
        private readonly Dictionary<string, LicenseEntry> licensesByIdOrAlias;
        private readonly Dictionary<string, RuntimeEntry> runtimesById;
        private readonly Dictionary<string, LicenseEntry> licensesByUrl = new Dictionary<string, LicenseEntry>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, LicenseEntry> licensesByTitle = new Dictionary<string, LicenseEntry>(StringComparer.Ordinal);

        internal RulesCatalog(
            IReadOnlyList<ServiceEntry> services,
            IReadOnlyList<ModelEntry> models,
            IReadOnlyList<LicenseEntry> licenses,
            IReadOnlyList<RuntimeEntry> runtimes,
            IReadOnlyDictionary<string, RuleSettings> rules,
            IReadOnlyList<RulesProblem> problems,
            LicensePolicy policy)
        {
            Policy = policy;
            Services = services;
            Models = models;
            Licenses = licenses;
            Runtimes = runtimes;
            Rules = rules;
            Problems = problems;
            servicesById = services.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
            modelsById = models.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
            runtimesById = runtimes.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
            licensesByIdOrAlias = new Dictionary<string, LicenseEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var license in licenses)
            {
                licensesByIdOrAlias[license.Id] = license;
            }

            foreach (var license in licenses)
            {
                foreach (var url in license.Urls)
                {
                    licensesByUrl[NormalizeUrl(url)] = license;
                }

                foreach (var title in license.Titles)
                {
                    licensesByTitle[NormalizeTitle(title)] = license;
                }

                foreach (var alias in license.Aliases)
                {
                    if (!licensesByIdOrAlias.ContainsKey(alias))
                    {
                        licensesByIdOrAlias[alias] = license;
                    }
                }
            }
        }

        /// <summary>Gets the built-in catalog (parsed once per process).</summary>
        public static RulesCatalog BuiltIn => BuiltInCatalog.Value;

        /// <summary>Gets the proprietary services.</summary>
        public IReadOnlyList<ServiceEntry> Services { get; }

        /// <summary>Gets the models, closed and open.</summary>
        public IReadOnlyList<ModelEntry> Models { get; }

        /// <summary>Gets the licences.</summary>
        public IReadOnlyList<LicenseEntry> Licenses { get; }

        /// <summary>Gets the .NET runtimes for open models.</summary>
        public IReadOnlyList<RuntimeEntry> Runtimes { get; }

        /// <summary>Gets per-rule settings keyed by diagnostic id.</summary>
        public IReadOnlyDictionary<string, RuleSettings> Rules { get; }

        /// <summary>Gets the licence policy for NuGet dependencies.</summary>
        public LicensePolicy Policy { get; }

        /// <summary>Gets the problems found in the rules files, in file order.</summary>
        public IReadOnlyList<RulesProblem> Problems { get; }

        /// <summary>Layers user rules files over the built-in catalog. Files are applied in ordinal path order.</summary>
        public static RulesCatalog Load(IEnumerable<RulesSource> userSources) =>
            RulesLoader.Load(BuiltInSources(), userSources.OrderBy(s => s.Path, StringComparer.Ordinal).ToList());

        /// <summary>Finds a service by id.</summary>
        public ServiceEntry? FindService(string id) => servicesById.TryGetValue(id, out var s) ? s : null;

        /// <summary>Finds a model by id.</summary>
        public ModelEntry? FindModel(string id) => modelsById.TryGetValue(id, out var m) ? m : null;

        /// <summary>Finds a licence by id or alias (case-insensitive).</summary>
        public LicenseEntry? FindLicense(string idOrAlias) => licensesByIdOrAlias.TryGetValue(idOrAlias, out var l) ? l : null;

        /// <summary>Finds the licence a legacy <c>licenseUrl</c> points at, if the catalog knows the URL.</summary>
        public LicenseEntry? FindLicenseByUrl(string url) => licensesByUrl.TryGetValue(NormalizeUrl(url), out var l) ? l : null;

        /// <summary>Finds the licence whose licence files open with this title (the whole first line, not a word in it).</summary>
        public LicenseEntry? FindLicenseByTitle(string? title) => title != null && licensesByTitle.TryGetValue(NormalizeTitle(title), out var l) ? l : null;

        /// <summary>Normalises a title: lower case, single spaces, no surrounding punctuation or markdown.</summary>
        public static string NormalizeTitle(string title)
        {
            var builder = new StringBuilder(title.Length);
            foreach (char c in title.Trim().Trim('#', '*', '_', '=', '-', '.', ':', ' ').ToLowerInvariant())
            {
                if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\'')
                {
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    if (builder.Length > 0 && builder[builder.Length - 1] != ' ')
                    {
                        builder.Append(' ');
                    }
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        /// <summary>Normalises a licence URL: no scheme, no <c>www.</c>, no trailing slash, lower case.</summary>
        public static string NormalizeUrl(string url)
        {
            string value = url.Trim().ToLowerInvariant();
            foreach (var prefix in new[] { "https://", "http://" })
            {
                if (value.StartsWith(prefix, StringComparison.Ordinal))
                {
                    value = value.Substring(prefix.Length);
                }
            }

            if (value.StartsWith("www.", StringComparison.Ordinal))
            {
                value = value.Substring(4);
            }

            return value.TrimEnd('/');
        }

        /// <summary>Finds a runtime by id.</summary>
        public RuntimeEntry? FindRuntime(string id) => runtimesById.TryGetValue(id, out var r) ? r : null;

        /// <summary>Gets the settings of a rule (defaults when the rules files say nothing).</summary>
        public RuleSettings GetRule(string diagnosticId) => Rules.TryGetValue(diagnosticId, out var r) ? r : DefaultRule;

        /// <summary>Gets the licence class of a licence id, or <c>unknown</c>.</summary>
        public string ClassOf(string licenseId) => FindLicense(licenseId)?.Class ?? LicenseClasses.Unknown;

        /// <summary>Describes up to <paramref name="max"/> alternatives, e.g. <c>Qwen2.5 7B (Apache-2.0) via OllamaSharp</c>.</summary>
        public string DescribeAlternatives(IReadOnlyList<AlternativeRef> alternatives, int max = 3)
        {
            var builder = new StringBuilder();
            int count = 0;
            foreach (var alternative in alternatives)
            {
                if (count == max)
                {
                    break;
                }

                var model = FindModel(alternative.Model);
                var runtime = FindRuntime(alternative.Runtime);
                if (model == null || runtime == null)
                {
                    continue;
                }

                if (count > 0)
                {
                    builder.Append(", ");
                }

                builder.Append(model.Name).Append(" (").Append(model.License).Append(") via ").Append(runtime.Name);
                count++;
            }

            return count == 0 ? "none listed in the catalog" : builder.ToString();
        }

        private static readonly RuleSettings DefaultRule = new RuleSettings();

        private static IReadOnlyList<RulesSource> BuiltInSources()
        {
            var assembly = typeof(RulesCatalog).Assembly;
            var sources = new List<RulesSource>();
            foreach (var name in assembly.GetManifestResourceNames().OrderBy(n => n, StringComparer.Ordinal))
            {
                if (!name.StartsWith("LicenseGuard.Rules.", StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal))
                {
                    continue;
                }

                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                sources.Add(new RulesSource("rules/" + name.Substring("LicenseGuard.Rules.".Length), reader.ReadToEnd()));
            }

            return sources;
        }
    }
}
