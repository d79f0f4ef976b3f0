using LicenseGuard.Analyzers.Tests.Harness;

namespace LicenseGuard.Analyzers.Tests;

/// <summary>The suppressions the docs promise: pragma and SuppressMessage with a justification.</summary>
public class SuppressionTests
{
    private const string Unsuppressed = """
        using OpenAI;
        class C
        {
            object M() => new OpenAIClient("key");
        }
        """;

    [Fact]
    public async Task UnsuppressedCallIsReported()
    {
        var (diagnostics, _) = await AnalyzerRunner.RunAsync(await AnalyzerRunner.CompileAsync(new[] { Unsuppressed }), Array.Empty<Microsoft.CodeAnalysis.AdditionalText>());
        Assert.Single(diagnostics, d => d.Id == DiagnosticIds.ProprietaryAiCall);
    }

    [Theory]
    [InlineData("""
        using OpenAI;
        class C
        {
        #pragma warning disable LG1001 // Benchmarks compare against the hosted model on purpose.
            object M() => new OpenAIClient("key");
        #pragma warning restore LG1001
        }
        """)]
    [InlineData("""
        using System.Diagnostics.CodeAnalysis;
        using OpenAI;
        class C
        {
            [SuppressMessage("LicenseGuard.ProprietaryAi", "LG1001", Justification = "Benchmarks compare against the hosted model on purpose.")]
            object M() => new OpenAIClient("key");
        }
        """)]
    public async Task SuppressedCallIsNotReported(string source)
    {
        var (diagnostics, _) = await AnalyzerRunner.RunAsync(await AnalyzerRunner.CompileAsync(new[] { source }), Array.Empty<Microsoft.CodeAnalysis.AdditionalText>());
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.ProprietaryAiCall);
    }
}
