using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LicenseGuard.Json;
using LicenseGuard.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LicenseGuard.Analyzers.Rules
{
    /// <summary>
    /// LG1002 and LG1003 in the project's JSON configuration files (<see cref="ConfigurationFiles"/>): endpoints and closed model ids
    /// where apps keep them, at the value's line and column, judged exactly as the same string in code. A bare short id
    /// (<c>"o3"</c>) counts only under a key named for a model or deployment. See docs/rules/LG1002.md and LG1003.md.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigurationValueAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.ProprietaryEndpoint, Descriptors.ClosedModelId, Descriptors.ProprietaryEndpointAtCompilationEnd, Descriptors.ClosedModelIdAtCompilationEnd);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var files = context.Options.AdditionalFiles
                .Where(f => ConfigurationFiles.IsConfiguration(f, context.Options.AnalyzerConfigOptionsProvider))
                .ToList();
            if (files.Count == 0)
            {
                return;
            }

            var access = CatalogAccess.Get(context.Options, context.CancellationToken);
            bool endpoints = access.IsEnabled(DiagnosticIds.ProprietaryEndpoint) && !access.Digest.Hosts.IsEmpty;
            bool models = access.IsEnabled(DiagnosticIds.ClosedModelId) && !access.Digest.ClosedIds.IsEmpty;
            if (!endpoints && !models)
            {
                return;
            }

            AdditionalFileReporting.Register(context, files, (file, text, atCompilationEnd, cancellationToken) =>
            {
                var diagnostics = new List<Diagnostic>();
                JsonNode root;
                try
                {
                    root = JsonReader.Parse(file.Path, text.ToString());
                }
                catch (JsonParseException)
                {
                    return diagnostics; // the app's own configuration loader reports malformed JSON; nothing here can be located
                }

                foreach (var (key, value) in StringValues(root, null, cancellationToken))
                {
                    string s = value.Text ?? string.Empty;
                    if (endpoints && ProprietaryEndpointAnalyzer.Could(access.Digest, s))
                    {
                        Add(diagnostics, atCompilationEnd ? Descriptors.ProprietaryEndpointAtCompilationEnd : Descriptors.ProprietaryEndpoint, ProprietaryEndpointAnalyzer.Find(access.Snapshot, s));
                    }

                    if (models && ClosedModelIdAnalyzer.Could(access.Digest, s) && ClosedModelIdAnalyzer.Find(access.Snapshot, s) is { } model
                        && (!model.NeedsModelPosition || (key != null && ModelIdIndex.NamesModel(key))))
                    {
                        Add(diagnostics, atCompilationEnd ? Descriptors.ClosedModelIdAtCompilationEnd : Descriptors.ClosedModelId, model);
                    }

                    void Add(List<Diagnostic> found, DiagnosticDescriptor descriptor, StringFinding? finding)
                    {
                        var severity = finding == null ? null : access.Snapshot.SeverityFor(descriptor, finding.EntrySeverity);
                        if (severity != null)
                        {
                            var location = AdditionalFileReporting.LocationIn(file, text, value.Span.Start, value.Span.Length);
                            found.Add(Diagnostic.Create(descriptor, location, severity.Value, null, finding!.Properties, finding.MessageArguments));
                        }
                    }
                }

                return diagnostics;
            });
        }

        /// <summary>Every string value with the key it is under (an array's elements are under the array's key).</summary>
        private static IEnumerable<(string? Key, JsonNode Value)> StringValues(JsonNode node, string? key, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node.Kind)
            {
                case JsonKind.String:
                    yield return (key, node);
                    break;
                case JsonKind.Object:
                    foreach (var property in node.Properties)
                    {
                        foreach (var value in StringValues(property.Value, property.Name, cancellationToken))
                        {
                            yield return value;
                        }
                    }

                    break;
                case JsonKind.Array:
                    foreach (var item in node.Items)
                    {
                        foreach (var value in StringValues(item, key, cancellationToken))
                        {
                            yield return value;
                        }
                    }

                    break;
            }
        }
    }
}
