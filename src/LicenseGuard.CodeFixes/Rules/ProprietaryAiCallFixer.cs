using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGuard.Analyzers;
using LicenseGuard.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace LicenseGuard.CodeFixes.Rules
{
    /// <summary>
    /// LG1001: replaces an <c>IChatClient</c> built from a proprietary provider (<c>…AsIChatClient()</c>) with an
    /// <c>OllamaApiClient</c> serving one of the catalog's open alternatives. The surrounding code keeps compiling against the
    /// interface; the new code needs the OllamaSharp package, which the title says (a fix cannot add package references).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProprietaryAiCallFixer))]
    [Shared]
    public sealed class ProprietaryAiCallFixer : CodeFixProvider
    {
        private const string OllamaRuntime = "ollamasharp";
        private const string DefaultOllamaEndpoint = "http://localhost:11434";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ProprietaryAiCall);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation)
                    || !IsChatClientAdapter(model, invocation, context.CancellationToken)
                    || !diagnostic.Properties.TryGetValue("alternatives", out var alternatives) || alternatives == null)
                {
                    continue;
                }

                foreach (var alternative in alternatives.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    var parts = alternative.Split('@');
                    var modelEntry = parts.Length == 2 ? RulesCatalog.BuiltIn.FindModel(parts[0]) : null;
                    var tag = modelEntry?.Run.FirstOrDefault(r => r.Runtime == OllamaRuntime)?.Reference;
                    if (modelEntry == null || tag == null)
                    {
                        continue;
                    }

                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Use {modelEntry.Name} through OllamaSharp (needs package OllamaSharp)",
                            ct => ReplaceAsync(context.Document, invocation, tag, ct),
                            equivalenceKey: $"{DiagnosticIds.ProprietaryAiCall}.{OllamaRuntime}.{modelEntry.Id}"),
                        diagnostic);
                }
            }
        }

        /// <summary>An extension method named AsIChatClient whose result is Microsoft.Extensions.AI.IChatClient.</summary>
        private static bool IsChatClientAdapter(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken) =>
            model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
            && method.Name == "AsIChatClient"
            && method.ReturnType.ToDisplayString() == "Microsoft.Extensions.AI.IChatClient";

        private static async Task<Document> ReplaceAsync(Document document, InvocationExpressionSyntax invocation, string tag, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var replacement = SyntaxFactory.ParseExpression($"new OllamaSharp.OllamaApiClient(new System.Uri(\"{DefaultOllamaEndpoint}\"), \"{tag}\")")
                .WithTriviaFrom(invocation)
                .WithAdditionalAnnotations(Simplifier.Annotation);
            return document.WithSyntaxRoot(root!.ReplaceNode(invocation, replacement));
        }
    }
}
