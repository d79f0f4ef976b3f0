using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LicenseGuard.Analyzers.Tests.Harness;

/// <summary>
/// Runs an analyzer and a code fix in a real workspace, as the IDE does, including for diagnostics located in additional
/// files (the project file) and fixes that edit or create additional files — what the testing library's verifiers do not cover.
/// </summary>
internal static class WorkspaceFixes
{
    public const string ProjectPath = "/src/App.csproj";

    /// <summary>The titles the fix offers for every diagnostic of the analyzer, in order: what the lightbulb shows.</summary>
    public static async Task<List<string>> ForAsync(CodeFixProvider fixer, DiagnosticAnalyzer analyzer, string source, params (string Path, string Text)[] additionalFiles)
    {
        var (project, diagnostics) = await AnalyzeAsync(analyzer, source, additionalFiles);
        var titles = new List<string>();
        foreach (var diagnostic in diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)))
        {
            titles.AddRange((await ActionsAsync(fixer, project, diagnostic)).Select(a => a.Title));
        }

        return titles;
    }

    /// <summary>Applies the first action the fix offers for the first diagnostic with <paramref name="id"/>; returns the new solution's project.</summary>
    public static async Task<(Project Project, string Title)> ApplyAsync(CodeFixProvider fixer, DiagnosticAnalyzer analyzer, string id, string source, params (string Path, string Text)[] additionalFiles)
    {
        var (project, diagnostics) = await AnalyzeAsync(analyzer, source, additionalFiles);
        var diagnostic = diagnostics.First(d => d.Id == id);
        var action = (await ActionsAsync(fixer, project, diagnostic)).First();
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (changed.GetProject(project.Id)!, action.Title);
    }

    /// <summary>Runs the analyzer over a workspace project (its documents and additional documents as they are now).</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(DiagnosticAnalyzer analyzer, Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var additionalTexts = project.AdditionalDocuments.Select(d => (AdditionalText)new TestAdditionalText(d.FilePath!, d.GetTextAsync().Result.ToString())).ToImmutableArray();
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new AnalyzerOptions(additionalTexts)).GetAnalyzerDiagnosticsAsync();
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    private static async Task<(Project Project, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(DiagnosticAnalyzer analyzer, string source, (string Path, string Text)[] additionalFiles)
    {
        var workspace = new AdhocWorkspace();
        var references = await SdkPackages.WithOpenRuntimes.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "App", "App", LanguageNames.CSharp, filePath: ProjectPath, metadataReferences: references));
        foreach (var (path, text) in additionalFiles)
        {
            project = project.AddAdditionalDocument(Path.GetFileName(path), SourceText.From(text), filePath: path).Project;
        }

        project = project.AddDocument("Source.cs", SourceText.From(source), filePath: "/src/Source.cs").Project;
        return (project, await DiagnosticsAsync(analyzer, project));
    }

    private static async Task<List<CodeAction>> ActionsAsync(CodeFixProvider fixer, Project project, Diagnostic diagnostic)
    {
        string? path = diagnostic.Location.GetLineSpan().Path;
        TextDocument document = project.Documents.FirstOrDefault(d => d.FilePath == path)
            ?? (TextDocument?)project.AdditionalDocuments.FirstOrDefault(d => d.FilePath == path)
            ?? throw new InvalidOperationException("no document at " + path);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic.Location.SourceSpan, ImmutableArray.Create(diagnostic), (action, _) => actions.Add(action), CancellationToken.None);
        await fixer.RegisterCodeFixesAsync(context);
        return actions;
    }
}
