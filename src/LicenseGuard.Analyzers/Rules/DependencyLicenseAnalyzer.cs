using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LicenseGuard.Catalog;
using LicenseGuard.Inventory;
using LicenseGuard.Matching;
using LicenseGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LicenseGuard.Analyzers.Rules
{
    /// <summary>
    /// LG3001–LG3004 and LG9002: judges the NuGet packages the build gathered (obj/licenseguard.inventory.json) against the
    /// licence policy and the catalog, and reports at the project-file line of the direct reference. See docs/rules/LG3001.md.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DependencyLicenseAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.PackageCarriesWeights, Descriptors.PackageCarriesWeightsAtCompilationEnd,
            Descriptors.LicenseNotAllowed, Descriptors.LicenseNotAllowedAtCompilationEnd,
            Descriptors.LicenseUnknown, Descriptors.LicenseUnknownAtCompilationEnd,
            Descriptors.ProprietaryAiPackage, Descriptors.ProprietaryAiPackageAtCompilationEnd,
            Descriptors.PolicyExceptionUnusedOrExpired, Descriptors.PolicyExceptionUnusedOrExpiredAtCompilationEnd,
            Descriptors.LicenseChangedSinceBaseline, Descriptors.LicenseChangedSinceBaselineAtCompilationEnd,
            Descriptors.BuildIntegrationMissing, Descriptors.BuildIntegrationMissingAtCompilationEnd);

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
            var projectFiles = files.Where(f => f.Path.EndsWith("proj", StringComparison.OrdinalIgnoreCase)).ToList();
            if (inventoryFile == null)
            {
                // Only a project that carries LicenseGuard's build targets hands over its project file; without them, stay silent.
                var projectFile = projectFiles.FirstOrDefault();
                if (projectFile != null)
                {
                    AdditionalFileReporting.Register(context, new[] { projectFile }, (file, text, atEnd, _) => new[]
                    {
                        Diagnostic.Create(atEnd ? Descriptors.BuildIntegrationMissingAtCompilationEnd : Descriptors.BuildIntegrationMissing, AdditionalFileReporting.LocationIn(file, text, 0, 0), "obj/licenseguard.inventory.json was not written; restore the project (dotnet restore) and check that the LicenseGuardGather property is not false"),
                    });
                }

                return;
            }

            var (inventory, error) = InventoryFiles.Read(inventoryFile, context.CancellationToken);
            if (inventory != null && inventory.Problems.Count == 0 && inventory.NoDependencyFindingsUnder != null
                && inventory.NoDependencyFindingsUnder == RulesFingerprint.Of(CatalogSnapshot.RulesTexts(context.Options, context.CancellationToken), DateTime.UtcNow.Date))
            {
                return; // the gather step evaluated these packages under these rules today and found nothing: no catalog needed
            }

            var snapshot = CatalogSnapshot.Get(context.Options, context.CancellationToken);
            var project = projectFiles.FirstOrDefault(f => inventory != null && string.Equals(f.Path, inventory.Project, StringComparison.OrdinalIgnoreCase)) ?? projectFiles.FirstOrDefault();
            if (inventory == null)
            {
                if (project != null)
                {
                    AdditionalFileReporting.Register(context, new[] { project }, (file, text, atEnd, _) => new[]
                    {
                        Diagnostic.Create(atEnd ? Descriptors.BuildIntegrationMissingAtCompilationEnd : Descriptors.BuildIntegrationMissing, AdditionalFileReporting.LocationIn(file, text, 0, 0), error),
                    });
                }

                return;
            }

            var central = inventory.CentralPackagesFile == null ? null : files.FirstOrDefault(f => string.Equals(f.Path, inventory.CentralPackagesFile, StringComparison.OrdinalIgnoreCase));
            var findings = InventoryFiles.Evaluate(inventory, snapshot, "dependencies", () => DependencyEvaluator.Evaluate(inventory.Packages, snapshot.Catalog, DateTime.UtcNow.Date, inventory.Redistributes, inventory.BaselinePackages));
            var reportFiles = new List<AdditionalText>();
            if (project != null)
            {
                reportFiles.Add(project);
            }

            if (central != null)
            {
                reportFiles.Add(central);
            }

            reportFiles.AddRange(snapshot.RulesFiles);

            // Under central package management a finding goes to the <PackageVersion> line when Directory.Packages.props has
            // one for the direct reference; the project file keeps the rest (project references, VersionOverride-only packages).
            var centralText = central?.GetText(context.CancellationToken);
            var centralLocator = centralText == null ? null : new ProjectFileLocator(centralText);
            Func<string, bool> isCentral = id => centralLocator?.FindElement("PackageVersion", id) != null;
            AdditionalFileReporting.Register(context, reportFiles, (file, text, atEnd, cancellationToken) =>
                DiagnosticsIn(file, text, atEnd, file == project, file == central, isCentral, inventory, findings, snapshot, cancellationToken));
        }

        private static IEnumerable<Diagnostic> DiagnosticsIn(
            AdditionalText file, SourceText text, bool atEnd, bool isProject, bool isCentral, Func<string, bool> hasCentralVersion, ProjectInventory inventory,
            IReadOnlyList<DependencyFinding> findings, CatalogSnapshot snapshot, CancellationToken cancellationToken)
        {
            var locator = new ProjectFileLocator(text);
            if (isProject)
            {
                foreach (var problem in inventory.Problems)
                {
                    yield return Diagnostic.Create(atEnd ? Descriptors.BuildIntegrationMissingAtCompilationEnd : Descriptors.BuildIntegrationMissing, AdditionalFileReporting.LocationIn(file, text, 0, 0), problem);
                }
            }

            foreach (var finding in findings)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var descriptor = DescriptorFor(finding.RuleId, atEnd);
                var rule = snapshot.Catalog.GetRule(descriptor.Id);
                if (finding.Package != null && rule.Ignore.Any(pattern => Glob.IsMatch(pattern, finding.Package.Id)))
                {
                    continue;
                }

                var severity = snapshot.SeverityFor(descriptor, finding.Service?.Severity ?? (finding.Action == PolicyAction.Deny ? "error" : null));
                if (severity == null)
                {
                    continue;
                }

                Location? location = null;
                if (finding.Exception != null)
                {
                    if (string.Equals(finding.Exception.DeclaredAt.Path, file.Path, StringComparison.Ordinal))
                    {
                        location = AdditionalFileReporting.LocationIn(file, text, finding.Exception.DeclaredAt.Start, finding.Exception.DeclaredAt.Length);
                    }
                }
                else if (finding.Package != null && (isCentral || isProject) && isCentral == hasCentralVersion(finding.Package.DirectReference))
                {
                    string direct = finding.Package.DirectReference;
                    var span = isCentral
                        ? locator.FindElement("PackageVersion", direct)
                        : locator.FindElement("PackageReference", direct) ?? locator.FindProjectReference(direct) ?? new TextSpan(0, 0);
                    if (span != null)
                    {
                        location = AdditionalFileReporting.LocationIn(file, text, span.Value.Start, span.Value.Length);
                    }
                }

                if (location != null)
                {
                    yield return Diagnostic.Create(descriptor, location, severity.Value, null, PropertiesOf(finding, snapshot), ArgumentsOf(finding, snapshot));
                }
            }
        }

        private static object[] ArgumentsOf(DependencyFinding finding, CatalogSnapshot snapshot) => finding.RuleId switch
        {
            DependencyEvaluator.LicenseNotAllowed => new object[] { finding.Subject, finding.License, finding.LicenseClass, finding.Rule, finding.Origin },
            DependencyEvaluator.PackageCarriesWeights => new object[] { finding.Subject, finding.Origin, finding.License, finding.LicenseClass, WeightAlternatives(finding, snapshot.Catalog) },
            DependencyEvaluator.LicenseUnknown => new object[] { finding.Subject, finding.Origin },
            DependencyEvaluator.LicenseChanged => new object[] { finding.Subject, finding.License, finding.LicenseClass, finding.Origin },
            DependencyEvaluator.ProprietaryAiPackage => new object[] { finding.Subject, finding.Service!.Name, snapshot.AccessOf(finding.Service), snapshot.AlternativesFor(finding.Service, null).Text },
            _ => new object[] { finding.Exception!.Package + (finding.Exception.Version.Original == "*" ? string.Empty : " " + finding.Exception.Version.Original), finding.Origin },
        };

        private static string WeightAlternatives(DependencyFinding finding, RulesCatalog catalog)
        {
            var task = catalog.FindTask(finding.Model?.Tasks.FirstOrDefault());
            return WeightsEvaluator.DescribeAlternatives(WeightsEvaluator.Alternatives(finding.Model, task, catalog), task, catalog,
                "none chosen, as the catalog does not know which model the package bundles");
        }

        private static ImmutableDictionary<string, string?> PropertiesOf(DependencyFinding finding, CatalogSnapshot snapshot)
        {
            var properties = snapshot.PropertiesFor(finding.Service, null, null, snapshot.AlternativesFor(finding.Service, null)).ToBuilder();
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

            return properties.ToImmutable();
        }

        private static DiagnosticDescriptor DescriptorFor(string ruleId, bool atEnd) => ruleId switch
        {
            DependencyEvaluator.LicenseNotAllowed => atEnd ? Descriptors.LicenseNotAllowedAtCompilationEnd : Descriptors.LicenseNotAllowed,
            DependencyEvaluator.PackageCarriesWeights => atEnd ? Descriptors.PackageCarriesWeightsAtCompilationEnd : Descriptors.PackageCarriesWeights,
            DependencyEvaluator.LicenseUnknown => atEnd ? Descriptors.LicenseUnknownAtCompilationEnd : Descriptors.LicenseUnknown,
            DependencyEvaluator.ProprietaryAiPackage => atEnd ? Descriptors.ProprietaryAiPackageAtCompilationEnd : Descriptors.ProprietaryAiPackage,
            DependencyEvaluator.LicenseChanged => atEnd ? Descriptors.LicenseChangedSinceBaselineAtCompilationEnd : Descriptors.LicenseChangedSinceBaseline,
            _ => atEnd ? Descriptors.PolicyExceptionUnusedOrExpiredAtCompilationEnd : Descriptors.PolicyExceptionUnusedOrExpired,
        };
    }
}
