using System.Collections.Immutable;
using LicenseGuard.Analyzers;
using LicenseGuard.Analyzers.Rules;
using LicenseGuard.Cli.Scanning;
using LicenseGuard.CodeFixes.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LicenseGuard.Cli.Migration;

/// <summary>A finding of LG1001 and what the migration did with it.</summary>
internal sealed record MigratedFinding(string File, int Line, string Code, string? Model, string? Runtime, string? NotFixed)
{
    /// <summary>Gets a value indicating whether the finding was the provider's object the rewrites left unused, and was removed.</summary>
    public bool Removed { get; init; }
}

/// <summary>
/// One project's C# in a Roslyn workspace, built from the compiler command line its design-time build produced, where
/// LG1001 is found by the analyzer the build runs and fixed by the code fix the IDE offers — the same code, so what
/// <c>licenseguard migrate</c> writes is what a user choosing the fix in the IDE would get.
/// </summary>
internal sealed class CodeMigration
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzer = [new ProprietaryAiCallAnalyzer()];

    private CodeMigration(Solution solution, ProjectId projectId)
    {
        Solution = solution;
        ProjectId = projectId;
    }

    public Solution Solution { get; private set; }

    private ProjectId ProjectId { get; }

    private Project Project => Solution.GetProject(ProjectId)!;

    public static CodeMigration Load(MSBuildProject project, CancellationToken cancellationToken)
    {
        var arguments = project.ParseArguments();
        var workspace = new AdhocWorkspace();
        var id = ProjectId.CreateNewId();
        var documents = arguments.SourceFiles.Where(f => File.Exists(f.Path)).Select(f => DocumentInfo.Create(
            DocumentId.CreateNewId(id), Path.GetFileName(f.Path), loader: TextLoader.From(TextAndVersion.Create(Read(f.Path), VersionStamp.Create(), f.Path)), filePath: f.Path));
        var additional = arguments.AdditionalFiles.Select(f => f.Path).Distinct(StringComparer.Ordinal).Where(File.Exists).Select(path => DocumentInfo.Create(
            DocumentId.CreateNewId(id), Path.GetFileName(path), loader: TextLoader.From(TextAndVersion.Create(Read(path), VersionStamp.Create(), path)), filePath: path));
        var configs = arguments.AnalyzerConfigPaths.Where(File.Exists).Select(path => DocumentInfo.Create(
            DocumentId.CreateNewId(id), Path.GetFileName(path), loader: TextLoader.From(TextAndVersion.Create(Read(path), VersionStamp.Create(), path)), filePath: path));
        var references = arguments.MetadataReferences.Where(r => File.Exists(r.Reference)).Select(r => (MetadataReference)MetadataReference.CreateFromFile(r.Reference, r.Properties));
        var info = ProjectInfo.Create(
                id, VersionStamp.Create(), Path.GetFileNameWithoutExtension(project.ProjectPath), arguments.CompilationName ?? Path.GetFileNameWithoutExtension(project.ProjectPath),
                LanguageNames.CSharp, filePath: project.ProjectPath, compilationOptions: arguments.CompilationOptions, parseOptions: arguments.ParseOptions,
                documents: documents, metadataReferences: references, additionalDocuments: additional)
            .WithAnalyzerConfigDocuments(configs);
        cancellationToken.ThrowIfCancellationRequested();
        return new CodeMigration(workspace.AddProject(info).Solution, id);
    }

    /// <summary>The LG1001 findings in the project's code, in file and position order.</summary>
    public async Task<IReadOnlyList<Diagnostic>> FindingsAsync(CancellationToken cancellationToken)
    {
        var compilation = await Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var diagnostics = await compilation!.WithAnalyzers(Analyzer, Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        return diagnostics
            .Where(d => d.Id == DiagnosticIds.ProprietaryAiCall && d.Location.IsInSource && !d.IsSuppressed)
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
            .ToList();
    }

    /// <summary>The rewrites the code fix knows for a finding, best first (see <see cref="ProprietaryAiCallFixer.RewritesFor"/>).</summary>
    public async Task<IReadOnlyList<(string Model, string Runtime, IReadOnlyList<string> Packages)>> RewritesForAsync(Diagnostic finding, CancellationToken cancellationToken)
    {
        var document = Solution.GetDocument(finding.Location.SourceTree)!;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return ProprietaryAiCallFixer.RewritesFor(model!, finding, cancellationToken);
    }

    /// <summary>
    /// Whether the project already compiles against the package's assembly (named as the package, the NuGet convention), through
    /// a direct or a transitive reference: then adding it would only pin a version (Semantic Kernel brings Microsoft.Extensions.AI).
    /// </summary>
    public async Task<bool> CompilesAgainstAsync(string package, CancellationToken cancellationToken)
    {
        var compilation = await Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        return compilation!.ReferencedAssemblyNames.Any(a => string.Equals(a.Name, package, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Why the code fix has no rewrite for a finding.</summary>
    public async Task<string> WhyNoRewriteAsync(Diagnostic finding, CancellationToken cancellationToken)
    {
        var model = await Solution.GetDocument(finding.Location.SourceTree)!.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return ProprietaryAiCallFixer.WhyNoRewrite(model!, finding, cancellationToken);
    }

    /// <summary>
    /// Applies the code fix to every finding it can rewrite on <paramref name="runtime"/> (with the model <paramref name="preferred"/>
    /// picks, else the finding's first on that runtime), one at a time, finding the rest again after each change; returns every
    /// finding with what became of it.
    /// </summary>
    public async Task<IReadOnlyList<MigratedFinding>> ApplyAsync(string runtime, Func<IReadOnlyList<string>, string?> preferred, CancellationToken cancellationToken)
    {
        var fixer = new ProprietaryAiCallFixer();
        var outcomes = new List<MigratedFinding>();
        int skipped = 0;
        for (int round = 0; round < 10_000; round++)
        {
            var findings = await FindingsAsync(cancellationToken).ConfigureAwait(false);
            if (skipped >= findings.Count)
            {
                break;
            }

            var finding = findings[skipped];
            var document = Solution.GetDocument(finding.Location.SourceTree)!;
            var span = finding.Location.GetLineSpan();
            string file = Path.GetRelativePath(Path.GetDirectoryName(Project.FilePath)!, span.Path);
            string code = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString(finding.Location.SourceSpan);
            var models = (await RewritesForAsync(finding, cancellationToken).ConfigureAwait(false)).Where(r => r.Runtime == runtime).Select(r => r.Model).ToList();
            string? model = models.Count == 0 ? null : preferred(models) ?? models[0];
            CodeAction? action = null;
            if (model != null)
            {
                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document, finding, (a, _) => actions.Add(a), cancellationToken);
                await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                action = actions.FirstOrDefault(a => a.EquivalenceKey == ProprietaryAiCallFixer.EquivalenceKey(model, runtime));
            }

            var changed = action == null ? null : await ChangedSolutionAsync(action, cancellationToken).ConfigureAwait(false);
            bool changesText = changed != null && (await changed.GetDocument(document.Id)!.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString()
                != (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
            if (!changesText)
            {
                // A fix that changes nothing is not reported as applied.
                skipped++;
                var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                outcomes.Add(new MigratedFinding(file, span.StartLinePosition.Line + 1, code, null, null, models.Count == 0
                    ? ProprietaryAiCallFixer.WhyNoRewrite(semanticModel!, finding, cancellationToken)
                    : action == null ? "the rewrite would not compile here (the runtime's package did not resolve)" : "the fix changed nothing"));
                continue;
            }

            Solution = changed!;
            outcomes.Add(new MigratedFinding(file, span.StartLinePosition.Line + 1, code, model, runtime, null));
        }

        return outcomes;
    }

    /// <summary>
    /// The files of the assemblies whose types and members the code names or calls (bound symbol by symbol). The compiler's own
    /// list of used references is wider: it counts every assembly that declares extension methods in an imported namespace.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReferencedAssemblyFilesAsync(CancellationToken cancellationToken)
    {
        var compilation = (await Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        var assemblies = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
        foreach (var document in Project.Documents)
        {
            var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            foreach (var node in root!.DescendantNodes().Where(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax || n is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax))
            {
                var symbol = model.GetSymbolInfo(node, cancellationToken).Symbol;
                var type = model.GetTypeInfo(node, cancellationToken).Type;
                foreach (var assembly in new[] { (symbol as IMethodSymbol)?.ReducedFrom?.ContainingAssembly, symbol?.ContainingAssembly, type?.ContainingAssembly })
                {
                    if (assembly != null)
                    {
                        assemblies.Add(assembly);
                    }
                }
            }
        }

        return compilation.References
            .Where(r => compilation.GetAssemblyOrModuleSymbol(r) is IAssemblySymbol assembly && assemblies.Contains(assembly))
            .OfType<PortableExecutableReference>()
            .Select(r => r.FilePath!)
            .ToList();
    }

    /// <summary>
    /// Removes the provider's objects the rewrites left unused: a variable or field initialised by creating one of the provider's
    /// types (the client, its options: each an LG1001 finding) that nothing references any more, in turn, since removing a
    /// client can free its options. The findings they were are marked as resolved in <paramref name="outcomes"/>.
    /// </summary>
    public async Task RemoveUnusedProviderObjectsAsync(List<MigratedFinding> outcomes, CancellationToken cancellationToken)
    {
        var touched = new Dictionary<DocumentId, HashSet<string>>();
        for (bool removed = true; removed;)
        {
            removed = false;
            foreach (var finding in await FindingsAsync(cancellationToken).ConfigureAwait(false))
            {
                var document = Solution.GetDocument(finding.Location.SourceTree)!;
                var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                var creation = root.FindNode(finding.Location.SourceSpan, getInnermostNodeForTie: true) as Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax;
                if (!(creation is Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax || IsClientFactoryCall(creation))
                    || !(creation!.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.EqualsValueClauseSyntax { Parent: Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax declarator })
                    || !(declarator.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclarationSyntax declaration))
                {
                    continue;
                }

                var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
                var symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
                if (symbol == null || !(symbol is ILocalSymbol || symbol is IFieldSymbol { DeclaredAccessibility: Accessibility.Private }))
                {
                    continue;
                }

                var references = await Microsoft.CodeAnalysis.FindSymbols.SymbolFinder.FindReferencesAsync(symbol, Solution, cancellationToken).ConfigureAwait(false);
                if (references.SelectMany(r => r.Locations).Any())
                {
                    continue;
                }

                var namespaces = touched.TryGetValue(document.Id, out var known) ? known : touched[document.Id] = new HashSet<string>(StringComparer.Ordinal);
                SyntaxNode target = declaration.Variables.Count > 1 ? declarator : declaration.Parent!;
                foreach (var name in target.DescendantNodesAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax>())
                {
                    var used = model.GetSymbolInfo(name, cancellationToken).Symbol;
                    var containing = used is IMethodSymbol { ReducedFrom: { } extension } ? extension.ContainingNamespace : used?.ContainingNamespace;
                    if (containing is { IsGlobalNamespace: false })
                    {
                        namespaces.Add(containing.ToDisplayString());
                    }
                }

                if (target.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax global)
                {
                    target = global; // a top-level statement goes whole
                }

                var newRoot = root.RemoveNode(target, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepDirectives)!;
                Solution = document.WithSyntaxRoot(newRoot).Project.Solution;
                string code = creation.ToString();
                string file = Path.GetRelativePath(Path.GetDirectoryName(Project.FilePath)!, document.FilePath!);
                int index = outcomes.FindIndex(o => o.NotFixed != null && o.File == file && o.Code == code);
                var resolved = new MigratedFinding(file, finding.Location.GetLineSpan().StartLinePosition.Line + 1, code, null, null, null) { Removed = true };
                if (index >= 0)
                {
                    outcomes[index] = resolved with { Line = outcomes[index].Line };
                }
                else
                {
                    outcomes.Add(resolved);
                }

                removed = true;
                break;
            }
        }

        foreach (var (id, namespaces) in touched)
        {
            var cleaned = await ProprietaryAiCallFixer.RemoveUnusedImportsAsync(Solution.GetDocument(id)!, namespaces, cancellationToken).ConfigureAwait(false);
            Solution = cleaned.Project.Solution;
        }
    }

    /// <summary>An SDK's client factory (<c>openAi.GetChatClient("…")</c>, <c>GetEmbeddingClient</c>): it makes an object and calls nothing.</summary>
    private static bool IsClientFactoryCall(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax? expression) =>
        expression is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access }
        && access.Name.Identifier.ValueText.StartsWith("Get", StringComparison.Ordinal) && access.Name.Identifier.ValueText.EndsWith("Client", StringComparison.Ordinal);

    /// <summary>Writes the documents whose text the fixes changed; returns their paths.</summary>
    public async Task<IReadOnlyList<string>> WriteChangedDocumentsAsync(Solution original, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        foreach (var id in Solution.GetChanges(original).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()))
        {
            var document = Solution.GetDocument(id)!;
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(document.FilePath!, text.ToString(), text.Encoding ?? new System.Text.UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            written.Add(document.FilePath!);
        }

        return written;
    }

    private static async Task<Solution?> ChangedSolutionAsync(CodeAction action, CancellationToken cancellationToken)
    {
        var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        return operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution;
    }

    private static SourceText Read(string path)
    {
        using var stream = File.OpenRead(path);
        return SourceText.From(stream);
    }
}
