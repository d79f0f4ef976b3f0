using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using LicenseGuard.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LicenseGuard.Analyzers.Rules
{
    /// <summary>What a string matched: message arguments, properties and the entry's own severity.</summary>
    internal sealed class StringFinding
    {
        public StringFinding(object[] messageArguments, ImmutableDictionary<string, string?> properties, string? entrySeverity, bool needsModelPosition = false)
        {
            MessageArguments = messageArguments;
            Properties = properties;
            EntrySeverity = entrySeverity;
            NeedsModelPosition = needsModelPosition;
        }

        /// <summary>Gets a value indicating whether the value counts only where code keeps a model id (a bare short id: see <see cref="ModelPosition"/>).</summary>
        public bool NeedsModelPosition { get; }

        public object[] MessageArguments { get; }

        public ImmutableDictionary<string, string?> Properties { get; }

        public string? EntrySeverity { get; }
    }

    /// <summary>
    /// Shared walk for rules that judge string values (LG1002 endpoints, LG1003 model ids): literals, constant concatenations
    /// and interpolations, with constants folded across files. A value is reported once, where it is formed: at the literal
    /// when one literal or constant says it all, otherwise at the concatenation or interpolation that builds it.
    /// Literals are read from syntax. Concatenations and interpolations are visited as operations, whose constant values the
    /// compiler has already folded: asking the semantic model instead would bind every member that builds a string again.
    /// </summary>
    public abstract class StringValueAnalyzerBase : DiagnosticAnalyzer
    {
        // UTF-8 literals ("…"u8, raw ones too) carry request bodies sent as bytes: judged like any other string.
        private static readonly ImmutableArray<SyntaxKind> LiteralKinds = ImmutableArray.Create(SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression);

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

        /// <summary>Gets a value indicating whether a text after the first may make the shape match (a JSON body's <c>"model"</c> key).</summary>
        private protected virtual bool ShapeMayMatchInLaterText => false;

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
            context.RegisterOperationAction(c => AnalyzeConcatenation(c, access, generatedCode, baseline), OperationKind.Binary);
            context.RegisterOperationAction(c => AnalyzeInterpolation(c, access, generatedCode, baseline), OperationKind.InterpolatedString);
        }

        private void AnalyzeLiteral(SyntaxNodeAnalysisContext context, CatalogAccess access, GeneratedCodeOptions generatedCode, BaselineSnapshot baseline)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            string value = ((LiteralExpressionSyntax)context.Node).Token.ValueText;
            if (!CouldMatch(access.Digest, value))
            {
                return;
            }

            Report(context.ReportDiagnostic, context.IsGeneratedCode, access.Snapshot, generatedCode, baseline, context.Node, Match(access.Snapshot, value), context.SemanticModel, context.CancellationToken);
        }

        private void AnalyzeConcatenation(OperationAnalysisContext context, CatalogAccess access, GeneratedCodeOptions generatedCode, BaselineSnapshot baseline)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = context.Operation;
            if (!(operation.Syntax is BinaryExpressionSyntax node) || !node.IsKind(SyntaxKind.AddExpression) || IsOperandOfConcatenation(node))
            {
                return;
            }

            // The constant part of a concatenation is its left spine, as the compiler folded it: "https://" + Host + "/v1/" + path.
            IOperation target = operation;
            while (!target.ConstantValue.HasValue)
            {
                if (!(target is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } spine))
                {
                    return;
                }

                target = spine.LeftOperand;
            }

            if (!(target is IBinaryOperation) || !(target.ConstantValue.Value is string value) || !CouldMatch(access.Digest, value))
            {
                AnalyzeConcatenationShape(context, access, generatedCode, baseline);
                return;
            }

            var leaves = new List<IOperation>();
            Flatten(target, leaves);
            Report(context.ReportDiagnostic, context.IsGeneratedCode, access.Snapshot, generatedCode, baseline, target.Syntax,
                MatchUnlessAPartDoes(access, value, leaves.Select(l => l.ConstantValue)), operation.SemanticModel, context.CancellationToken);
        }

        /// <summary>
        /// A concatenation with a non-constant part inside the host, judged by its shape as an interpolation is (a part that is
        /// not constant stands for one label): "https://bedrock-runtime-fips." + region + ".amazonaws.com/".
        /// </summary>
        private void AnalyzeConcatenationShape(OperationAnalysisContext context, CatalogAccess access, GeneratedCodeOptions generatedCode, BaselineSnapshot baseline)
        {
            // Most concatenations are log lines and messages: the first part decides before anything is allocated.
            var leftmost = context.Operation;
            while (leftmost is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary)
            {
                leftmost = binary.LeftOperand;
            }

            if (!AnalyzesInterpolationShapes || !(leftmost.ConstantValue.Value is string first) || !ShapeMayMatch(first))
            {
                return;
            }

            var leaves = new List<IOperation>();
            Flatten(context.Operation, leaves);
            var shape = new StringBuilder();
            foreach (var leaf in leaves)
            {
                if (leaf.ConstantValue.HasValue && !(leaf.ConstantValue.Value is string))
                {
                    return;
                }

                shape.Append(leaf.ConstantValue.Value as string ?? "x");
            }

            Report(context.ReportDiagnostic, context.IsGeneratedCode, access.Snapshot, generatedCode, baseline, context.Operation.Syntax,
                MatchUnlessAPartDoes(access, shape.ToString(), leaves.Select(l => l.ConstantValue)), context.Operation.SemanticModel, context.CancellationToken);
        }

        /// <summary>
        /// Whether an interpolation's shape is worth building: its first text may match (a URL), a hole stands for the first
        /// label of a host template (<c>$"{resource}.services.ai.azure.com"</c>), or, for rules that look inside bodies, a
        /// later text may match (a <c>"model"</c> key after a hole for the request's id).
        /// </summary>
        private bool InterpolationShapeMayMatch(InterpolatedStringExpressionSyntax node)
        {
            if (node.Contents[0] is InterpolatedStringTextSyntax first)
            {
                if (ShapeMayMatch(first.TextToken.ValueText))
                {
                    return true;
                }
            }
            else if (node.Contents.Count > 1 && node.Contents[1] is InterpolatedStringTextSyntax afterHole && IsHostTemplateRest(afterHole.TextToken.ValueText))
            {
                return true;
            }

            if (ShapeMayMatchInLaterText)
            {
                for (int i = 1; i < node.Contents.Count; i++)
                {
                    if (node.Contents[i] is InterpolatedStringTextSyntax text && ShapeMayMatch(text.TextToken.ValueText))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The rest of a host after its first label: ".services.ai.azure.com", ".openai.azure.com/openai/v1".</summary>
        private static bool IsHostTemplateRest(string text) =>
            text.Length > 4 && text[0] == '.' && text.IndexOf('.', 1) > 1 && text.IndexOf(' ') < 0;

        private void AnalyzeInterpolation(OperationAnalysisContext context, CatalogAccess access, GeneratedCodeOptions generatedCode, BaselineSnapshot baseline)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = context.Operation;
            if (!(operation.Syntax is InterpolatedStringExpressionSyntax node) || node.Contents.Count == 0)
            {
                return;
            }

            var constant = operation.ConstantValue;
            string? value = constant.HasValue ? constant.Value as string : null;
            if (value == null)
            {
                // Judge the shape, a hole standing for one host label: $"https://{resource}.openai.azure.com/openai/..."
                if (!AnalyzesInterpolationShapes || !InterpolationShapeMayMatch(node))
                {
                    return;
                }

                // A hole that is a conditional between constants takes each value (bedrock-runtime{(fips ? "-fips" : "")}.…);
                // any other hole stands for one label. A few shapes at most: two such holes.
                var parts = node.Contents.Select((part, i) => part is InterpolationSyntax hole ? HoleConstant(operation, i, hole) : default).ToList();
                var shapes = new List<StringBuilder> { new StringBuilder() };
                for (int i = 0; i < node.Contents.Count; i++)
                {
                    if (node.Contents[i] is InterpolatedStringTextSyntax text)
                    {
                        shapes.ForEach(shape => shape.Append(text.TextToken.ValueText));
                    }
                    else if (node.Contents[i] is InterpolationSyntax hole)
                    {
                        var holeValue = parts[i];
                        var choices = holeValue.HasValue ? null : HoleChoices(operation, i, hole);
                        if (choices != null && shapes.Count < MaxShapes)
                        {
                            shapes = shapes.SelectMany(shape => choices.Select(choice => new StringBuilder(shape.ToString()).Append(choice))).ToList();
                        }
                        else
                        {
                            string part = holeValue.HasValue && holeValue.Value is string s ? s : "x";
                            shapes.ForEach(shape => shape.Append(part));
                        }
                    }
                }

                var found = shapes.Select(shape => MatchUnlessAPartDoes(access, shape.ToString(), parts)).FirstOrDefault(f => f != null);
                Report(context.ReportDiagnostic, context.IsGeneratedCode, access.Snapshot, generatedCode, baseline, node, found, operation.SemanticModel, context.CancellationToken);
                return;
            }

            var holes = node.Contents.Select((part, i) => part is InterpolationSyntax hole ? HoleConstant(operation, i, hole) : default);
            Report(context.ReportDiagnostic, context.IsGeneratedCode, access.Snapshot, generatedCode, baseline, node,
                MatchUnlessAPartDoes(access, value, holes), operation.SemanticModel, context.CancellationToken);
        }

        private const int MaxShapes = 4;

        /// <summary>The constant strings a conditional hole chooses between (<c>{(fips ? "-fips" : "")}</c>), or null.</summary>
        private static string[]? HoleChoices(IOperation interpolation, int index, InterpolationSyntax hole)
        {
            var parts = (interpolation as IInterpolatedStringOperation)?.Parts ?? ImmutableArray<IInterpolatedStringContentOperation>.Empty;
            var expression = Unparenthesize(hole.Expression);
            foreach (var operation in parts.Length > index ? parts[index].DescendantsAndSelf() : interpolation.DescendantsAndSelf())
            {
                if (operation.Syntax == expression && operation is IConditionalOperation conditional)
                {
                    return conditional.WhenTrue.ConstantValue.Value is string whenTrue && conditional.WhenFalse?.ConstantValue.Value is string whenFalse
                        ? new[] { whenTrue, whenFalse }
                        : null;
                }
            }

            return null;
        }

        /// <summary>
        /// The finding for a whole string formed of parts, unless one of its constant parts is reported by itself (the literal
        /// or constant that says it all is where the value is reported, once).
        /// </summary>
        private StringFinding? MatchUnlessAPartDoes(CatalogAccess access, string value, IEnumerable<Optional<object?>> parts)
        {
            if (!CouldMatch(access.Digest, value) || !(Match(access.Snapshot, value) is { } finding))
            {
                return null;
            }

            foreach (var part in parts)
            {
                if (MatchesAlone(access, part))
                {
                    return null;
                }
            }

            return finding;
        }

        /// <summary>
        /// Whether a part of a longer string is reported by itself (so the whole is not reported again). A bare short id never is:
        /// as an operand or a hole it is not in a model position (<c>"openai/" + "o3"</c> is reported as the whole).
        /// </summary>
        private bool MatchesAlone(CatalogAccess access, Optional<object?> constant) =>
            constant.HasValue && constant.Value is string s && CouldMatch(access.Digest, s) && Match(access.Snapshot, s) is { NeedsModelPosition: false };

        /// <summary>
        /// The constant value the compiler folded for the hole at <paramref name="index"/>: the operation parts of an interpolated
        /// string follow its contents one to one (text and holes, or the handler's Append calls). The hole's expression is the
        /// first operation in its part with that syntax and a value (an implicit conversion around a constant has none itself).
        /// </summary>
        private static Optional<object?> HoleConstant(IOperation interpolation, int index, InterpolationSyntax hole)
        {
            var parts = (interpolation as IInterpolatedStringOperation)?.Parts ?? ImmutableArray<IInterpolatedStringContentOperation>.Empty;
            var expression = Unparenthesize(hole.Expression);
            foreach (var operation in parts.Length > index ? parts[index].DescendantsAndSelf() : interpolation.DescendantsAndSelf())
            {
                if (operation.Syntax == expression && operation.ConstantValue.HasValue)
                {
                    return operation.ConstantValue;
                }
            }

            return default;
        }

        private void Report(
            System.Action<Diagnostic> report, bool isGeneratedCode, CatalogSnapshot snapshot, GeneratedCodeOptions generatedCode, BaselineSnapshot baseline,
            SyntaxNode node, StringFinding? finding, SemanticModel? semanticModel, System.Threading.CancellationToken cancellationToken)
        {
            if (finding == null || (isGeneratedCode && !generatedCode.ShouldAnalyze(node.SyntaxTree)))
            {
                return;
            }

            if (finding.NeedsModelPosition && (semanticModel == null || !ModelPosition.Holds(node, semanticModel, cancellationToken)))
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
                report(diagnostic);
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

        private static void Flatten(IOperation operation, List<IOperation> leaves)
        {
            if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary)
            {
                Flatten(binary.LeftOperand, leaves);
                Flatten(binary.RightOperand, leaves);
            }
            else
            {
                leaves.Add(operation);
            }
        }
    }
}
