using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LicenseGuard.Catalog;
using LicenseGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LicenseGuard.Analyzers.Rules
{
    /// <summary>
    /// LG2001: model weights that items put into build output, publish output, the package or the assembly, judged from the
    /// facts the build gathered (headers, model cards, file names). Reported at the item's line. See docs/rules/LG2001.md.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ModelWeightsShippedAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ModelWeightsShipped, Descriptors.ModelWeightsShippedAtCompilationEnd);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var files = context.Options.AdditionalFiles;
            var inventoryFile = InventoryFiles.Find(files);
            if (inventoryFile == null)
            {
                return;
            }

            if (InventoryFiles.ReadSummary(inventoryFile, context.CancellationToken) is { Weights: 0 })
            {
                return; // the summary line says the project ships no weights: nothing to parse
            }

            var (inventory, _) = InventoryFiles.Read(inventoryFile, context.CancellationToken);
            if (inventory == null || inventory.Weights.Count == 0)
            {
                return;
            }

            var snapshot = CatalogSnapshot.Get(context.Options, context.CancellationToken);
            if (!snapshot.Catalog.GetRule(DiagnosticIds.ModelWeightsShipped).Enabled)
            {
                return;
            }

            var findings = InventoryFiles.Evaluate(inventory, snapshot, "weights", () => WeightsEvaluator.Evaluate(inventory.Weights, snapshot.Catalog));
            var project = files.FirstOrDefault(f => string.Equals(f.Path, inventory.Project, StringComparison.OrdinalIgnoreCase))
                ?? files.FirstOrDefault(f => f.Path.EndsWith("proj", StringComparison.OrdinalIgnoreCase));
            if (project == null)
            {
                return;
            }

            // The build hands over only files the user owns: the items' defining files and Directory.Build.props/.targets.
            var msbuildFiles = files.Where(f => f != project && IsMSBuildFile(f.Path)).ToList();
            var homes = new Dictionary<WeightFinding, AdditionalText>();
            foreach (var finding in findings)
            {
                // The item's defining file when it names the item, else the project file when it does (an Update of an item the
                // SDK's globs define), else another handed-over file that does, else the project file itself.
                var candidates = msbuildFiles.Where(f => string.Equals(f.Path, finding.Weight.DefinedIn, StringComparison.OrdinalIgnoreCase))
                    .Concat(new[] { project })
                    .Concat(msbuildFiles);
                homes[finding] = candidates.FirstOrDefault(f => LocateIn(f, finding, context.CancellationToken) != null) ?? project;
            }

            AdditionalFileReporting.Register(context, homes.Values.Distinct(), (file, text, atEnd, cancellationToken) =>
                from finding in findings
                where homes[finding] == file
                let severity = SeverityOf(snapshot, finding)
                where severity != null
                let span = new ProjectFileLocator(text).FindItem(finding.Weight.Item) ?? new TextSpan(0, 0)
                select Diagnostic.Create(
                    atEnd ? Descriptors.ModelWeightsShippedAtCompilationEnd : Descriptors.ModelWeightsShipped,
                    AdditionalFileReporting.LocationIn(file, text, span.Start, span.Length),
                    severity.Value,
                    null,
                    PropertiesOf(finding),
                    ArgumentsOf(finding, snapshot.Catalog)));
        }

        private static bool IsMSBuildFile(string path) =>
            path.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".targets", StringComparison.OrdinalIgnoreCase) || path.EndsWith("proj", StringComparison.OrdinalIgnoreCase);

        private static TextSpan? LocateIn(AdditionalText file, WeightFinding finding, System.Threading.CancellationToken cancellationToken)
        {
            var text = file.GetText(cancellationToken);
            return text == null ? null : new ProjectFileLocator(text).FindItem(finding.Weight.Item);
        }

        private static DiagnosticSeverity? SeverityOf(CatalogSnapshot snapshot, WeightFinding finding) =>
            snapshot.SeverityFor(Descriptors.ModelWeightsShipped, finding.Model?.Severity ?? finding.Action switch
            {
                PolicyAction.Deny => "error",
                PolicyAction.Allow => "info",
                _ => null,
            });

        private static object[] ArgumentsOf(WeightFinding finding, RulesCatalog catalog)
        {
            var weight = finding.Weight;
            string destinations = string.Join(", ", weight.Destinations.Select(d => d switch
            {
                "output" => "build output",
                "publish" => "publish output",
                "package" => "the package",
                "assembly" => "the assembly (embedded)",
                _ => d,
            }));
            string format = weight.Problem == null ? weight.Format : $"{weight.Format}, {weight.Problem}";
            string list = string.Join("; ", finding.Conditions.Select(c => c.TrimEnd('.')));
            string notices = weight.NoticeFiles.Count > 0 ? $" ({string.Join(", ", weight.NoticeFiles)} found next to the file)" : string.Empty;
            string conditions = finding.Action switch
            {
                PolicyAction.Deny => "Not redistributable: " + list,
                PolicyAction.Allow => "Keep the notice: " + (list.Length > 0 ? list : "ship the licence text with the weights") + notices,
                _ => "Conditions: " + list + notices,
            };
            string alternatives = WeightsEvaluator.DescribeAlternatives(finding.Alternatives, finding.Task, catalog,
                "none chosen, as nothing shows the model's task (name the model in a model card with a pipeline_tag, or in a rules file)");
            return new object[]
            {
                weight.Item.Replace('\\', '/'), format, destinations, finding.Model?.Name ?? "an unrecognised model",
                finding.LicenseDescription, conditions.TrimEnd('.'), alternatives,
            };
        }

        private static ImmutableDictionary<string, string?> PropertiesOf(WeightFinding finding) =>
            ImmutableDictionary.CreateRange(new[]
            {
                new KeyValuePair<string, string?>("file", finding.Weight.Item),
                new KeyValuePair<string, string?>("format", finding.Weight.Format),
                new KeyValuePair<string, string?>("model", finding.Model?.Id),
                new KeyValuePair<string, string?>("license", finding.License),
                new KeyValuePair<string, string?>("licenseClass", finding.LicenseClass),
                new KeyValuePair<string, string?>("licenseSource", finding.Source),
                new KeyValuePair<string, string?>("alternatives", string.Join(",", finding.Alternatives.Select(m => m.Id))),
                new KeyValuePair<string, string?>("task", finding.Task?.Id),
            });
    }
}
