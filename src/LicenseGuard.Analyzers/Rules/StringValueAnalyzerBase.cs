using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using LicenseGuard.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LicenseGuard.Analyzers.Rules
{
    /// <summary>What a string matched: message arguments, properties and the entry's own severity.</summary>
    internal sealed class StringFinding
    {
        public StringFinding(object[] messageArguments, ImmutableDictionary<string, string?> properties, string? entrySeverity)
        {
            MessageArguments = messageArguments;
            Properties = properties;
            EntrySeverity = entrySeverity;
        }

        public object[] MessageArguments { get; }

        public ImmutableDictionary<string, string?> Properties { get; }

        public string? EntrySeverity { get; }
    }

    /// <summary>
    /// Shared walk for rules that judge string values (LG1002 endpoints, LG1003 model ids): literals, constant concatenations
    /// and interpolations, with constants folded across files. A value is reported once, where it is formed: at the literal
    /// when one literal or constant says it all, otherwise at the concatenation or interpolation that builds it.
    /// </summary>
    public abstract class StringValueAnalyzerBase : DiagnosticAnalyzer
    {
        private static readonly ImmutableArray<SyntaxKind> LiteralKinds = ImmutableArray.Create(SyntaxKind.StringLiteralExpression);

        /// <inheritdoc/>
        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

        /// <summary>Gets the rule's descriptor.</summary>
        private protected abstract DiagnosticDescriptor Descriptor { get; }

        /// <summary>Gets a value indicating whether interpolated strings with non-constant holes are judged by their shape.</summary>
        private protected abstract bool AnalyzesInterpolationShapes { get; }

        /// <summary>
        /// Returns whether an interpolated string with non-constant holes is worth judging by its shape, from its first text part
        /// (a hole stands for "x"). By default only URLs: <c>$"https://{resource}.openai.azure.com/…"</c>.
        /// </summary>
        private protected virtual bool ShapeMayMatch(string firstText) => firstText.IndexOf("://", System.StringComparison.Ordinal) >= 0;

        /// <summary>Returns whether the rule has anything to look for under this catalog (from its digest, without loading it).</summary>
        private protected abstract bool IsActive(CatalogDigest digest);

        /// <summary>The cheap test every literal goes through before any lookup (from the digest: the catalog loads only after it).</summary>
        private protected abstract bool CouldMatch(CatalogDigest digest, string value);

        /// <summary>Matches a whole string value.</summary>
        private protected abstract StringFinding? Match(CatalogSnapshot snapshot, string value);

        /// <inheritdoc/>
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated clients carry endpoints and model ids; users opt out with AnalyzerOptionKeys.AnalyzeGeneratedCode.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var access = CatalogAccess.Get(context.Options, context.CancellationToken);
            if (!access.IsEnabled(Descriptor.Id) || !IsActive(access.Digest))
            {
                return;
            }

            var generatedCode = new GeneratedCodeOptions(context.Options);
            var baseline = BaselineSnapshot.Get(context.Options, context.CancellationToken);
            context.RegisterSyntaxNodeAction(c => AnalyzeLiteral(c, access, generatedCode, baseline), LiteralKinds);
            context.RegisterSyntaxNodeAction(c => AnalyzeConcatenation(c, access, generatedCode, baseline), SyntaxKind.AddExpression);
            context.RegisterSyntaxNodeAction(c => AnalyzeInterpolation(c, access, generatedCode, baseline), SyntaxKind.InterpolatedStringExpression);
        }

        private void AnalyzeLiteral(SyntaxNodeAnalysisContext context, CatalogAccess access, GeneratedCodeOptions generatedCode, BaselineSnapshot baseline)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            string value = ((LiteralExpressionSyntax)context.Node).Token.ValueText;
            if (!CouldMatch(access.Digest, value))
            {
                return;
            }

            Report(context, access.Snapshot, generatedCode, baseline, context.Node, Match(access.Snapshot, value));
        }

        private void AnalyzeConcatenation(SyntaxNodeAnalysisContext context, CatalogAccess access, GeneratedCodeOptions generatedCode, BaselineSnapshot baseline)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var node = (BinaryExpressionSyntax)context.Node;
            if (IsOperandOfConcatenation(node))
            {
                return;
            }

            // The constant part of a concatenation is its left spine: "https://" + Host + "/v1/" + path. It starts at the leftmost
            // operand; when that cannot be a constant (a call, a `new`, an indexer…), there is none, and nothing to bind.
            ExpressionSyntax leftmost = node;
            while (Unparenthesize(leftmost) is BinaryExpressionSyntax spine && spine.IsKind(SyntaxKind.AddExpression))
            {
                leftmost = spine.Left;
            }

            if (!MayBeConstant(Unparenthesize(leftmost)))
            {
                return;
            }

            ExpressionSyntax target = node;
            string? value = null;
            while (true)
            {
                var constant = context.SemanticModel.GetConstantValue(target, context.CancellationToken);
                if (constant.HasValue)
                {
                    value = constant.Value as string;
                    break;
                }

                if (Unparenthesize(target) is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
                {
                    target = binary.Left;
                    continue;
                }

                return;
            }

            if (value == null || !(Unparenthesize(target) is BinaryExpressionSyntax) || !CouldMatch(access.Digest, value))
            {
                return;
            }

            var finding = Match(access.Snapshot, value);
            if (finding == null)
            {
                return;
            }

            var leaves = new List<ExpressionSyntax>();
            Flatten(target, leaves);
            foreach (var leaf in leaves)
            {
                if (MatchesAlone(context, access, leaf))
                {
                    return;
                }
            }

            Report(context, access.Snapshot, generatedCode, baseline, target, finding);
        }

        private void AnalyzeInterpolation(SyntaxNodeAnalysisContext context, CatalogAccess access, GeneratedCodeOptions generatedCode, BaselineSnapshot baseline)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var node = (InterpolatedStringExpressionSyntax)context.Node;
            if (node.Contents.Count == 0)
            {
                return;
            }

            // An interpolated string is a constant only when every hole is one, without alignment or format: ask the semantic model
            // only then, or when the shape of a non-constant one may matter.
            bool mayBeConstant = true;
            foreach (var content in node.Contents)
            {
                if (content is InterpolationSyntax hole && (hole.AlignmentClause != null || hole.FormatClause != null || !MayBeConstant(Unparenthesize(hole.Expression))))
                {
                    mayBeConstant = false;
                    break;
                }
            }

            var constant = mayBeConstant ? context.SemanticModel.GetConstantValue(node, context.CancellationToken) : default;
            string? value = constant.HasValue ? constant.Value as string : null;
            if (value == null)
            {
                // Judge the shape, a hole standing for one host label: $"https://{resource}.openai.azure.com/openai/..."
                if (!AnalyzesInterpolationShapes || !(node.Contents[0] is InterpolatedStringTextSyntax first) || !ShapeMayMatch(first.TextToken.ValueText))
                {
                    return;
                }

                var shape = new StringBuilder();
                foreach (var content in node.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        shape.Append(text.TextToken.ValueText);
                    }
                    else if (content is InterpolationSyntax hole)
                    {
                        var holeValue = context.SemanticModel.GetConstantValue(hole.Expression, context.CancellationToken);
                        shape.Append(holeValue.HasValue && holeValue.Value is string s ? s : "x");
                    }
                }

                value = shape.ToString();
            }

            if (!CouldMatch(access.Digest, value))
            {
                return;
            }

            var finding = Match(access.Snapshot, value);
            if (finding == null)
            {
                return;
            }

            foreach (var content in node.Contents)
            {
                if (content is InterpolationSyntax hole && MatchesAlone(context, access, hole.Expression))
                {
                    return;
                }
            }

            Report(context, access.Snapshot, generatedCode, baseline, node, finding);
        }

        private bool MatchesAlone(SyntaxNodeAnalysisContext context, CatalogAccess access, ExpressionSyntax leaf)
        {
            var constant = context.SemanticModel.GetConstantValue(leaf, context.CancellationToken);
            return constant.HasValue && constant.Value is string s && CouldMatch(access.Digest, s) && Match(access.Snapshot, s) != null;
        }

        private void Report(SyntaxNodeAnalysisContext context, CatalogSnapshot snapshot, GeneratedCodeOptions generatedCode, BaselineSnapshot baseline, SyntaxNode node, StringFinding? finding)
        {
            if (finding == null || (context.IsGeneratedCode && !generatedCode.ShouldAnalyze(node.SyntaxTree)))
            {
                return;
            }

            var severity = snapshot.SeverityFor(Descriptor, finding.EntrySeverity);
            if (severity == null)
            {
                return;
            }

            var diagnostic = Diagnostic.Create(Descriptor, node.GetLocation(), severity.Value, null, finding.Properties, finding.MessageArguments);
            if (!baseline.Covers(diagnostic))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        /// <summary>
        /// Returns false for an expression that is never a constant whatever it binds to (calls other than <c>nameof</c>, object
        /// and array creations, indexers, <c>this</c>, <c>await</c>, lambdas, assignments…); true for anything that may be.
        /// </summary>
        private static bool MayBeConstant(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case InvocationExpressionSyntax invocation:
                    return invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" };
                case BaseObjectCreationExpressionSyntax _:
                case ArrayCreationExpressionSyntax _:
                case ImplicitArrayCreationExpressionSyntax _:
                case AnonymousObjectCreationExpressionSyntax _:
                case ElementAccessExpressionSyntax _:
                case ConditionalAccessExpressionSyntax _:
                case InstanceExpressionSyntax _:
                case AwaitExpressionSyntax _:
                case AnonymousFunctionExpressionSyntax _:
                case AssignmentExpressionSyntax _:
                case PostfixUnaryExpressionSyntax postfix when !postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                case TypeOfExpressionSyntax _:
                case SwitchExpressionSyntax _:
                case TupleExpressionSyntax _:
                case QueryExpressionSyntax _:
                case ThrowExpressionSyntax _:
                    return false;
                default:
                    return true;
            }
        }

        private static bool IsOperandOfConcatenation(SyntaxNode node)
        {
            var parent = node.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            return parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression);
        }

        private static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        private static void Flatten(ExpressionSyntax expression, List<ExpressionSyntax> leaves)
        {
            expression = Unparenthesize(expression);
            if (expression is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
            {
                Flatten(binary.Left, leaves);
                Flatten(binary.Right, leaves);
            }
            else
            {
                leaves.Add(expression);
            }
        }
    }
}
