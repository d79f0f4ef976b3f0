using System;
using System.Linq;
using System.Collections.Immutable;
using LicenseGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LicenseGuard.Analyzers.Rules
{
    /// <summary>LG9001: problems in licenseguard*.json rules files, at their file, line and column. See docs/rules/LG9001.md.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RulesFileAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RulesFileInvalid, Descriptors.RulesFileInvalidAtCompilationEnd);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            ReportRulesFolder(context);
            if (!CatalogSnapshot.HasRulesFiles(context.Options))
            {
                return; // the built-in catalog has no problems (a test loads it), and loading it here would cost every compilation
            }

            // The gather step reaches its dependency verdict only under rules files without problems: when the verdict was reached
            // under these rules files today, there is nothing to report and nothing to load.
            var inventoryFile = InventoryFiles.Find(context.Options.AdditionalFiles);
            if (inventoryFile != null && InventoryFiles.ReadSummary(inventoryFile, context.CancellationToken) is { VerdictUnder: { } under }
                && under == RulesFingerprint.Of(CatalogSnapshot.RulesTexts(context.Options, context.CancellationToken), DateTime.UtcNow.Date))
            {
                return;
            }

            var snapshot = CatalogSnapshot.Get(context.Options, context.CancellationToken);
            if (snapshot.Catalog.Problems.Count == 0)
            {
                return;
            }

            AdditionalFileReporting.Register(context, snapshot.RulesFiles, (file, text, atCompilationEnd, _) =>
                from problem in snapshot.Catalog.Problems
                where string.Equals(problem.Span.Path, file.Path, StringComparison.Ordinal)
                select Diagnostic.Create(
                    atCompilationEnd ? Descriptors.RulesFileInvalidAtCompilationEnd : Descriptors.RulesFileInvalid,
                    AdditionalFileReporting.LocationIn(file, text, problem.Span.Start, problem.Span.Length),
                    problem.Message));
        }
    
        private static void ReportRulesFolder(CompilationStartAnalysisContext context)
        {
            if (!context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(AnalyzerOptionKeys.RulesFolder, out string? folder) || string.IsNullOrWhiteSpace(folder))
            {
                return;
            }

            var project = context.Options.AdditionalFiles.FirstOrDefault(f => f.Path.EndsWith("proj", StringComparison.OrdinalIgnoreCase));
            if (project == null)
            {
                context.RegisterCompilationEndAction(c => c.ReportDiagnostic(Diagnostic.Create(Descriptors.RulesFileInvalidAtCompilationEnd, Location.None, FolderMessage(folder))));
                return;
            }

            AdditionalFileReporting.Register(context, new[] { project }, (file, text, atCompilationEnd, _) => new[]
            {
                Diagnostic.Create(
                    atCompilationEnd ? Descriptors.RulesFileInvalidAtCompilationEnd : Descriptors.RulesFileInvalid,
                    AdditionalFileReporting.LocationIn(file, text, 0, 0),
                    FolderMessage(folder)),
            });
        }

        private static string FolderMessage(string folder) =>
            $"'{folder}' is a folder, not a rules file: no rules, policy or exceptions were read from it. Move the rules into a file of that name";
    }
}
