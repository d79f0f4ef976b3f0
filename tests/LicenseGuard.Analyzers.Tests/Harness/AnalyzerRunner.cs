using System.Collections.Concurrent;
using System.Collections.Immutable;
using LicenseGuard.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LicenseGuard.Analyzers.Tests.Harness;

/// <summary>Runs every LicenseGuard analyzer over a compilation built against the real SDK packages, capturing analyzer exceptions.</summary>
internal static class AnalyzerRunner
{
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(
        new ProprietaryAiCallAnalyzer(), new ProprietaryEndpointAnalyzer(), new ClosedModelIdAnalyzer(), new RulesFileAnalyzer(), new DependencyLicenseAnalyzer(), new ModelWeightsShippedAnalyzer(), new ModelWeightsCopiedAnalyzer(), new ConfigurationValueAnalyzer());

    public static async Task<CSharpCompilation> CompileAsync(IEnumerable<string> sources)
    {
        var references = await SdkPackages.All.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return CSharpCompilation.Create(
            "Corpus",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: $"/corpus/File{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyCollection<Exception> Exceptions)> RunAsync(
        Compilation compilation, IEnumerable<AdditionalText> additionalFiles, CancellationToken cancellationToken = default)
    {
        var exceptions = new ConcurrentBag<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles.ToImmutableArray()),
            onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(All, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        return (diagnostics, exceptions);
    }
}
