using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGuard.Catalog;
using LicenseGuard.Inventory;
using LicenseGuard.Json;
using LicenseGuard.Matching;

namespace LicenseGuard.Policy
{
    /// <summary>
    /// The dependency findings of a project as the build reports them: evaluated against the catalog, the rules' ignore lists and
    /// severities applied, messages and properties written out. The gather step computes it once (long-lived MSBuild nodes, and
    /// only when the restore output or the rules change) and records it in the inventory under the <see cref="RulesFingerprint"/>
    /// of its inputs; the analyzer that computes the same fingerprint reports it as it is, without loading the catalog. Any
    /// difference (an edited rules file, another day, another LicenseGuard) only means the analyzer evaluates again.
    /// </summary>
    public sealed class DependencyVerdict
    {
        /// <summary>Initializes a new instance of the <see cref="DependencyVerdict"/> class.</summary>
        public DependencyVerdict(string under, IReadOnlyList<ReportableDependencyFinding> findings)
        {
            Under = under;
            Findings = findings;
        }

        /// <summary>Gets the fingerprint of the rules, the day and the LicenseGuard build the verdict was reached under.</summary>
        public string Under { get; }

        /// <summary>Gets the findings to report.</summary>
        public IReadOnlyList<ReportableDependencyFinding> Findings { get; }

        /// <summary>
        /// Evaluates an inventory's packages under rules files (path and text, in any order), or returns null when the inventory
        /// or a rules file has a problem (which the analyzer reports in full).
        /// </summary>
        public static DependencyVerdict? Reach(ProjectInventory inventory, IReadOnlyList<RulesSource> rulesFiles, DateTime day)
        {
            if (inventory.Problems.Count > 0)
            {
                return null;
            }

            var ordered = rulesFiles.OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
            return Reach(inventory, RulesCatalog.Load(ordered), ordered.Select(s => s.Text), day);
        }

        /// <summary>Evaluates an inventory's packages under a catalog loaded from rules texts given in layering order.</summary>
        public static DependencyVerdict? Reach(ProjectInventory inventory, RulesCatalog catalog, IEnumerable<string> orderedRulesTexts, DateTime day)
        {
            if (inventory.Problems.Count > 0 || catalog.Problems.Count > 0)
            {
                return null;
            }

            var findings = DependencyEvaluator.Evaluate(inventory.Packages, catalog, day, inventory.Redistributes, inventory.BaselinePackages);
            return new DependencyVerdict(RulesFingerprint.Of(orderedRulesTexts, day), Reportable(findings, catalog));
        }

        /// <summary>Applies the rules' ignore lists and severities to findings and writes out their messages and properties.</summary>
        public static IReadOnlyList<ReportableDependencyFinding> Reportable(IEnumerable<DependencyFinding> findings, RulesCatalog catalog)
        {
            var reportable = new List<ReportableDependencyFinding>();
            foreach (var finding in findings)
            {
                var rule = catalog.GetRule(finding.RuleId);
                if (!rule.Enabled || (finding.Package != null && rule.Ignore.Any(pattern => Glob.IsMatch(pattern, finding.Package.Id))))
                {
                    continue;
                }

                string? severity = finding.Service?.Severity ?? (finding.Action == PolicyAction.Deny ? "error" : null) ?? rule.Severity;
                if (severity != null && severity != "error" && severity != "warning" && severity != "info" && severity != "hidden")
                {
                    continue; // "none"
                }

                reportable.Add(new ReportableDependencyFinding(
                    finding.RuleId,
                    severity,
                    finding.Exception == null ? finding.Package?.DirectReference : null,
                    finding.Exception?.DeclaredAt,
                    ArgumentsOf(finding, catalog),
                    PropertiesOf(finding, catalog)));
            }

            return reportable;
        }

        /// <summary>
        /// Gets a value indicating whether every finding names a dependency rule and carries the arguments its message takes: a
        /// verdict read from a damaged inventory is not reported (the analyzer evaluates instead), so that no message is ever
        /// formatted with missing arguments.
        /// </summary>
        public bool IsWellFormed => Findings.All(f => ArgumentCount(f.RuleId) == f.Arguments.Count);

        /// <summary>Writes the verdict as a JSON value.</summary>
        public void WriteTo(JsonWriter writer)
        {
            writer.StartObject().Property("under", Under).Name("findings").StartArray();
            foreach (var finding in Findings)
            {
                writer.StartObject()
                    .Property("rule", finding.RuleId)
                    .Property("severity", finding.Severity)
                    .Property("directReference", finding.DirectReference);
                writer.Name("exceptionAt");
                if (finding.ExceptionAt is { } at)
                {
                    writer.StartObject().Property("path", at.Path).Property("start", at.Start).Property("length", at.Length).Property("line", at.Line).Property("column", at.Column).EndObject();
                }
                else
                {
                    writer.Value((string?)null);
                }

                writer.Property("arguments", finding.Arguments).Name("properties").StartObject();
                foreach (var pair in finding.Properties)
                {
                    writer.Property(pair.Key, pair.Value);
                }

                writer.EndObject().EndObject();
            }

            writer.EndArray().EndObject();
        }

        /// <summary>Reads a verdict written by <see cref="WriteTo"/>; null for JSON null or anything else.</summary>
        public static DependencyVerdict? Read(JsonNode? node)
        {
            if (node == null || node.Kind != JsonKind.Object || node.Find("under")?.Value.Text is not { } under)
            {
                return null;
            }

            var findings = new List<ReportableDependencyFinding>();
            foreach (var item in node.Find("findings")?.Value.Items ?? Array.Empty<JsonNode>())
            {
                SourceSpan? exceptionAt = null;
                if (item.Find("exceptionAt")?.Value is { Kind: JsonKind.Object } at)
                {
                    exceptionAt = new SourceSpan(at.Find("path")?.Value.Text ?? string.Empty, Int(at, "start"), Int(at, "length"), Int(at, "line"), Int(at, "column"));
                }

                var properties = new List<KeyValuePair<string, string?>>();
                foreach (var property in item.Find("properties")?.Value.Properties ?? Array.Empty<JsonProperty>())
                {
                    properties.Add(new KeyValuePair<string, string?>(property.Name, property.Value.Text));
                }

                findings.Add(new ReportableDependencyFinding(
                    item.Find("rule")?.Value.Text ?? string.Empty,
                    item.Find("severity")?.Value.Text,
                    item.Find("directReference")?.Value.Text,
                    exceptionAt,
                    (item.Find("arguments")?.Value.Items ?? Array.Empty<JsonNode>()).Select(a => a.Text ?? string.Empty).ToList(),
                    properties));
            }

            return new DependencyVerdict(under, findings);
        }

        private static int ArgumentCount(string ruleId) => ruleId switch
        {
            DependencyEvaluator.LicenseNotAllowed => 5,
            DependencyEvaluator.PackageCarriesWeights => 5,
            DependencyEvaluator.LicenseUnknown => 2,
            DependencyEvaluator.LicenseChanged => 4,
            DependencyEvaluator.ProprietaryAiPackage => 4,
            DependencyEvaluator.ExceptionUnusedOrExpired => 2,
            _ => -1,
        };

        private static int Int(JsonNode node, string name) =>
            int.TryParse(node.Find(name)?.Value.Text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int value) ? value : 0;

        private static IReadOnlyList<string> ArgumentsOf(DependencyFinding finding, RulesCatalog catalog) => finding.RuleId switch
        {
            DependencyEvaluator.LicenseNotAllowed => new[] { finding.Subject, finding.License, finding.LicenseClass, finding.Rule, finding.Origin },
            DependencyEvaluator.PackageCarriesWeights => new[] { finding.Subject, finding.Origin, finding.License, finding.LicenseClass, WeightAlternatives(finding, catalog) },
            DependencyEvaluator.LicenseUnknown => new[] { finding.Subject, finding.Origin },
            DependencyEvaluator.LicenseChanged => new[] { finding.Subject, finding.License, finding.LicenseClass, finding.Origin },
            DependencyEvaluator.ProprietaryAiPackage => new[]
            {
                finding.Subject, finding.Service!.Name, catalog.ClassOf(finding.Service.License) + ", " + finding.Service.Access,
                catalog.DescribeChoice(catalog.ChooseAlternatives(finding.Service, null), finding.Service, forPackage: true),
            },
            _ => new[] { finding.Exception!.Package + (finding.Exception.Version.Original == "*" ? string.Empty : " " + finding.Exception.Version.Original), finding.Origin },
        };

        private static string WeightAlternatives(DependencyFinding finding, RulesCatalog catalog)
        {
            var task = catalog.FindTask(finding.Model?.Tasks.FirstOrDefault());
            return WeightsEvaluator.DescribeAlternatives(WeightsEvaluator.Alternatives(finding.Model, task, catalog), task, catalog,
                "none chosen, as the catalog does not know which model the package bundles");
        }

        private static IReadOnlyList<KeyValuePair<string, string?>> PropertiesOf(DependencyFinding finding, RulesCatalog catalog)
        {
            var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (finding.Service != null)
            {
                var choice = catalog.ChooseAlternatives(finding.Service, null);
                properties["service"] = finding.Service.Id;
                properties["license"] = finding.Service.License;
                properties["alternatives"] = choice.Ids;
                if (choice.Task != null)
                {
                    properties["task"] = choice.Task.Id;
                }
            }

            if (finding.Package != null)
            {
                properties["package"] = finding.Package.Id;
                properties["version"] = finding.Package.Version;
                properties["directReference"] = finding.Package.DirectReference;
                properties["path"] = string.Join(" > ", finding.Package.Path);
                properties["license"] = finding.License;
                properties["licenseClass"] = finding.LicenseClass;
                properties["rule"] = finding.Rule;
                properties["origin"] = finding.Origin;
            }

            return properties.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>A dependency finding as it is reported: rule, severity, where, message arguments and properties.</summary>
    public sealed class ReportableDependencyFinding
    {
        /// <summary>Initializes a new instance of the <see cref="ReportableDependencyFinding"/> class.</summary>
        public ReportableDependencyFinding(string ruleId, string? severity, string? directReference, SourceSpan? exceptionAt, IReadOnlyList<string> arguments, IReadOnlyList<KeyValuePair<string, string?>> properties)
        {
            RuleId = ruleId;
            Severity = severity;
            DirectReference = directReference;
            ExceptionAt = exceptionAt;
            Arguments = arguments;
            Properties = properties;
        }

        /// <summary>Gets the diagnostic id (LG2003, LG3001–LG3005).</summary>
        public string RuleId { get; }

        /// <summary>Gets the severity (<c>error</c>, <c>warning</c>, <c>info</c>, <c>hidden</c>), or null for the rule's default.</summary>
        public string? Severity { get; }

        /// <summary>Gets the direct reference whose project-file line the finding is reported at, if it is about a package.</summary>
        public string? DirectReference { get; }

        /// <summary>Gets where the policy exception the finding is about was declared, if it is about one (LG3004).</summary>
        public SourceSpan? ExceptionAt { get; }

        /// <summary>Gets the message arguments.</summary>
        public IReadOnlyList<string> Arguments { get; }

        /// <summary>Gets the machine-readable properties, ordered by key.</summary>
        public IReadOnlyList<KeyValuePair<string, string?>> Properties { get; }
    }
}
