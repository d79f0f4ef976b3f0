using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGuard.Catalog;
using LicenseGuard.Inventory;
using LicenseGuard.Matching;

namespace LicenseGuard.Policy
{
    /// <summary>The verdict about one shipped weight file.</summary>
    public sealed class WeightFinding
    {
        /// <summary>Gets the weight file.</summary>
        public WeightFact Weight { get; internal set; } = new WeightFact();

        /// <summary>Gets the model the file was recognised as, if any.</summary>
        public ModelEntry? Model { get; internal set; }

        /// <summary>Gets the licence id (or the raw value when the catalog does not know it).</summary>
        public string License { get; internal set; } = "unknown";

        /// <summary>Gets the licence class.</summary>
        public string LicenseClass { get; internal set; } = LicenseClasses.Unknown;

        /// <summary>Gets where the licence fact came from; <c>none</c> when nothing identifies the licence.</summary>
        public string Source { get; internal set; } = string.Empty;

        /// <summary>
        /// Gets the licence as reports say it: "licence Apache-2.0 (permissive), from model card README.md", or, when nothing
        /// identifies it, why it is unknown.
        /// </summary>
        public string LicenseDescription => Source == NoSource
            ? "licence unknown: neither the file's metadata, a model card next to it nor its name identifies one"
            : $"licence {License} ({LicenseClass}), from {Source}";

        /// <summary>The <see cref="Source"/> of a licence nothing identifies.</summary>
        public const string NoSource = "none";

        /// <summary>Gets the verdict: deny is an error, warn a warning, allow an informational notice obligation.</summary>
        public PolicyAction Action { get; internal set; }

        /// <summary>Gets what redistribution demands (or why it is not allowed).</summary>
        public IReadOnlyList<string> Conditions { get; internal set; } = Array.Empty<string>();

        /// <summary>Gets what the model does (from the catalog entry or the model card), or null when nothing shows it.</summary>
        public TaskEntry? Task { get; internal set; }

        /// <summary>Gets open models of the same task whose licence allows redistribution, best first.</summary>
        public IReadOnlyList<ModelEntry> Alternatives { get; internal set; } = Array.Empty<ModelEntry>();
    }

    /// <summary>
    /// Judges shipped model weights: closed or proprietary weights are errors; non-commercial weights are errors unless the
    /// product is declared non-commercial; restricted open weights are warnings listing their conditions; permissive weights
    /// carry a notice obligation (informational); unknown licences are warnings. <c>policy.licenses</c> can override per licence,
    /// and <c>policy.exceptions</c> entries with a <c>file</c> accept single files.
    /// </summary>
    public static class WeightsEvaluator
    {
        /// <summary>Diagnostic id of shipped weights.</summary>
        public const string WeightsShipped = "LG2001";

        /// <summary>Evaluates every weight file of an inventory.</summary>
        public static IReadOnlyList<WeightFinding> Evaluate(IEnumerable<WeightFact> weights, RulesCatalog catalog)
        {
            var findings = new List<WeightFinding>();
            foreach (var weight in weights)
            {
                if (catalog.Policy.Exceptions.Any(e => e.File != null && (Glob.IsMatch(e.File, Normalize(weight.Item)) || Glob.IsMatch(e.File, weight.FileName))))
                {
                    continue;
                }

                findings.Add(Judge(weight, catalog));
            }

            return findings;
        }

        private static WeightFinding Judge(WeightFact weight, RulesCatalog catalog)
        {
            var (licenseText, source) = DeclaredLicense(weight);
            var model = FindModel(weight, catalog, out string? modelSource);
            LicenseEntry? license = null;
            if (licenseText != null)
            {
                license = catalog.FindLicense(licenseText);
            }
            else if (model != null)
            {
                license = catalog.FindLicense(model.License);
                source = modelSource!;
            }

            string licenseClass = license?.Class ?? LicenseClasses.Unknown;
            if (license == null && licenseText != null && Licensing.LicenseExpression.TryParse(licenseText, out var expression, out _) && !(expression is Licensing.LicenseTerm))
            {
                // GGUF's general.license is an SPDX expression: OR takes the most permissive class, AND the strictest.
                licenseClass = expression!.Evaluate(t => catalog.ClassOf(t.Exception ?? t.Id), (a, b) => Rank(a) <= Rank(b) ? a : b, (a, b) => Rank(a) >= Rank(b) ? a : b);
            }

            var finding = new WeightFinding
            {
                Weight = weight,
                Model = model,
                License = license?.Id ?? licenseText ?? "unknown",
                LicenseClass = licenseClass,
                Source = source.Length > 0 ? source : WeightFinding.NoSource,
            };
            finding.Task = catalog.FindTask(model?.Tasks.FirstOrDefault()) ?? catalog.TaskOfPipelineTag(weight.CardPipelineTag)
                ?? catalog.TaskOfGgufArchitecture(weight.Metadata.TryGetValue("general.architecture", out var architecture) ? architecture : null);
            finding.Alternatives = Alternatives(model, finding.Task, catalog);

            var policy = catalog.Policy;
            if (license != null && policy.Licenses.TryGetValue(license.Id, out var overridden))
            {
                finding.Action = overridden;
            }
            else
            {
                finding.Action = licenseClass switch
                {
                    LicenseClasses.Proprietary => PolicyAction.Deny,
                    LicenseClasses.NonCommercial => policy.NonCommercialProduct ? PolicyAction.Warn : PolicyAction.Deny,
                    LicenseClasses.Permissive => PolicyAction.Allow,
                    _ => PolicyAction.Warn,
                };
            }

            finding.Conditions = licenseClass switch
            {
                LicenseClasses.Proprietary => new[] { "closed weights may not be redistributed" },
                LicenseClasses.NonCommercial => new[] { "no commercial use or redistribution" }.Concat(license?.Obligations ?? Array.Empty<string>()).ToList(),
                LicenseClasses.Unknown => new[] { "find and record the licence before shipping (a model card or a clarify entry)" },
                _ => license?.Obligations ?? (IReadOnlyList<string>)Array.Empty<string>(),
            };
            return finding;
        }

        /// <summary>The licence the file or its model card declares; "other" defers to the licence name.</summary>
        private static (string? License, string Source) DeclaredLicense(WeightFact weight)
        {
            foreach (var (key, nameKey) in new[] { ("general.license", "general.license.name"), ("license", "license_name") })
            {
                if (weight.Metadata.TryGetValue(key, out var value) && value.Trim().Length > 0)
                {
                    if (value.Equals("other", StringComparison.OrdinalIgnoreCase) && weight.Metadata.TryGetValue(nameKey, out var name))
                    {
                        value = name;
                    }

                    return (value.Trim(), $"file metadata ({weight.Format} {key})");
                }
            }

            if (weight.CardLicense != null)
            {
                string value = weight.CardLicense.Equals("other", StringComparison.OrdinalIgnoreCase) && weight.CardLicenseName != null ? weight.CardLicenseName : weight.CardLicense;
                return (value, "model card " + System.IO.Path.GetFileName(weight.CardPath ?? "README.md"));
            }

            return (null, string.Empty);
        }

        /// <summary>Recognises the model from names in the header or card, then from the file name (catalog patterns).</summary>
        private static ModelEntry? FindModel(WeightFact weight, RulesCatalog catalog, out string? source)
        {
            var names = weight.Metadata.Where(p => p.Key == "general.name" || p.Key == "general.basename" || (p.Key.StartsWith("general.base_model.", StringComparison.Ordinal) && p.Key.EndsWith(".name", StringComparison.Ordinal)) || p.Key == "model_name")
                .Select(p => p.Value)
                .Concat(weight.CardBaseModels)
                .ToList();
            foreach (var name in names)
            {
                var byName = catalog.Models.FirstOrDefault(m => m.Ids.Any(pattern => Glob.IsMatch(pattern, name)) || m.Files.Any(pattern => Glob.IsMatch(pattern, name)));
                if (byName != null)
                {
                    source = $"model name '{name}' (catalog: {byName.Name})";
                    return byName;
                }
            }

            var byFile = catalog.Models.FirstOrDefault(m => m.Files.Any(pattern => Glob.IsMatch(pattern, weight.FileName)));
            source = byFile == null ? null : $"file name (catalog: {byFile.Name})";
            return byFile;
        }

        /// <summary>
        /// Gets open models of the same task whose licence allows redistribution (permissive) and that .NET can run. Without a task
        /// none are chosen: an image model must not be replaced by a text model.
        /// </summary>
        /// <remarks>Ranked by same family, then by how many .NET runtimes they share with the model (a GGUF chat model is
        /// replaced by another GGUF chat model), then by the task's own ranking, then by catalog order.</remarks>
        public static IReadOnlyList<ModelEntry> Alternatives(ModelEntry? model, TaskEntry? task, RulesCatalog catalog)
        {
            if (task == null)
            {
                return Array.Empty<ModelEntry>();
            }

            var runtimes = new HashSet<string>(model?.Run.Select(r => r.Runtime) ?? Enumerable.Empty<string>(), StringComparer.OrdinalIgnoreCase);
            var taskRank = task.Alternatives.Select(a => a.Model).ToList();
            return catalog.Models
                .Select((m, index) => (Model: m, Index: index))
                .Where(c => c.Model.OpenWeights && c.Model.Run.Count > 0 && catalog.ClassOf(c.Model.License) == LicenseClasses.Permissive && c.Model != model
                    && c.Model.Tasks.Contains(task.Id, StringComparer.OrdinalIgnoreCase))
                .OrderBy(c => model != null && c.Model.Family == model.Family ? 0 : 1)
                .ThenByDescending(c => c.Model.Run.Count(r => runtimes.Contains(r.Runtime)))
                .ThenBy(c => taskRank.IndexOf(c.Model.Id) is int i && i >= 0 ? i : int.MaxValue)
                .ThenBy(c => c.Index)
                .Select(c => c.Model)
                .Take(3)
                .ToList();
        }

        /// <summary>
        /// Describes redistributable alternatives for a message: <c>FLUX.1 [schnell] (Apache-2.0, permissive), …</c>; without a
        /// task, <paramref name="whyNoTask"/>; with a task but no candidate, says so.
        /// </summary>
        public static string DescribeAlternatives(IReadOnlyList<ModelEntry> alternatives, TaskEntry? task, RulesCatalog catalog, string whyNoTask) =>
            alternatives.Count > 0 ? string.Join(", ", alternatives.Select(catalog.DescribeModel))
            : task == null ? whyNoTask
            : "none listed in the catalog for " + task.Name;

        private static int Rank(string licenseClass) => Array.IndexOf(ClassesByRestriction, licenseClass) is int i && i >= 0 ? i : 3;

        private static readonly string[] ClassesByRestriction =
        {
            LicenseClasses.Permissive, LicenseClasses.WeakCopyleft, LicenseClasses.OpenWeightsRestricted, LicenseClasses.Unknown,
            LicenseClasses.StrongCopyleft, LicenseClasses.NetworkCopyleft, LicenseClasses.NonCommercial, LicenseClasses.Proprietary,
        };

        private static string Normalize(string path) => path.Replace('\\', '/');
    }
}
