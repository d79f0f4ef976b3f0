using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LicenseGuard.Analyzers.WeightFlow
{
    /// <summary>
    /// What a value's origin in another method or file needs: the call sites, creations and assignments of the compilation by
    /// name (a syntax-only walk over every tree, made once per compilation and only when a trace first leaves its method),
    /// and the semantic models of the trees a trace reaches.
    /// </summary>
    internal sealed class CompilationIndex
    {
        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private readonly Lazy<Index> index;

        public CompilationIndex(Compilation compilation, CancellationToken cancellationToken)
        {
            this.compilation = compilation;
            index = new Lazy<Index>(() => Build(compilation, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>Keeps the model the driver gave an analysis, so that traces into its tree reuse it.</summary>
        public void Remember(SemanticModel model) => models.TryAdd(model.SyntaxTree, model);

        /// <summary>The semantic model of a tree of this compilation: the driver's when an analysis of the tree gave it, else one made once.</summary>
        public SemanticModel ModelFor(SyntaxTree tree) =>
#pragma warning disable RS1030 // Only the trees a trace reaches (a helper's callers, a member's assignments), each once per compilation.
            models.GetOrAdd(tree, t => compilation.GetSemanticModel(t));
#pragma warning restore RS1030

        public bool Contains(SyntaxTree tree) => compilation.ContainsSyntaxTree(tree);

        /// <summary>Invocations whose invoked name is <paramref name="name"/>.</summary>
        public IReadOnlyList<SyntaxNode> Invocations(string name) => Get(index.Value.Invocations, name);

        /// <summary>Object creations whose type's name is <paramref name="typeName"/>, and every target-typed <c>new(…)</c>.</summary>
        public IEnumerable<SyntaxNode> Creations(string typeName)
        {
            foreach (var node in Get(index.Value.Creations, typeName))
            {
                yield return node;
            }

            foreach (var node in index.Value.ImplicitCreations)
            {
                yield return node;
            }
        }

        /// <summary>Assignments (and object-initializer members) whose target's name is <paramref name="name"/>.</summary>
        public IReadOnlyList<SyntaxNode> Assignments(string name) => Get(index.Value.Assignments, name);

        private static IReadOnlyList<SyntaxNode> Get(Dictionary<string, List<SyntaxNode>> map, string name) =>
            map.TryGetValue(name, out var nodes) ? nodes : (IReadOnlyList<SyntaxNode>)Array.Empty<SyntaxNode>();

        private static Index Build(Compilation compilation, CancellationToken cancellationToken)
        {
            var built = new Index();
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    switch (node)
                    {
                        case InvocationExpressionSyntax invocation when LastName(invocation.Expression) is { } invoked:
                            Add(built.Invocations, invoked, node);
                            break;
                        case ObjectCreationExpressionSyntax creation when LastName(creation.Type) is { } type:
                            Add(built.Creations, type, node);
                            break;
                        case ImplicitObjectCreationExpressionSyntax:
                            built.ImplicitCreations.Add(node);
                            break;
                        case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && LastName(assignment.Left) is { } target:
                            Add(built.Assignments, target, node);
                            break;
                    }
                }
            }

            return built;
        }

        private static void Add(Dictionary<string, List<SyntaxNode>> map, string name, SyntaxNode node)
        {
            if (!map.TryGetValue(name, out var nodes))
            {
                map[name] = nodes = new List<SyntaxNode>();
            }

            nodes.Add(node);
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

        private sealed class Index
        {
            public Dictionary<string, List<SyntaxNode>> Invocations { get; } = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);

            public Dictionary<string, List<SyntaxNode>> Creations { get; } = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);

            public List<SyntaxNode> ImplicitCreations { get; } = new List<SyntaxNode>();

            public Dictionary<string, List<SyntaxNode>> Assignments { get; } = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
        }
    }
}
