using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using LicenseGuard.Matching;
using LicenseGuard.Policy;

namespace LicenseGuard.Catalog
{
    /// <summary>
    /// The effective catalog: the built-in rules from <c>rules/</c> with any user rules files layered on top, plus every
    /// problem found while reading them.
    /// </summary>
    public sealed class RulesCatalog
    {
        private static readonly Lazy<RulesCatalog> BuiltInCatalog = new Lazy<RulesCatalog>(() => CompiledCatalog.Read(CompiledCatalog.BuiltInText));

        private readonly Dictionary<string, ServiceEntry> servicesById;
        private readonly Dictionary<string, ModelEntry> modelsById;
        private readonly Dictionary<string, LicenseEntry> licensesByIdOrAlias;
        private readonly Dictionary<string, RuntimeEntry> runtimesById;
        private readonly Dictionary<string, TaskEntry> tasksById;

        // Built when a licence is first looked up by URL, title or heading (the gather step, the CLI): the analyzers only ever
        // ask for a licence's class, and a compiler process should not normalise every licence's titles for that.
        private readonly Lazy<LicenseTextLookups> licenseTexts;
        private readonly Lazy<Dictionary<string, LicenseEntry>> licensesByKey;

        internal RulesCatalog(
            IReadOnlyList<ServiceEntry> services,
            IReadOnlyList<ModelEntry> models,
            IReadOnlyList<LicenseEntry> licenses,
            IReadOnlyList<RuntimeEntry> runtimes,
            IReadOnlyList<TaskEntry> tasks,
            IReadOnlyDictionary<string, RuleSettings> rules,
            IReadOnlyList<RulesProblem> problems,
            LicensePolicy policy,
            IReadOnlyList<SinkEntry>? sinks = null)
        {
            Policy = policy;
            Sinks = sinks ?? Array.Empty<SinkEntry>();
            Services = services;
            Models = models;
            Licenses = licenses;
            Runtimes = runtimes;
            Tasks = tasks;
            Rules = rules;
            Problems = problems;
            servicesById = services.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
            modelsById = models.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
            runtimesById = runtimes.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
            tasksById = tasks.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
            licensesByIdOrAlias = new Dictionary<string, LicenseEntry>(StringComparer.OrdinalIgnoreCase);
            licenseTexts = new Lazy<LicenseTextLookups>(() => new LicenseTextLookups(licenses));
            licensesByKey = new Lazy<Dictionary<string, LicenseEntry>>(() => licenses
                .Where(l => !l.Id.StartsWith("LicenseRef-", StringComparison.Ordinal))
                .GroupBy(l => Licensing.CanonicalLicenseUrl.Key(l.Id))
                .Where(g => g.Count() == 1)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
            foreach (var license in licenses)
            {
                licensesByIdOrAlias[license.Id] = license;
            }

            foreach (var license in licenses)
            {
                foreach (var alias in license.Aliases)
                {
                    if (!licensesByIdOrAlias.ContainsKey(alias))
                    {
                        licensesByIdOrAlias[alias] = license;
                    }
                }
            }
        }

        /// <summary>Gets the built-in catalog, read once per process from its compiled form (see <see cref="CompiledCatalog"/>).</summary>
        public static RulesCatalog BuiltIn => BuiltInCatalog.Value;

        /// <summary>Gets the proprietary services.</summary>
        public IReadOnlyList<ServiceEntry> Services { get; }

        /// <summary>Gets the models, closed and open.</summary>
        public IReadOnlyList<ModelEntry> Models { get; }

        /// <summary>Gets the licences.</summary>
        public IReadOnlyList<LicenseEntry> Licenses { get; }

        /// <summary>Gets the .NET runtimes for open models.</summary>
        public IReadOnlyList<RuntimeEntry> Runtimes { get; }

        /// <summary>Gets the tasks (chat, embeddings, image generation…), in catalog order.</summary>
        public IReadOnlyList<TaskEntry> Tasks { get; }

        /// <summary>Gets the places LG2002 reports weights sent to.</summary>
        public IReadOnlyList<SinkEntry> Sinks { get; }

        /// <summary>Gets per-rule settings keyed by diagnostic id.</summary>
        public IReadOnlyDictionary<string, RuleSettings> Rules { get; }

        /// <summary>Gets the licence policy for NuGet dependencies.</summary>
        public LicensePolicy Policy { get; }

        /// <summary>Gets the problems found in the rules files, in file order.</summary>
        public IReadOnlyList<RulesProblem> Problems { get; }

        /// <summary>Layers user rules files over the built-in catalog. Files are applied in ordinal path order.</summary>
        public static RulesCatalog Load(IEnumerable<RulesSource> userSources)
        {
            var ordered = userSources.OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
            return ordered.Count == 0 ? BuiltIn : RulesLoader.Load(BuiltInSources(), ordered);
        }

        /// <summary>Loads the built-in catalog from rules/*.json through the loader, as user rules files are layered on it.</summary>
        internal static RulesCatalog LoadBuiltInRulesFiles() => RulesLoader.Load(BuiltInSources(), Array.Empty<RulesSource>());

        /// <summary>Finds a service by id.</summary>
        public ServiceEntry? FindService(string id) => servicesById.TryGetValue(id, out var s) ? s : null;

        /// <summary>Finds the service whose SDK a NuGet package is (first service whose package patterns match), or null.</summary>
        public ServiceEntry? FindServiceByPackage(string packageId) => Services.FirstOrDefault(s => s.Packages.Any(pattern => Glob.IsMatch(pattern, packageId)));

        /// <summary>Finds a model by id.</summary>
        public ModelEntry? FindModel(string id) => modelsById.TryGetValue(id, out var m) ? m : null;

        /// <summary>Finds a licence by id or alias (case-insensitive).</summary>
        public LicenseEntry? FindLicense(string idOrAlias) => licensesByIdOrAlias.TryGetValue(idOrAlias, out var l) ? l : null;

        /// <summary>
        /// Finds the licence a legacy <c>licenseUrl</c> points at: a URL the catalog lists, or a licence publisher's own page for a
        /// licence the catalog knows (<see cref="Licensing.CanonicalLicenseUrl"/>: <c>spdx.org/licenses/MIT.html</c>,
        /// <c>gnu.org/licenses/gpl-3.0.en.html</c>, <c>creativecommons.org/licenses/by/4.0/</c>…).
        /// </summary>
        public LicenseEntry? FindLicenseByUrl(string url)
        {
            string normalized = NormalizeUrl(url);
            if (licenseTexts.Value.ByUrl.TryGetValue(normalized, out var listed))
            {
                return listed;
            }

            string? id = Licensing.CanonicalLicenseUrl.IdOf(normalized);
            return id == null ? null : FindLicense(id) ?? (licensesByKey.Value.TryGetValue(Licensing.CanonicalLicenseUrl.Key(id), out var byKey) ? byKey : null);
        }

        /// <summary>Finds the licence whose licence files open with this title (the whole first line, not a word in it).</summary>
        public LicenseEntry? FindLicenseByTitle(string? title) => title != null && licenseTexts.Value.ByTitle.TryGetValue(NormalizeTitle(title), out var l) ? l : null;

        /// <summary>
        /// Finds the licence a title pattern of the catalog names for a licence file no SPDX text matched, such as the vendor
        /// terms of "Contoso Source Available License" or "… End User License Agreement" (patterns only ever name licences that
        /// are not permissive).
        /// </summary>
        public LicenseEntry? FindLicenseByTitlePattern(string? title)
        {
            if (title == null)
            {
                return null;
            }

            string normalized = NormalizeTitle(title);
            foreach (var (pattern, license) in licenseTexts.Value.TitlePatterns)
            {
                if (Matching.Glob.IsMatch(pattern, normalized))
                {
                    return license;
                }
            }

            return null;
        }

        /// <summary>
        /// Finds the licence a section of a multi-licence file offers, by the section's whole heading: a catalogued title or
        /// heading, the licence's id or its name (e.g. "LGPL v3 License", "Commercial License", "MIT", "Apache License 2.0").
        /// </summary>
        public LicenseEntry? FindLicenseByHeading(string heading) => licenseTexts.Value.ByHeading.TryGetValue(NormalizeTitle(heading), out var l) ? l : null;

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

        /// <summary>Finds a task by id.</summary>
        public TaskEntry? FindTask(string? id) => id != null && tasksById.TryGetValue(id, out var t) ? t : null;

        /// <summary>Finds a runtime by id.</summary>
        public RuntimeEntry? FindRuntime(string id) => runtimesById.TryGetValue(id, out var r) ? r : null;

        /// <summary>Gets the settings of a rule (defaults when the rules files say nothing).</summary>
        public RuleSettings GetRule(string diagnosticId) => Rules.TryGetValue(diagnosticId, out var r) ? r : DefaultRule;

        /// <summary>Gets the licence class of a licence id, or <c>unknown</c>.</summary>
        public string ClassOf(string licenseId) => FindLicense(licenseId)?.Class ?? LicenseClasses.Unknown;

        /// <summary>Describes up to <paramref name="max"/> alternatives, e.g. <c>Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp</c>.</summary>
        public string DescribeAlternatives(IReadOnlyList<AlternativeRef> alternatives, int max = 3)
        {
            var described = alternatives.Select(DescribeAlternative).Where(text => text != null).Take(max).ToList();
            return described.Count == 0 ? "none listed in the catalog" : string.Join(", ", described);
        }

        /// <summary>
        /// Describes one alternative: model, licence, class and conditions in a few words, runtime
        /// (<c>Stable Diffusion 1.x (CreativeML OpenRAIL-M, open-weights-restricted: use restrictions passed on to users) via StableDiffusion.NET</c>).
        /// </summary>
        public string? DescribeAlternative(AlternativeRef alternative)
        {
            var model = FindModel(alternative.Model);
            var runtime = FindRuntime(alternative.Runtime);
            if (model == null || runtime == null)
            {
                return null;
            }

            return DescribeModel(model) + " via " + runtime.Name;
        }

        /// <summary>Describes a model with its licence, class and conditions: <c>FLUX.1 [schnell] (Apache-2.0, permissive)</c>.</summary>
        public string DescribeModel(ModelEntry model)
        {
            var license = FindLicense(model.License);
            string text = model.Name + " (" + (license?.DisplayId ?? model.License) + ", " + (license?.Class ?? LicenseClasses.Unknown);
            if (license != null && license.Conditions.Length > 0)
            {
                text += ": " + license.Conditions;
            }

            return text + ")";
        }

        /// <summary>
        /// Chooses the open alternatives for what the code does with a service. The task is the one the code shows, else the
        /// service's only task; with a task, the service's own alternatives whose model's main task it is come first, then the task's. Without one
        /// (a client created but not yet used, a package), nothing is chosen: <see cref="AlternativeChoice.Tasks"/> lists what
        /// the service covers instead of guessing.
        /// </summary>
        public AlternativeChoice ChooseAlternatives(ServiceEntry? service, string? taskId)
        {
            var task = FindTask(taskId);
            if (task == null && service != null && service.Tasks.Count == 1)
            {
                task = FindTask(service.Tasks[0]);
            }

            if (task == null)
            {
                var covered = service?.Tasks.Select(t => FindTask(t)).Where(t => t != null).Select(t => t!).ToList() ?? new List<TaskEntry>();

                // A user's service without tasks keeps the alternatives it lists.
                return covered.Count == 0
                    ? new AlternativeChoice(null, service?.Alternatives ?? Array.Empty<AlternativeRef>(), Array.Empty<TaskEntry>())
                    : new AlternativeChoice(null, Array.Empty<AlternativeRef>(), covered);
            }

            var chosen = new List<AlternativeRef>();
            var models = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            // A service lists its alternatives for what it is mostly used for; each counts for its model's main task only.
            var fromService = service?.Alternatives.Where(a => FindModel(a.Model)?.Tasks.FirstOrDefault() is string main && main.Equals(task.Id, StringComparison.OrdinalIgnoreCase))
                ?? Enumerable.Empty<AlternativeRef>();
            foreach (var alternative in fromService.Concat(task.Alternatives))
            {
                if (models.Add(alternative.Model))
                {
                    chosen.Add(alternative);
                }
            }

            return new AlternativeChoice(task, chosen, Array.Empty<TaskEntry>());
        }

        /// <summary>
        /// Describes a choice for a message: the alternatives, or why there are none. <paramref name="forPackage"/> words the
        /// service-wide case for a package, which serves every task of its service, rather than for a line of code.
        /// </summary>
        public string DescribeChoice(AlternativeChoice choice, ServiceEntry? service, int max = 3, bool forPackage = false)
        {
            if (choice.Alternatives.Count > 0)
            {
                return DescribeAlternatives(choice.Alternatives, max);
            }

            if (choice.Task != null)
            {
                return choice.Task.Note.Length > 0 ? "none for " + choice.Task.Name + ". " + choice.Task.Note.TrimEnd('.') : "none listed in the catalog for " + choice.Task.Name;
            }

            if (choice.Tasks.Count > 0 && service != null)
            {
                return (forPackage ? "they depend on what the code does with it (each call's finding names them); " : "they depend on the task, which this code does not show; ")
                    + service.Name + " covers " + string.Join(", ", choice.Tasks.Select(t => t.Name))
                    + " ('licenseguard rules show " + service.Id + "' lists the alternatives for each)";
            }

            return "none listed in the catalog";
        }

        /// <summary>
        /// Finds the task a call shows by the qualified name of the SDK member or created type. The most specific pattern wins
        /// (the most characters besides <c>*</c>: <c>*.ImageClient.GenerateImageEdit*</c> beats <c>OpenAI.Images.*</c>), then
        /// catalog order.
        /// </summary>
        public TaskEntry? TaskOfSymbol(string qualifiedName)
        {
            TaskEntry? best = null;
            int bestLength = -1;
            foreach (var task in Tasks)
            {
                foreach (var pattern in task.Symbols)
                {
                    int length = pattern.Length - pattern.Count(c => c == '*');
                    if (length > bestLength && Glob.IsMatch(pattern, qualifiedName))
                    {
                        best = task;
                        bestLength = length;
                    }
                }
            }

            return best;
        }

        /// <summary>Finds the task a URL shows by its path (<c>…/v1/images/generations</c>); query and fragment are ignored.</summary>
        public TaskEntry? TaskOfUrl(string url)
        {
            int hostStart = url.IndexOf("//", StringComparison.Ordinal);
            int pathStart = url.IndexOf('/', hostStart < 0 ? 0 : hostStart + 2);
            if (pathStart < 0)
            {
                return null;
            }

            int end = url.IndexOfAny(PathEnd, pathStart);
            string path = (end < 0 ? url.Substring(pathStart) : url.Substring(pathStart, end - pathStart)).TrimEnd('/');
            foreach (var task in Tasks)
            {
                foreach (var pattern in task.Paths)
                {
                    if (Glob.IsMatch("*" + pattern, path))
                    {
                        return task;
                    }
                }
            }

            return null;
        }

        /// <summary>Finds the task of a GGUF file's <c>general.architecture</c>.</summary>
        public TaskEntry? TaskOfGgufArchitecture(string? architecture) =>
            architecture == null ? null : Tasks.FirstOrDefault(t => t.GgufArchitectures.Contains(architecture.Trim(), StringComparer.OrdinalIgnoreCase));

        /// <summary>Finds the task of a Hugging Face <c>pipeline_tag</c>.</summary>
        public TaskEntry? TaskOfPipelineTag(string? pipelineTag) =>
            pipelineTag == null ? null : Tasks.FirstOrDefault(t => t.PipelineTags.Contains(pipelineTag.Trim(), StringComparer.OrdinalIgnoreCase));

        private static readonly RuleSettings DefaultRule = new RuleSettings();

        private static readonly char[] PathEnd = { '?', '#', '"', ' ' };

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

        private sealed class LicenseTextLookups
        {
            public LicenseTextLookups(IReadOnlyList<LicenseEntry> licenses)
            {
                foreach (var license in licenses)
                {
                    foreach (var url in license.Urls)
                    {
                        ByUrl[NormalizeUrl(url)] = license;
                    }

                    foreach (var title in license.Titles)
                    {
                        if (title.IndexOf('*') >= 0)
                        {
                            // A pattern may only ever make a licence file less permissive than unknown.
                            if (!string.Equals(license.Class, LicenseClasses.Permissive, StringComparison.OrdinalIgnoreCase))
                            {
                                TitlePatterns.Add((string.Join("*", title.Split('*').Select(part => part.Trim().Length == 0 ? string.Empty : NormalizeTitle(part))), license));
                            }

                            continue;
                        }

                        ByTitle[NormalizeTitle(title)] = license;
                        ByHeading[NormalizeTitle(title)] = license;
                    }

                    foreach (var heading in license.Headings.Concat(new[] { license.Id, license.Name }))
                    {
                        if (heading.Length > 0 && !ByHeading.ContainsKey(NormalizeTitle(heading)))
                        {
                            ByHeading[NormalizeTitle(heading)] = license;
                        }
                    }
                }
            }

            public Dictionary<string, LicenseEntry> ByUrl { get; } = new Dictionary<string, LicenseEntry>(StringComparer.OrdinalIgnoreCase);

            public Dictionary<string, LicenseEntry> ByTitle { get; } = new Dictionary<string, LicenseEntry>(StringComparer.Ordinal);

            public Dictionary<string, LicenseEntry> ByHeading { get; } = new Dictionary<string, LicenseEntry>(StringComparer.Ordinal);

            public List<(string Pattern, LicenseEntry License)> TitlePatterns { get; } = new List<(string, LicenseEntry)>();
        }
    }
}
