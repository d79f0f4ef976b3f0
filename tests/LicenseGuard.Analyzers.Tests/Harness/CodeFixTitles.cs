using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LicenseGuard.Analyzers.Tests.Harness;

/// <summary>The titles a code fix offers for every diagnostic of an analyzer in one document, in order: what the lightbulb shows.</summary>
internal static class CodeFixTitles
{
    public static async Task<List<string>> ForAsync(CodeFixProvider fixer, DiagnosticAnalyzer analyzer, string source, params (string Path, string Text)[] additionalFiles)
    {
        using var workspace = new AdhocWorkspace();
        var references = await SdkPackages.WithOpenRuntimes.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var project = workspace.AddProject("Fixes", LanguageNames.CSharp).AddMetadataReferences(references);
        foreach (var (path, text) in additionalFiles)
        {
            project = project.AddAdditionalDocument(Path.GetFileName(path), SourceText.From(text), filePath: path).Project;
        }

        var document = project.AddDocument("Source.cs", SourceText.From(source), filePath: "/src/Source.cs");
        var compilation = (await document.Project.GetCompilationAsync())!;
        var additionalTexts = document.Project.AdditionalDocuments.Select(d => (AdditionalText)new TestAdditionalText(d.FilePath!, d.GetTextAsync().Result.ToString())).ToImmutableArray();
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new AnalyzerOptions(additionalTexts)).GetAnalyzerDiagnosticsAsync();
        var titles = new List<string>();
        foreach (var diagnostic in diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start))
        {
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await fixer.RegisterCodeFixesAsync(context);
            titles.AddRange(actions.Select(a => a.Title));
        }

        return titles;
    }
}
