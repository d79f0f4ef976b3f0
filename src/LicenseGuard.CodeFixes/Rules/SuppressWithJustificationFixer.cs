using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace LicenseGuard.CodeFixes.Rules
{
    /// <summary>
    /// Every LicenseGuard finding in C#: suppress it on the enclosing member with <c>[SuppressMessage]</c> and a
    /// <c>Justification</c> placeholder, so the reason is written down where reviewers see it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SuppressWithJustificationFixer))]
    [Shared]
    public sealed class SuppressWithJustificationFixer : CodeFixProvider
    {
        /// <summary>The placeholder the user replaces with the reason.</summary>
        public const string JustificationPlaceholder = "TODO: why this is acceptable";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.ProprietaryAiCall, DiagnosticIds.ProprietaryEndpoint, DiagnosticIds.ClosedModelId, DiagnosticIds.ModelWeightsCopied);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var member = root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is BaseMethodDeclarationSyntax || m is BasePropertyDeclarationSyntax || m is FieldDeclarationSyntax || m is BaseTypeDeclarationSyntax);
                if (member == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Suppress {diagnostic.Id} on this member with a justification",
                        ct => AddAttributeAsync(context.Document, member, diagnostic, ct),
                        equivalenceKey: "SuppressWithJustification." + diagnostic.Id),
                    diagnostic);
            }
        }

        private static async Task<Document> AddAttributeAsync(Document document, MemberDeclarationSyntax member, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var attribute = SyntaxFactory.ParseCompilationUnit(
                    $"[global::System.Diagnostics.CodeAnalysis.SuppressMessage(\"{diagnostic.Descriptor.Category}\", \"{diagnostic.Id}:{diagnostic.Descriptor.Title}\", Justification = \"{JustificationPlaceholder}\")] class C {{ }}")
                .DescendantNodes().OfType<AttributeListSyntax>().First()
                .WithAdditionalAnnotations(Simplifier.Annotation);
            var leading = member.GetLeadingTrivia();
            var updated = member.WithoutLeadingTrivia().WithAttributeLists(member.AttributeLists.Insert(0, attribute.WithLeadingTrivia(leading).WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)));
            return document.WithSyntaxRoot(root!.ReplaceNode(member, updated));
        }
    }
}
