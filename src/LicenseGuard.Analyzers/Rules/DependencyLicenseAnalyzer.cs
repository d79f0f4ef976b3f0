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

            // The inventory's summary line tells whether the gather step's verdict is empty under these rules today: then there is
            // nothing to parse, and a fresh compiler process never JIT-compiles the inventory reader.
            if (InventoryFiles.ReadSummary(inventoryFile, context.CancellationToken) is { Problems: 0, Findings: 0, VerdictUnder: { } under }
                && under == RulesFingerprint.Of(CatalogSnapshot.RulesTexts(context.Options, context.CancellationToken), DateTime.UtcNow.Date))
            {
                return;
            }

            var (inventory, error) = InventoryFiles.Read(inventoryFile, context.CancellationToken);
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

            // The gather step's verdict, when it was reached under these rules today by this build (and names the rules files by
            // the paths the compiler has): reported as it is, without the catalog. Otherwise (a rules file edited since, another
            // day, a problem) the packages are evaluated here.
            IReadOnlyList<ReportableDependencyFinding> findings;
            var rulesFiles = RulesFilesOf(files);
            if (inventory.Problems.Count == 0 && inventory.DependencyVerdict is { IsWellFormed: true } verdict
                && verdict.Under == RulesFingerprint.Of(CatalogSnapshot.RulesTexts(context.Options, context.CancellationToken), DateTime.UtcNow.Date)
                && verdict.Findings.All(f => f.ExceptionAt is not { } at || rulesFiles.Any(r => string.Equals(r.Path, at.Path, StringComparison.Ordinal))))
            {
                findings = verdict.Findings;
            }
            else
            {
                var snapshot = CatalogSnapshot.Get(context.Options, context.CancellationToken);
                findings = InventoryFiles.Evaluate(inventory, snapshot, "dependencies", () => DependencyVerdict.Reportable(
                    DependencyEvaluator.Evaluate(inventory.Packages, snapshot.Catalog, DateTime.UtcNow.Date, inventory.Redistributes, inventory.BaselinePackages), snapshot.Catalog));
            }

            if (findings.Count == 0 && inventory.Problems.Count == 0)
            {
                return;
            }

            var central = inventory.CentralPackagesFile == null ? null : files.FirstOrDefault(f => string.Equals(f.Path, inventory.CentralPackagesFile, StringComparison.OrdinalIgnoreCase));
            var reportFiles = new List<AdditionalText>();
            if (project != null)
            {
                reportFiles.Add(project);
            }

            if (central != null)
            {
                reportFiles.Add(central);
            }

            reportFiles.AddRange(rulesFiles);

            // Under central package management a finding goes to the <PackageVersion> line when Directory.Packages.props has
            // one for the direct reference; the project file keeps the rest (project references, VersionOverride-only packages).
            var centralText = central?.GetText(context.CancellationToken);
            var centralLocator = centralText == null ? null : new ProjectFileLocator(centralText);
            Func<string, bool> isCentral = id => centralLocator?.FindElement("PackageVersion", id) != null;
            AdditionalFileReporting.Register(context, reportFiles, (file, text, atEnd, cancellationToken) =>
                DiagnosticsIn(file, text, atEnd, file == project, file == central, isCentral, inventory, findings, cancellationToken));
        }

        private static List<AdditionalText> RulesFilesOf(ImmutableArray<AdditionalText> files)
        {
            var rulesFiles = new List<AdditionalText>();
            foreach (var file in files)
            {
                if (CatalogSnapshot.IsRulesFile(file.Path))
                {
                    rulesFiles.Add(file);
                }
            }

            return rulesFiles;
        }

        private static IEnumerable<Diagnostic> DiagnosticsIn(
            AdditionalText file, SourceText text, bool atEnd, bool isProject, bool isCentral, Func<string, bool> hasCentralVersion, ProjectInventory inventory,
            IReadOnlyList<ReportableDependencyFinding> findings, CancellationToken cancellationToken)
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
                Location? location = null;
                if (finding.ExceptionAt is { } declaredAt)
                {
                    if (string.Equals(declaredAt.Path, file.Path, StringComparison.Ordinal))
                    {
                        location = AdditionalFileReporting.LocationIn(file, text, declaredAt.Start, declaredAt.Length);
                    }
                }
                else if (finding.DirectReference is { } direct && (isCentral || isProject) && isCentral == hasCentralVersion(direct))
                {
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
                    var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                    foreach (var pair in finding.Properties)
                    {
                        properties[pair.Key] = pair.Value;
                    }

                    yield return Diagnostic.Create(descriptor, location, SeverityOf(finding.Severity, descriptor), null, properties.ToImmutable(), finding.Arguments.ToArray<object>());
                }
            }
        }

        private static DiagnosticSeverity SeverityOf(string? severity, DiagnosticDescriptor descriptor) => severity switch
        {
            "error" => DiagnosticSeverity.Error,
            "warning" => DiagnosticSeverity.Warning,
            "info" => DiagnosticSeverity.Info,
            "hidden" => DiagnosticSeverity.Hidden,
            _ => descriptor.DefaultSeverity,
        };

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
