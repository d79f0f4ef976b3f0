using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LicenseGuard.Analyzers
{
    /// <summary>
    /// Reports diagnostics located in non-C# files (rules files, the project file): from the additional-file action, which the
    /// IDE runs as the file changes, or at compilation end for hosts that never run additional-file actions. Each file is
    /// reported once, by whichever comes first.
    /// </summary>
    internal static class AdditionalFileReporting
    {
        /// <summary>Produces the diagnostics located in one file; <c>atCompilationEnd</c> selects the compilation-end descriptors.</summary>
        public delegate IEnumerable<Diagnostic> DiagnosticsForFile(AdditionalText file, SourceText text, bool atCompilationEnd, CancellationToken cancellationToken);

        public static void Register(CompilationStartAnalysisContext context, IEnumerable<AdditionalText> files, DiagnosticsForFile diagnosticsFor)
        {
            var byPath = new Dictionary<string, AdditionalText>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                byPath[file.Path] = file;
            }

            if (byPath.Count == 0)
            {
                return;
            }

            var baseline = BaselineSnapshot.Get(context.Options, context.CancellationToken);
            var reported = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            context.RegisterAdditionalFileAction(c =>
            {
                if (byPath.ContainsKey(c.AdditionalFile.Path) && reported.TryAdd(c.AdditionalFile.Path, c.AdditionalFile.Path))
                {
                    Report(c.AdditionalFile, atCompilationEnd: false, c.ReportDiagnostic, c.CancellationToken);
                }
            });
            context.RegisterCompilationEndAction(c =>
            {
                foreach (var file in byPath.Values.Where(f => reported.TryAdd(f.Path, f.Path)))
                {
                    Report(file, atCompilationEnd: true, c.ReportDiagnostic, c.CancellationToken);
                }
            });

            void Report(AdditionalText file, bool atCompilationEnd, Action<Diagnostic> report, CancellationToken cancellationToken)
            {
                var text = file.GetText(cancellationToken);
                if (text == null)
                {
                    return;
                }

                foreach (var diagnostic in diagnosticsFor(file, text, atCompilationEnd, cancellationToken))
                {
                    if (!baseline.Covers(diagnostic))
                    {
                        report(diagnostic);
                    }
                }
            }
        }

        /// <summary>Creates a location in an additional file, clamped to its text.</summary>
        public static Location LocationIn(AdditionalText file, SourceText text, int start, int length)
        {
            start = Math.Max(0, Math.Min(start, text.Length));
            var span = new TextSpan(start, Math.Max(0, Math.Min(length, text.Length - start)));
            return Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
        }
    }
}
