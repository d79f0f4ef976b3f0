using LicenseGuard.Analyzers.Tests.Harness;
using LicenseGuard.CodeFixes.Rules;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace LicenseGuard.Analyzers.Tests.Rules;

public class SuppressWithJustificationFixerTests
{
    [Fact]
    public async Task ClosedModelIdIsSuppressedOnItsMemberWithAJustificationPlaceholder()
    {
        const string source = """
            class C
            {
                const string Model = {|#0:"gpt-4o"|};
            }
            """;
        const string fixedSource = """
            class C
            {
                [System.Diagnostics.CodeAnalysis.SuppressMessage("LicenseGuard.ProprietaryAi", "LG1003:Closed-weight model identifier in code or configuration", Justification = "TODO: why this is acceptable")]
                const string Model = "gpt-4o";
            }
            """;
        var test = new CSharpCodeFixTest<LicenseGuard.Analyzers.Rules.ClosedModelIdAnalyzer, SuppressWithJustificationFixer, DefaultVerifier>
        {
            ReferenceAssemblies = SdkPackages.All,
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ClosedModelId, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));
        await test.RunAsync();
    }
}
