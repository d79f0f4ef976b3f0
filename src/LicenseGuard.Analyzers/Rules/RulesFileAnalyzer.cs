using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using LicenseGuard.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

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
            var snapshot = CatalogSnapshot.Get(context.Options, context.CancellationToken);
            if (snapshot.Catalog.Problems.Count == 0)
            {
                return;
            }

            var reported = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            context.RegisterAdditionalFileAction(c =>
            {
                if (!CatalogSnapshot.IsRulesFile(c.AdditionalFile.Path) || !reported.TryAdd(c.AdditionalFile.Path, true))
                {
                    return;
                }

                ReportProblems(snapshot, c.AdditionalFile, Descriptors.RulesFileInvalid, c.ReportDiagnostic, c.CancellationToken);
            });

            // Some IDE hosts never run additional-file actions; report what they skipped once the compilation ends.
            context.RegisterCompilationEndAction(c =>
            {
                foreach (var file in snapshot.RulesFiles)
                {
                    if (reported.TryAdd(file.Path, true))
                    {
                        ReportProblems(snapshot, file, Descriptors.RulesFileInvalidAtCompilationEnd, c.ReportDiagnostic, c.CancellationToken);
                    }
                }
            });
        }

        private static void ReportProblems(CatalogSnapshot snapshot, AdditionalText file, DiagnosticDescriptor descriptor, Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            var text = file.GetText(cancellationToken);
            if (text == null)
            {
                return;
            }

            foreach (RulesProblem problem in snapshot.Catalog.Problems)
            {
                if (!string.Equals(problem.Span.Path, file.Path, StringComparison.Ordinal))
                {
                    continue;
                }

                int start = Math.Min(problem.Span.Start, text.Length);
                var span = new TextSpan(start, Math.Min(problem.Span.Length, text.Length - start));
                var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
                report(Diagnostic.Create(descriptor, location, problem.Message));
            }
        }
    }
}
