using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LicenseGuard.Analyzers.Tests.Harness;

/// <summary>Runs one analyzer through Microsoft.CodeAnalysis.Testing against the real SDK packages.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>An expected warning whose message is checked only when arguments are given.</summary>
    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerAsync(new[] { source }, Array.Empty<(string, string)>(), expected);

    public static Task AnalyzerAsync(string[] sources, (string Path, string Text)[] additionalFiles, params DiagnosticResult[] expected)
    {
        var test = Create(sources, additionalFiles);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Create(string[] sources, (string Path, string Text)[] additionalFiles)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = SdkPackages.All,
        };
        for (int i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
        }

        foreach (var (path, text) in additionalFiles)
        {
            test.TestState.AdditionalFiles.Add((path, text));
        }

        return test;
    }

    public static Task ExecutableAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Create(new[] { source }, Array.Empty<(string, string)>());
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
