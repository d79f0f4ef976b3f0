using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
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
    /// file a project-level finding is about.
    /// Identical findings in one member share a fingerprint, so one baseline entry covers them all.
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
                AppendEnclosingMembers(key, node);
                key.Append('|');
                AppendWithoutWhitespace(key, CodeSubjectOf(node));
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
            ImplicitObjectCreationExpressionSyntax _ => "new()",
            ConstructorInitializerSyntax initializer => initializer.ThisOrBaseKeyword.ValueText + "()",
            _ => node.ToString(),
        };

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

        private static void AppendEnclosingMembers(StringBuilder key, SyntaxNode node)
        {
            var names = new List<string>();
            for (var current = node; current != null; current = current.Parent)
            {
                string? name = current switch
                {
                    BaseNamespaceDeclarationSyntax ns => ns.Name.ToString(),
                    BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                    DelegateDeclarationSyntax d => d.Identifier.ValueText,
                    MethodDeclarationSyntax method => method.Identifier.ValueText,
                    ConstructorDeclarationSyntax _ => ".ctor",
                    DestructorDeclarationSyntax _ => ".dtor",
                    OperatorDeclarationSyntax op => "op " + op.OperatorToken.ValueText,
                    ConversionOperatorDeclarationSyntax conversion => "op " + conversion.Type,
                    PropertyDeclarationSyntax property => property.Identifier.ValueText,
                    IndexerDeclarationSyntax _ => "this[]",
                    EventDeclarationSyntax e => e.Identifier.ValueText,
                    BaseFieldDeclarationSyntax field => field.Declaration.Variables.Count > 0 ? field.Declaration.Variables[0].Identifier.ValueText : null,
                    LocalFunctionStatementSyntax local => local.Identifier.ValueText,
                    GlobalStatementSyntax _ => "<top-level>",
                    _ => null,
                };
                if (name != null)
                {
                    names.Add(name);
                }
            }

            for (int i = names.Count - 1; i >= 0; i--)
            {
                key.Append(names[i]).Append(i == 0 ? string.Empty : "/");
            }
        }

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
