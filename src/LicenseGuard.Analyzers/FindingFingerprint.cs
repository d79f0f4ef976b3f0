using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LicenseGuard.Analyzers
{
    /// <summary>
    /// A finding's identity for baselines: stable when lines move, changes when the finding's subject or place changes.
    /// Built from the rule ID, the file (relative to the baseline's folder), the enclosing type and member (C# findings)
    /// and the subject: the member a call calls, the type a creation creates, the literal itself, or the package or weight
    /// file a project-level finding is about. Findings with the same subject in one member are told apart by their occurrence
    /// (the first such call in the member, the second, …), so a baseline entry accepts exactly one finding: a new one that
    /// looks like an accepted one is never hidden by it.
    /// </summary>
    public static class FindingFingerprint
    {
        private const int MaxSubjectLength = 300;

        /// <summary>Computes the fingerprint of a diagnostic; <paramref name="baseDirectory"/> is the baseline's folder.</summary>
        public static string Compute(Diagnostic diagnostic, string baseDirectory)
        {
            var key = new StringBuilder(diagnostic.Id).Append('|').Append(RelativeFile(diagnostic, baseDirectory)).Append('|');
            var location = diagnostic.Location;
            if (location.IsInSource && location.SourceTree != null)
            {
                var root = location.SourceTree.GetRoot();
                var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
                var scope = AppendEnclosingMembers(key, node) ?? root;
                key.Append('|');
                string subject = CodeSubjectOf(node);
                AppendWithoutWhitespace(key, subject);
                key.Append('#').Append(OccurrenceOf(node, subject, scope).ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                key.Append('|').Append(SubjectOf(diagnostic));
            }

            return Fnv1a64(key.ToString()).ToString("x16", CultureInfo.InvariantCulture);
        }

        /// <summary>Gets the diagnostic's file relative to <paramref name="baseDirectory"/>, with forward slashes.</summary>
        public static string RelativeFile(Diagnostic diagnostic, string baseDirectory)
        {
            string? path = diagnostic.Location.GetLineSpan().Path;
            if (string.IsNullOrEmpty(path))
            {
                return string.Empty;
            }

            string directory = baseDirectory.Replace('\\', '/').TrimEnd('/') + "/";
            string file = path!.Replace('\\', '/');
            return file.StartsWith(directory, StringComparison.OrdinalIgnoreCase) ? file.Substring(directory.Length) : Path.GetFileName(file);
        }

        /// <summary>
        /// A call is identified by the member it calls and a creation by the type it creates, not by their arguments:
        /// switching the model of an accepted call is reported by LG1003, not again as a new call.
        /// </summary>
        private static string CodeSubjectOf(SyntaxNode node) => node switch
        {
            InvocationExpressionSyntax invocation => "call " + NameOf(invocation.Expression),
            ObjectCreationExpressionSyntax creation => "new " + creation.Type,
            ImplicitObjectCreationExpressionSyntax implicitCreation => "new " + TargetTypeOf(implicitCreation),
            ConstructorInitializerSyntax initializer => initializer.ThisOrBaseKeyword.ValueText + "()",
            _ => node.ToString(),
        };

        /// <summary>The declared type a target-typed <c>new(…)</c> creates when the declaration shows it, else <c>()</c>.</summary>
        private static string TargetTypeOf(ImplicitObjectCreationExpressionSyntax creation) => creation.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } when !declaration.Type.IsVar => declaration.Type.ToString(),
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type.ToString(),
            EqualsValueClauseSyntax { Parent: ParameterSyntax { Type: { } type } } => type.ToString(),
            _ => "()",
        };

        /// <summary>
        /// How many nodes of the same kind and subject come before <paramref name="node"/> in its member (or file): the first
        /// <c>GetChatClient</c> call in a method is occurrence 0, the second 1. Edits in other members and moved lines keep it.
        /// </summary>
        private static int OccurrenceOf(SyntaxNode node, string subject, SyntaxNode scope)
        {
            int occurrence = 0;
            foreach (var other in (scope == node ? node.Parent ?? node : scope).DescendantNodes())
            {
                // Document order: an enclosing node comes before the nodes it holds (a.M().M(): the outer M first).
                if (other == node || other.SpanStart > node.SpanStart)
                {
                    break;
                }

                if (SubjectKindOf(other) == SubjectKindOf(node) && string.Equals(CodeSubjectOf(other), subject, StringComparison.Ordinal))
                {
                    occurrence++;
                }
            }

            return occurrence;
        }

        /// <summary><c>new AudioClient(…)</c> and <c>AudioClient a = new(…)</c> have one subject: they are counted together.</summary>
        private static int SubjectKindOf(SyntaxNode node) => node is BaseObjectCreationExpressionSyntax ? -1 : node.RawKind;

        private static string NameOf(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => expression.ToString(),
        };

        private static string SubjectOf(Diagnostic diagnostic)
        {
            foreach (string property in new[] { "package", "file", "path" })
            {
                if (diagnostic.Properties.TryGetValue(property, out string? value) && !string.IsNullOrEmpty(value))
                {
                    return property + "=" + value;
                }
            }

            return diagnostic.GetMessage(CultureInfo.InvariantCulture);
        }

        /// <summary>Appends the enclosing namespace, type and member names; returns the innermost enclosing declaration.</summary>
        private static SyntaxNode? AppendEnclosingMembers(StringBuilder key, SyntaxNode node)
        {
            SyntaxNode? innermost = null;
            var names = new List<string>();
            for (var current = node; current != null; current = current.Parent)
            {
                string? name = current switch
                {
                    BaseNamespaceDeclarationSyntax ns => ns.Name.ToString(),
                    BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                    DelegateDeclarationSyntax d => d.Identifier.ValueText,
                    MethodDeclarationSyntax method => method.Identifier.ValueText + ParametersOf(method.ParameterList),
                    ConstructorDeclarationSyntax constructor => ".ctor" + ParametersOf(constructor.ParameterList),
                    DestructorDeclarationSyntax _ => ".dtor",
                    OperatorDeclarationSyntax op => "op " + op.OperatorToken.ValueText + ParametersOf(op.ParameterList),
                    ConversionOperatorDeclarationSyntax conversion => "op " + conversion.Type + ParametersOf(conversion.ParameterList),
                    PropertyDeclarationSyntax property => property.Identifier.ValueText,
                    IndexerDeclarationSyntax indexer => "this[" + string.Join(",", indexer.ParameterList.Parameters.Select(p => p.Type?.ToString())) + "]",
                    EventDeclarationSyntax e => e.Identifier.ValueText,
                    BaseFieldDeclarationSyntax field => field.Declaration.Variables.Count > 0 ? field.Declaration.Variables[0].Identifier.ValueText : null,
                    LocalFunctionStatementSyntax local => local.Identifier.ValueText + ParametersOf(local.ParameterList),
                    GlobalStatementSyntax _ => "<top-level>",
                    _ => null,
                };
                if (name != null)
                {
                    names.Add(name);
                    innermost ??= current;
                }
            }

            for (int i = names.Count - 1; i >= 0; i--)
            {
                key.Append(names[i]).Append(i == 0 ? string.Empty : "/");
            }

            return innermost;
        }

        /// <summary>Overloads share a name: their parameter types (as written) tell them apart.</summary>
        private static string ParametersOf(ParameterListSyntax parameters) =>
            "(" + string.Join(",", parameters.Parameters.Select(p => p.Type == null ? string.Empty : string.Concat(p.Type.ToString().Where(c => !char.IsWhiteSpace(c))))) + ")";

        private static void AppendWithoutWhitespace(StringBuilder key, string code)
        {
            int kept = 0;
            foreach (char c in code)
            {
                if (!char.IsWhiteSpace(c))
                {
                    key.Append(c);
                    if (++kept == MaxSubjectLength)
                    {
                        return;
                    }
                }
            }
        }

        private static ulong Fnv1a64(string text)
        {
            ulong hash = 14695981039346656037UL;
            foreach (char c in text)
            {
                hash ^= c;
                hash *= 1099511628211UL;
            }

            return hash;
        }
    }
}
