using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.IO;
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
using Microsoft.CodeAnalysis.Text;

namespace LicenseGuard.CodeFixes.Rules
{
    /// <summary>
    /// Every LicenseGuard finding: "add an exception to licenseguard.json". Package and weight findings get a
    /// <c>policy.exceptions</c> entry (package and exact version, or weight file) with a reason to fill in; code findings add
    /// their subject to the rule's <c>ignore</c> list (the service, host, model id or weight path). The project's
    /// licenseguard.json is edited in place, keeping its comments and layout, or created with <c>$schema</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRulesExceptionFixer))]
    [Shared]
    public sealed class AddRulesExceptionFixer : CodeFixProvider
    {
        private const string RulesFileName = "licenseguard.json";
        private const string Reason = "TODO: why this is acceptable, and until when";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.ProprietaryAiCall, DiagnosticIds.ProprietaryEndpoint, DiagnosticIds.ClosedModelId,
            DiagnosticIds.ModelWeightsShipped, DiagnosticIds.ModelWeightsCopied, DiagnosticIds.PackageCarriesWeights,
            DiagnosticIds.LicenseNotAllowed, DiagnosticIds.LicenseUnknown, DiagnosticIds.ProprietaryAiPackage);

        /// <inheritdoc/>
        /// <remarks>Each fix edits one shared file; fixing many findings at once is better done by `licenseguard baseline`.</remarks>
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var entry = await EntryForAsync(context.TextDocument, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (entry == null)
                {
                    continue;
                }

                var (path, item, title) = entry.Value;
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => AddAsync(context.TextDocument.Project, path, item, ct), equivalenceKey: $"{diagnostic.Id}.add-exception"),
                    diagnostic);
            }
        }

        private static async Task<(string[] Path, string Item, string Title)?> EntryForAsync(TextDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            string? Property(string name) => diagnostic.Properties.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

            switch (diagnostic.Id)
            {
                case DiagnosticIds.ModelWeightsShipped when Property("file") is string file:
                    return (new[] { "policy", "exceptions" }, $"{{ \"file\": {Quote(file.Replace('\\', '/'))}, \"reason\": {Quote(Reason)} }}", $"Add an exception for '{file}' to {RulesFileName}");
                case DiagnosticIds.PackageCarriesWeights:
                case DiagnosticIds.LicenseNotAllowed:
                case DiagnosticIds.LicenseUnknown:
                case DiagnosticIds.ProprietaryAiPackage:
                    if (!(Property("package") is string package))
                    {
                        return null;
                    }

                    string version = Property("version") is string v ? $", \"version\": {Quote("[" + v + "]")}" : string.Empty;
                    return (new[] { "policy", "exceptions" }, $"{{ \"package\": {Quote(package)}{version}, \"reason\": {Quote(Reason)} }}", $"Add an exception for {package} {Property("version")} to {RulesFileName}".Replace("  ", " "));
                case DiagnosticIds.ProprietaryAiCall when Property("service") is string service:
                    return Ignore(diagnostic.Id, service, $"Stop reporting calls to '{service}' in this project ({RulesFileName}: rules.{diagnostic.Id}.ignore)");
                case DiagnosticIds.ProprietaryEndpoint when Property("host") is string host:
                    return Ignore(diagnostic.Id, host, $"Stop reporting the endpoint '{host}' in this project ({RulesFileName}: rules.{diagnostic.Id}.ignore)");
                case DiagnosticIds.ModelWeightsCopied when Property("path") is string weights:
                    return Ignore(diagnostic.Id, weights, $"Stop reporting copies of '{weights}' in this project ({RulesFileName}: rules.{diagnostic.Id}.ignore)");
                case DiagnosticIds.ClosedModelId:
                    string? modelId = await LiteralAtAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
                    return modelId == null ? ((string[], string, string)?)null : Ignore(diagnostic.Id, modelId, $"Stop reporting the model id '{modelId}' in this project ({RulesFileName}: rules.{diagnostic.Id}.ignore)");
                default:
                    return null;
            }
        }

        private static (string[] Path, string Item, string Title) Ignore(string id, string subject, string title) =>
            (new[] { "rules", id, "ignore" }, Quote(subject), title);

        private static async Task<string?> LiteralAtAsync(TextDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!(document is Document source) || !(await source.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is SyntaxNode root))
            {
                return null;
            }

            return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                ? literal.Token.ValueText
                : null;
        }

        private static async Task<Solution> AddAsync(Project project, string[] path, string item, CancellationToken cancellationToken)
        {
            string? directory = project.FilePath == null ? null : Path.GetDirectoryName(project.FilePath);
            var existing = project.AdditionalDocuments.FirstOrDefault(d =>
                string.Equals(Path.GetFileName(d.FilePath ?? d.Name), RulesFileName, StringComparison.OrdinalIgnoreCase)
                && (directory == null || string.Equals(Path.GetDirectoryName(d.FilePath), directory, StringComparison.OrdinalIgnoreCase)));
            if (existing != null)
            {
                var text = await existing.GetTextAsync(cancellationToken).ConfigureAwait(false);
                string? edited = RulesFileEditor.AddToArray(text.ToString(), path, item);
                return edited == null ? project.Solution : project.Solution.WithAdditionalDocumentText(existing.Id, SourceText.From(edited, text.Encoding ?? System.Text.Encoding.UTF8));
            }

            string created = RulesFileEditor.AddToArray(RulesFileEditor.NewFile(), path, item)!;
            var id = DocumentId.CreateNewId(project.Id, RulesFileName);
            return project.Solution.AddAdditionalDocument(id, RulesFileName, SourceText.From(created, System.Text.Encoding.UTF8), filePath: directory == null ? null : Path.Combine(directory, RulesFileName));
        }

        private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
