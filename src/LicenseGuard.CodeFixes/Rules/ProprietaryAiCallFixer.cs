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
                    || !diagnostic.Properties.TryGetValue("alternatives", out var alternatives) || alternatives == null)
                {
                    continue;
                }

                var shape = ShapeOf(model, invocation, context.CancellationToken);
                if (shape == FixShape.None)
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
                            shape == FixShape.Adapter
                                ? $"Use {modelEntry.Name} through OllamaSharp (needs package OllamaSharp)"
                                : $"Register {modelEntry.Name} through OllamaSharp as IChatClient (needs packages OllamaSharp and Microsoft.Extensions.AI)",
                            ct => ReplaceAsync(context.Document, invocation, shape, tag, ct),
                            equivalenceKey: $"{DiagnosticIds.ProprietaryAiCall}.{OllamaRuntime}.{modelEntry.Id}"),
                        diagnostic);
                }
            }
        }

        private enum FixShape
        {
            None,

            /// <summary>An <c>AsIChatClient()</c> adapter whose value is an <c>IChatClient</c>.</summary>
            Adapter,

            /// <summary>A Semantic Kernel chat-completion registration used as a statement on IServiceCollection.</summary>
            ServiceRegistration,

            /// <summary>The same registration on an IKernelBuilder.</summary>
            KernelRegistration,
        }

        private static FixShape ShapeOf(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
        {
            if (!(model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method))
            {
                return FixShape.None;
            }

            if (method.Name == "AsIChatClient" && method.ReturnType.ToDisplayString() == "Microsoft.Extensions.AI.IChatClient")
            {
                return FixShape.Adapter;
            }

            // Registrations are replaced only where their result is unused, so the replacement's return type does not matter.
            bool isRegistration = method.Name == "AddOpenAIChatCompletion" || method.Name == "AddAzureOpenAIChatCompletion";
            if (!isRegistration || !(invocation.Parent is ExpressionStatementSyntax) || !(invocation.Expression is MemberAccessExpressionSyntax))
            {
                return FixShape.None;
            }

            string receiver = (method.ReducedFrom ?? method).Parameters.FirstOrDefault()?.Type.ToDisplayString() ?? string.Empty;
            return receiver == "Microsoft.Extensions.DependencyInjection.IServiceCollection" ? FixShape.ServiceRegistration
                : receiver == "Microsoft.SemanticKernel.IKernelBuilder" ? FixShape.KernelRegistration
                : FixShape.None;
        }

        private static async Task<Document> ReplaceAsync(Document document, InvocationExpressionSyntax invocation, FixShape shape, string tag, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            string client = $"new OllamaSharp.OllamaApiClient(new System.Uri(\"{DefaultOllamaEndpoint}\"), \"{tag}\")";
            string code = shape switch
            {
                FixShape.Adapter => client,
                FixShape.ServiceRegistration => $"{Receiver(invocation)}.AddChatClient({client})",
                _ => $"{Receiver(invocation)}.Services.AddChatClient({client})",
            };
            var replacement = SyntaxFactory.ParseExpression(code)
                .WithTriviaFrom(invocation)
                .WithAdditionalAnnotations(Simplifier.Annotation);
            var newRoot = root!.ReplaceNode(invocation, replacement);
            const string DependencyInjection = "Microsoft.Extensions.DependencyInjection";
            if (shape != FixShape.Adapter && newRoot is CompilationUnitSyntax unit && !unit.Usings.Any(u => u.Name?.ToString() == DependencyInjection))
            {
                newRoot = unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(DependencyInjection)).WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed));
            }

            return document.WithSyntaxRoot(newRoot);
        }

        private static string Receiver(InvocationExpressionSyntax invocation) => ((MemberAccessExpressionSyntax)invocation.Expression).Expression.ToString();
    }
}
