using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LicenseGuard.Analyzers.WeightFlow
{
    /// <summary>
    /// What a value's origin in another method or file needs: the call sites, creations and assignments of the compilation by
    /// name (found in the files whose text names them, once per name and compilation, only when a trace leaves its method),
    /// and the semantic models of the trees a trace reaches.
    /// </summary>
    internal sealed class CompilationIndex
    {
        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private readonly ConcurrentDictionary<string, IReadOnlyList<SyntaxNode>> found = new ConcurrentDictionary<string, IReadOnlyList<SyntaxNode>>(StringComparer.Ordinal);
        private readonly CancellationToken cancellationToken;

        public CompilationIndex(Compilation compilation, CancellationToken cancellationToken)
        {
            this.compilation = compilation;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>Keeps the model the driver gave an analysis, so that traces into its tree reuse it.</summary>
        public void Remember(SemanticModel model) => models.TryAdd(model.SyntaxTree, model);

        /// <summary>The semantic model of a tree of this compilation: the driver's when an analysis of the tree gave it, else one made once.</summary>
        public SemanticModel ModelFor(SyntaxTree tree) =>
#pragma warning disable RS1030 // Only the trees a trace reaches (a helper's callers, a member's assignments), each once per compilation.
            models.GetOrAdd(tree, t => compilation.GetSemanticModel(t));
#pragma warning restore RS1030

        /// <summary>How many places of another method a trace looks at for one parameter or member: beyond that it gives up on them (a bound on the cost, not a verdict).</summary>
        public const int MaxSites = 48;

        /// <summary>
        /// The call sites (or creations) that may call a method of this compilation, by name: only inside its type when it is
        /// private, only those with enough arguments, at most <see cref="MaxSites"/>.
        /// </summary>
        public IEnumerable<SyntaxNode> CallsOf(IMethodSymbol method)
        {
            int required = method.Parameters.Count(p => !p.IsOptional && !p.IsParams) - (method.IsExtensionMethod ? 1 : 0);
            string name = method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name;
            var candidates = IsPrivate(method)
                ? InType(method.ContainingType, node => node is InvocationExpressionSyntax invocation ? LastName(invocation.Expression) == name : node is ObjectCreationExpressionSyntax creation ? LastName(creation.Type) == name : node is ImplicitObjectCreationExpressionSyntax)
                : method.MethodKind == MethodKind.Constructor ? Creations(name) : Invocations(name);
            return candidates.Where(c => ArgumentCount(c) >= required).Take(MaxSites);
        }

        /// <summary>The assignments that may set a field or property of this compilation, by name (inside its type when it is private).</summary>
        public IEnumerable<SyntaxNode> AssignmentsOf(ISymbol member)
        {
            var candidates = IsPrivate(member)
                ? InType(member.ContainingType, node => node is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && LastName(assignment.Left) == member.Name)
                : Assignments(member.Name);
            return candidates.Take(MaxSites);
        }

        // A private member is used only inside its type: its declarations are searched, and the compilation-wide index is not built.
        private static bool IsPrivate(ISymbol symbol) => symbol.DeclaredAccessibility == Accessibility.Private && symbol.ContainingType != null;

        private IEnumerable<SyntaxNode> InType(INamedTypeSymbol type, Func<SyntaxNode, bool> match)
        {
            foreach (var declaration in type.DeclaringSyntaxReferences)
            {
                foreach (var node in declaration.GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (match(node))
                    {
                        yield return node;
                    }
                }
            }
        }

        private static int ArgumentCount(SyntaxNode call) => call switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments.Count,
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList?.Arguments.Count ?? 0,
            _ => 0,
        };

        /// <summary>Invocations whose invoked name is <paramref name="name"/>.</summary>
        public IReadOnlyList<SyntaxNode> Invocations(string name) =>
            Find("invocation:" + name, name, node => node is InvocationExpressionSyntax invocation && LastName(invocation.Expression) == name);

        /// <summary>Object creations whose type's name is <paramref name="typeName"/>, and the target-typed <c>new(…)</c> in the same files.</summary>
        public IReadOnlyList<SyntaxNode> Creations(string typeName) =>
            Find("creation:" + typeName, typeName, node => (node is ObjectCreationExpressionSyntax creation && LastName(creation.Type) == typeName) || node is ImplicitObjectCreationExpressionSyntax);

        /// <summary>Property declarations named <paramref name="name"/>: the implementations an interface or abstract property may have.</summary>
        public IReadOnlyList<SyntaxNode> PropertyDeclarations(string name) =>
            Find("property:" + name, name, node => node is PropertyDeclarationSyntax property && property.Identifier.ValueText == name);

        /// <summary>Assignments (and object-initializer members) whose target's name is <paramref name="name"/>.</summary>
        public IReadOnlyList<SyntaxNode> Assignments(string name) =>
            Find("assignment:" + name, name, node => node is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && LastName(assignment.Left) == name);

        /// <summary>
        /// The nodes of the compilation that <paramref name="match"/> accepts, in the files whose text contains
        /// <paramref name="name"/> (a scan of the text first: most files never name a given method, and walking their syntax
        /// would cost far more). Kept per question for the compilation.
        /// </summary>
        private IReadOnlyList<SyntaxNode> Find(string key, string name, Func<SyntaxNode, bool> match) =>
            found.GetOrAdd(key, _ =>
            {
                var nodes = new List<SyntaxNode>();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!Mentions(tree.GetText(cancellationToken), name))
                    {
                        continue;
                    }

                    foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                    {
                        if (match(node))
                        {
                            nodes.Add(node);
                        }
                    }
                }

                return nodes;
            });

        private static bool Mentions(SourceText text, string name)
        {
            const int chunk = 8192;
            var buffer = new char[chunk + name.Length];
            for (int start = 0; start < text.Length; start += chunk)
            {
                int count = Math.Min(chunk + name.Length - 1, text.Length - start);
                text.CopyTo(start, buffer, 0, count);
                if (new string(buffer, 0, count).IndexOf(name, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The last identifier of a name or member access (<c>a.b.Copy</c> → Copy, <c>List&lt;T&gt;</c> → List).</summary>
        public static string? LastName(SyntaxNode? node) => node switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };
    }
}
