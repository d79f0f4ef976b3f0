using System;
using System.Collections.Generic;
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

namespace LicenseGuard.CodeFixes.Rules
{
    /// <summary>
    /// LG1003: a closed model id passed to a client that already targets an open runtime — an open-runtime client
    /// (OllamaSharp, LLamaSharp, ONNX Runtime GenAI) or an OpenAI-compatible client pointed at a local endpoint — is replaced
    /// with the Ollama tag of one of the catalog's open alternatives. Elsewhere the id names a hosted service, and changing
    /// it alone would break the call, so no fix is offered.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClosedModelIdFixer))]
    [Shared]
    public sealed class ClosedModelIdFixer : CodeFixProvider
    {
        private const string OllamaRuntime = "ollamasharp";

        private static readonly string[] LocalHosts = { "localhost", "127.0.0.1", "[::1]", "0.0.0.0", "host.docker.internal" };

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ClosedModelId);

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
                if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal)
                    || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                    || diagnostic.Properties.ContainsKey("within")
                    || !(literal.Parent is ArgumentSyntax argument)
                    || !TargetsOpenRuntime(model, argument, context.CancellationToken))
                {
                    continue;
                }

                foreach (var (entry, tag) in OllamaTags(diagnostic))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Use open model '{tag}' ({entry.Name}, {entry.License}) on the local runtime (pull it there first: ollama pull {tag})",
                            ct => ReplaceAsync(context.Document, literal, tag, ct),
                            equivalenceKey: $"{DiagnosticIds.ClosedModelId}.{OllamaRuntime}.{entry.Id}"),
                        diagnostic);
                }
            }
        }

        private static IEnumerable<(ModelEntry Model, string Tag)> OllamaTags(Diagnostic diagnostic)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (model, _) in AlternativeIds.Of(diagnostic))
            {
                var entry = RulesCatalog.BuiltIn.FindModel(model);
                var tag = entry?.Run.FirstOrDefault(r => r.Runtime == OllamaRuntime)?.Reference;
                if (entry != null && !string.IsNullOrEmpty(tag) && seen.Add(tag!))
                {
                    yield return (entry, tag!);
                }
            }
        }

        /// <summary>
        /// The argument goes to a member of an open runtime's assembly, or to a call whose receiver was created in the same
        /// expression or local declaration with a local endpoint (<c>new OpenAIClient(…, new() { Endpoint = new Uri("http://localhost:11434/v1") })</c>).
        /// </summary>
        private static bool TargetsOpenRuntime(SemanticModel model, ArgumentSyntax argument, CancellationToken cancellationToken)
        {
            if (!(argument.Parent?.Parent is ExpressionSyntax call))
            {
                return false;
            }

            var symbol = model.GetSymbolInfo(call, cancellationToken).Symbol;
            string? assembly = symbol?.ContainingAssembly?.Name;
            if (assembly != null && RulesCatalog.BuiltIn.Runtimes.Any(r => r.Packages.Contains(assembly, StringComparer.OrdinalIgnoreCase)))
            {
                return true;
            }

            if (!(call is InvocationExpressionSyntax invocation) || !(invocation.Expression is MemberAccessExpressionSyntax access))
            {
                return false;
            }

            var receiver = access.Expression;
            if (receiver is IdentifierNameSyntax name && model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol local)
            {
                var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as VariableDeclaratorSyntax;
                receiver = declaration?.Initializer?.Value ?? receiver;
            }

            return receiver.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>()
                .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression))
                .Any(l => Uri.TryCreate(l.Token.ValueText, UriKind.Absolute, out var uri) && LocalHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase));
        }

        private static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, string tag, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(tag)).WithTriviaFrom(literal);
            return document.WithSyntaxRoot(root!.ReplaceNode(literal, replacement));
        }
    }
}
