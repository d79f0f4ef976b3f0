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
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace LicenseGuard.CodeFixes.Rules
{
    /// <summary>
    /// LG1001: replaces a Microsoft.Extensions.AI client built from a proprietary provider (<c>…AsIChatClient()</c>,
    /// <c>…AsIEmbeddingGenerator()</c>) or a Semantic Kernel chat or embedding registration with the same interface from an open runtime —
    /// one action per catalog alternative, each with the runtime the catalog names for it (OllamaSharp, LLamaSharp, ONNX
    /// Runtime GenAI). The surrounding code keeps compiling against the interface; the title names the packages the new
    /// code needs, and a choice is offered only when the project already references them (a fix cannot add package
    /// references: <c>licenseguard migrate</c> adds them, then applies these fixes). Imports of the provider's namespaces that
    /// the rewrite leaves unused are removed.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProprietaryAiCallFixer))]
    [Shared]
    public sealed class ProprietaryAiCallFixer : CodeFixProvider
    {
        private const string DefaultOllamaEndpoint = "http://localhost:11434";
        private const string DependencyInjection = "Microsoft.Extensions.DependencyInjection";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ProprietaryAiCall);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

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
                if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation))
                {
                    continue;
                }

                var shape = ShapeOf(model, invocation, context.CancellationToken);
                if (shape == FixShape.None)
                {
                    continue;
                }

                foreach (var choice in ChoicesFor(shape, AlternativeIds.Of(diagnostic), model.Compilation))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            Title(shape, choice),
                            ct => ReplaceAsync(context.Document, invocation, shape, choice, ct),
                            equivalenceKey: EquivalenceKey(choice.Model.Id, choice.Runtime.Id)),
                        diagnostic);
                }
            }
        }

        /// <summary>The equivalence key of the action that moves a finding to <paramref name="model"/> on <paramref name="runtime"/> (what Fix All and <c>licenseguard migrate</c> select by).</summary>
        public static string EquivalenceKey(string model, string runtime) => $"{DiagnosticIds.ProprietaryAiCall}.{runtime}.{model}";

        /// <summary>
        /// The rewrites this fix knows for a finding, best first, whether or not the project references what they need yet:
        /// each open model, its runtime, and the packages the new code needs (what <c>licenseguard migrate</c> adds before it
        /// applies the fix). Empty when the call has no automatic rewrite (the provider's own client types used directly).
        /// </summary>
        public static IReadOnlyList<(string Model, string Runtime, IReadOnlyList<string> Packages)> RewritesFor(SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = diagnostic.Location.SourceTree?.GetRoot(cancellationToken);
            if (root == null || !(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation))
            {
                return Array.Empty<(string, string, IReadOnlyList<string>)>();
            }

            var shape = ShapeOf(model, invocation, cancellationToken);
            return shape == FixShape.None
                ? Array.Empty<(string, string, IReadOnlyList<string>)>()
                : ChoicesFor(shape, AlternativeIds.Of(diagnostic), compilation: null)
                    .Select(c => (c.Model.Id, c.Runtime.Id, (IReadOnlyList<string>)PackagesFor(shape, c)))
                    .ToList();
        }

        /// <summary>Why a finding has no rewrite, in words for the person who will rewrite it (for findings <see cref="RewritesFor"/> leaves empty).</summary>
        public static string WhyNoRewrite(SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = diagnostic.Location.SourceTree?.GetRoot(cancellationToken);
            var method = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
                ? model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol
                : null;
            if (method != null && (ChatRegistrations.Contains(method.Name) || EmbeddingRegistrations.Contains(method.Name)))
            {
                return "a registration whose result is used (a builder chain such as Kernel.CreateBuilder()." + method.Name + "(…).Build()) has no automatic rewrite: make it a statement on the builder, or register the open runtime's client with builder.Services.AddChatClient(…)";
            }

            return "no automatic rewrite: the fix rewrites Microsoft.Extensions.AI adapters (AsIChatClient, AsIEmbeddingGenerator) and Semantic Kernel registration statements; this code uses the provider's own API, so move it to IChatClient by hand (the finding names the alternatives)";
        }

        private static List<string> PackagesFor(FixShape shape, Choice choice)
        {
            var packages = choice.Runtime.Packages.ToList();
            if (shape != FixShape.ChatAdapter && shape != FixShape.EmbeddingAdapter)
            {
                packages.Add("Microsoft.Extensions.AI");
            }

            return packages;
        }

        private enum FixShape
        {
            None,

            /// <summary>An <c>AsIChatClient()</c> adapter whose value is an <c>IChatClient</c>.</summary>
            ChatAdapter,

            /// <summary>An <c>AsIEmbeddingGenerator()</c> adapter whose value is an <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c>.</summary>
            EmbeddingAdapter,

            /// <summary>A Semantic Kernel chat registration used as a statement on IServiceCollection.</summary>
            ChatServiceRegistration,

            /// <summary>The same registration on an IKernelBuilder.</summary>
            ChatKernelRegistration,

            /// <summary>A Semantic Kernel embedding-generator registration used as a statement on IServiceCollection.</summary>
            EmbeddingServiceRegistration,

            /// <summary>The same registration on an IKernelBuilder.</summary>
            EmbeddingKernelRegistration,
        }

        private static readonly HashSet<string> ChatRegistrations = new HashSet<string>(StringComparer.Ordinal)
        {
            "AddOpenAIChatCompletion", "AddAzureOpenAIChatCompletion", "AddOpenAIChatClient", "AddAzureOpenAIChatClient",
        };

        private static readonly HashSet<string> EmbeddingRegistrations = new HashSet<string>(StringComparer.Ordinal)
        {
            "AddOpenAIEmbeddingGenerator", "AddAzureOpenAIEmbeddingGenerator",
        };

        private static bool IsEmbedding(FixShape shape) =>
            shape == FixShape.EmbeddingAdapter || shape == FixShape.EmbeddingServiceRegistration || shape == FixShape.EmbeddingKernelRegistration;

        /// <summary>An open model and the runtime that serves it, with the runtime's reference (Ollama tag, GGUF repository, ONNX folder).</summary>
        private sealed class Choice
        {
            public Choice(ModelEntry model, RuntimeEntry runtime, string reference)
            {
                Model = model;
                Runtime = runtime;
                Reference = reference;
            }

            public ModelEntry Model { get; }

            public RuntimeEntry Runtime { get; }

            public string Reference { get; }
        }

        private static IEnumerable<Choice> ChoicesFor(FixShape shape, IEnumerable<(string Model, string Runtime)> alternatives, Compilation? compilation)
        {
            var catalog = RulesCatalog.BuiltIn;
            bool embeddings = IsEmbedding(shape);

            // The analyzer chose the alternatives for the task the code shows; the fix only keeps those that do what the
            // rewritten code will ask (an embedding generator is replaced by an embedding model, never a chat model).
            string task = embeddings ? "embeddings" : "chat";
            var candidates = alternatives.Where(c => catalog.FindModel(c.Model)?.Tasks.Contains(task) ?? false).ToList();

            string contract = embeddings ? "IEmbeddingGenerator" : "IChatClient";
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (modelId, runtimeId) in candidates)
            {
                var modelEntry = catalog.FindModel(modelId);
                var runtime = catalog.FindRuntime(runtimeId);
                var run = modelEntry?.Run.FirstOrDefault(r => r.Runtime == runtimeId);
                if (modelEntry == null || runtime == null || run == null || !runtime.Implements.Contains(contract)
                    || !(CodeFor(runtime.Id, modelEntry, run.Reference, embeddings) is { } code) || (compilation != null && !Compiles(compilation, shape, code.Needs))
                    || !seen.Add(modelId + "@" + runtimeId))
                {
                    continue;
                }

                yield return new Choice(modelEntry, runtime, run.Reference);
            }
        }

        private static string Title(FixShape shape, Choice choice)
        {
            var packages = PackagesFor(shape, choice);
            string source = choice.Runtime.Id == "ollamasharp" ? string.Empty : $"; model from {choice.Reference}";
            switch (shape)
            {
                case FixShape.ChatAdapter:
                    return $"Use {choice.Model.Name} through {choice.Runtime.Name} (needs {Packages(packages)}{source})";
                case FixShape.EmbeddingAdapter:
                    return $"Use {choice.Model.Name} embeddings through {choice.Runtime.Name} (needs {Packages(packages)}; vectors differ, re-index stored embeddings)";
                case FixShape.EmbeddingServiceRegistration:
                case FixShape.EmbeddingKernelRegistration:
                    return $"Register {choice.Model.Name} embeddings through {choice.Runtime.Name} as IEmbeddingGenerator (needs {Packages(packages)}; vectors differ, re-index stored embeddings)";
                default:
                    return $"Register {choice.Model.Name} through {choice.Runtime.Name} as IChatClient (needs {Packages(packages)}{source})";
            }
        }

        private static string Packages(IReadOnlyList<string> packages) =>
            (packages.Count == 1 ? "package " : "packages ") + (packages.Count <= 1 ? string.Join(string.Empty, packages) : string.Join(", ", packages.Take(packages.Count - 1)) + " and " + packages.Last());

        /// <summary>
        /// The C# that builds the runtime's client, the namespace it needs imported, and the type that must resolve for it to
        /// compile (the runtime's package is referenced); null when the runtime has no such client.
        /// </summary>
        private static (string Code, string? Using, string Needs)? CodeFor(string runtime, ModelEntry model, string reference, bool embeddings)
        {
            switch (runtime)
            {
                case "ollamasharp":
                    return ($"new OllamaSharp.OllamaApiClient(new System.Uri(\"{DefaultOllamaEndpoint}\"), \"{reference}\")", null, "OllamaSharp.OllamaApiClient");
                case "llamasharp" when !embeddings:
                    string path = $"models/{model.Id}.gguf";
                    return ($"new LLama.StatelessExecutor(LLama.LLamaWeights.LoadFromFile(new LLama.Common.ModelParams(\"{path}\")), new LLama.Common.ModelParams(\"{path}\")).AsChatClient()", "LLama.Abstractions", "LLama.StatelessExecutor");
                case "onnxruntime-genai" when !embeddings:
                    return ($"new Microsoft.ML.OnnxRuntimeGenAI.OnnxRuntimeGenAIChatClient(\"models/{model.Id}\")", null, "Microsoft.ML.OnnxRuntimeGenAI.OnnxRuntimeGenAIChatClient");
                default:
                    return null;
            }
        }

        /// <summary>Whether the rewrite would compile here: the runtime's client type and, for registrations, Microsoft.Extensions.AI's resolve.</summary>
        private static bool Compiles(Compilation compilation, FixShape shape, string clientType)
        {
            string? registration = shape == FixShape.ChatServiceRegistration || shape == FixShape.ChatKernelRegistration
                ? "Microsoft.Extensions.DependencyInjection.ChatClientBuilderServiceCollectionExtensions"
                : shape == FixShape.EmbeddingServiceRegistration || shape == FixShape.EmbeddingKernelRegistration
                    ? "Microsoft.Extensions.DependencyInjection.EmbeddingGeneratorBuilderServiceCollectionExtensions"
                    : null;
            return compilation.GetTypeByMetadataName(clientType) != null && (registration == null || compilation.GetTypeByMetadataName(registration) != null);
        }

        private static FixShape ShapeOf(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
        {
            if (!(model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method))
            {
                return FixShape.None;
            }

            string returnType = method.ReturnType.ToDisplayString();
            if (method.Name == "AsIChatClient" && returnType == "Microsoft.Extensions.AI.IChatClient")
            {
                return FixShape.ChatAdapter;
            }

            if (method.Name == "AsIEmbeddingGenerator" && returnType == "Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>")
            {
                return FixShape.EmbeddingAdapter;
            }

            // A registration is replaced where its result is unused (a statement), or inside a builder chain of a statement, which
            // is split: the builder goes to a local, the open runtime is registered on it, and the chain goes on from the local.
            bool chat = ChatRegistrations.Contains(method.Name);
            if (!(chat || EmbeddingRegistrations.Contains(method.Name)) || !(invocation.Expression is MemberAccessExpressionSyntax)
                || !(invocation.Parent is ExpressionStatementSyntax || SplittableStatement(invocation) != null))
            {
                return FixShape.None;
            }

            string receiver = (method.ReducedFrom ?? method).Parameters.FirstOrDefault()?.Type.ToDisplayString() ?? string.Empty;
            return receiver == "Microsoft.Extensions.DependencyInjection.IServiceCollection" ? (chat ? FixShape.ChatServiceRegistration : FixShape.EmbeddingServiceRegistration)
                : receiver == "Microsoft.SemanticKernel.IKernelBuilder" ? (chat ? FixShape.ChatKernelRegistration : FixShape.EmbeddingKernelRegistration)
                : FixShape.None;
        }

        private static async Task<Document> ReplaceAsync(Document document, InvocationExpressionSyntax invocation, FixShape shape, Choice choice, CancellationToken cancellationToken)
        {
            var (rewritten, providerNamespaces) = await RewriteAsync(document, invocation, shape, choice, cancellationToken).ConfigureAwait(false);
            return await WithoutUnusedUsingsAsync(rewritten, providerNamespaces, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Fix All in a document, project or solution: every finding of the document rewritten in turn to the chosen model and
        /// runtime, then the provider's imports left unused removed once (each fix alone would keep an import the next one frees).
        /// </summary>
        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            string prefix = DiagnosticIds.ProprietaryAiCall + ".";
            string? key = context.CodeActionEquivalenceKey;
            if (key == null || !key.StartsWith(prefix, StringComparison.Ordinal) || key.IndexOf('.', prefix.Length) < 0)
            {
                return document;
            }

            string runtime = key.Substring(prefix.Length, key.IndexOf('.', prefix.Length) - prefix.Length);
            string modelId = key.Substring(key.IndexOf('.', prefix.Length) + 1);
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var targets = new List<(SyntaxAnnotation Annotation, Diagnostic Diagnostic)>();
            var annotations = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (var diagnostic in diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation && !annotations.ContainsKey(invocation))
                {
                    annotations[invocation] = new SyntaxAnnotation();
                    targets.Add((annotations[invocation], diagnostic));
                }
            }

            var marked = root.ReplaceNodes(annotations.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original]));
            var current = document.WithSyntaxRoot(marked);
            var namespaces = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (annotation, diagnostic) in targets)
            {
                var currentRoot = await current.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                var model = await current.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                if (!(currentRoot!.GetAnnotatedNodes(annotation).FirstOrDefault() is InvocationExpressionSyntax invocation))
                {
                    continue;
                }

                var shape = ShapeOf(model!, invocation, context.CancellationToken);
                var choice = shape == FixShape.None ? null : ChoicesFor(shape, AlternativeIds.Of(diagnostic), model!.Compilation).FirstOrDefault(c => c.Runtime.Id == runtime && c.Model.Id == modelId);
                if (choice == null)
                {
                    continue;
                }

                var (rewritten, used) = await RewriteAsync(current, invocation, shape, choice, context.CancellationToken).ConfigureAwait(false);
                current = rewritten;
                namespaces.UnionWith(used);
            }

            return await WithoutUnusedUsingsAsync(current, namespaces, context.CancellationToken).ConfigureAwait(false);
        }

        private static async Task<(Document Document, HashSet<string> ProviderNamespaces)> RewriteAsync(Document document, InvocationExpressionSyntax invocation, FixShape shape, Choice choice, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var providerNamespaces = NamespacesUsedBy(model!, invocation, cancellationToken);
            var (client, clientUsing, _) = CodeFor(choice.Runtime.Id, choice.Model, choice.Reference, IsEmbedding(shape))!.Value;
            bool registration = shape != FixShape.ChatAdapter && shape != FixShape.EmbeddingAdapter;
            bool onKernel = shape == FixShape.ChatKernelRegistration || shape == FixShape.EmbeddingKernelRegistration;
            string keepChatCompletionService = KeepChatCompletionService(model!, invocation);

            // What a registration becomes on the service collection, whether it stays in place or is split out of a chain.
            string register = IsEmbedding(shape) ? $".AddEmbeddingGenerator({client})" : $"{keepChatCompletionService}.AddChatClient({client})";
            SyntaxNode newRoot;
            if (registration && !(invocation.Parent is ExpressionStatementSyntax) && SplittableStatement(invocation) is { } statement)
            {
                newRoot = SplitChain(root!, model!, statement, invocation, onKernel, register);
            }
            else
            {
                string code = shape == FixShape.ChatAdapter ? (KeepsItsType(invocation) ? client : $"((Microsoft.Extensions.AI.IChatClient){client})")
                    : shape == FixShape.EmbeddingAdapter ? (KeepsItsType(invocation) ? client : $"((Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>){client})")
                    : Receiver(invocation) + (onKernel ? ".Services" : string.Empty) + register;
                var replacement = SyntaxFactory.ParseExpression(code)
                    .WithTriviaFrom(invocation)
                    .WithAdditionalAnnotations(Simplifier.Annotation);
                newRoot = root!.ReplaceNode(invocation, replacement);
            }

            if (registration)
            {
                newRoot = WithUsing(newRoot, DependencyInjection);
            }

            if (keepChatCompletionService.Length > 0)
            {
                newRoot = WithUsing(WithUsing(newRoot, "Microsoft.Extensions.AI"), "Microsoft.SemanticKernel.ChatCompletion");
            }

            if (clientUsing != null)
            {
                newRoot = WithUsing(newRoot, clientUsing);
            }

            return (document.WithSyntaxRoot(newRoot), providerNamespaces);
        }

        /// <summary>
        /// Semantic Kernel's chat-completion registrations (<c>AddOpenAIChatCompletion</c>, <c>AddAzureOpenAIChatCompletion</c>)
        /// register an <c>IChatCompletionService</c>, which the app may inject: the rewrite registers one over the open runtime's
        /// <c>IChatClient</c> too (<c>AsChatCompletionService</c>), or the app builds and then fails to start. Empty for the
        /// registrations that provide an <c>IChatClient</c> only.
        /// </summary>
        private static string KeepChatCompletionService(SemanticModel model, InvocationExpressionSyntax invocation)
        {
            var method = model.GetSymbolInfo(invocation).Symbol as IMethodSymbol;
            if (method == null || !method.Name.EndsWith("ChatCompletion", StringComparison.Ordinal))
            {
                return string.Empty;
            }

            string provider = UniqueLocalName(model, invocation.SpanStart, "provider");
            return $".AddSingleton<IChatCompletionService>({provider} => {provider}.GetRequiredService<IChatClient>().AsChatCompletionService({provider}))";
        }

        /// <summary>
        /// The statement a registration inside a builder chain can be split out of: one directly in a block or at top level, with no
        /// lambda or local function between it and the registration (hoisting out of one would change when the builder runs).
        /// </summary>
        private static StatementSyntax? SplittableStatement(InvocationExpressionSyntax invocation)
        {
            var statement = invocation.FirstAncestorOrSelf<StatementSyntax>();
            if (statement == null || !(statement.Parent is BlockSyntax || statement.Parent is GlobalStatementSyntax)
                || invocation.Ancestors().TakeWhile(a => a != statement).Any(a => a is AnonymousFunctionExpressionSyntax || a is LocalFunctionStatementSyntax))
            {
                return null;
            }

            return statement;
        }

        /// <summary>
        /// <c>Kernel kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion(model, key).Build();</c> becomes
        /// <c>var kernelBuilder = Kernel.CreateBuilder(); kernelBuilder.Services.AddChatClient(…); Kernel kernel = kernelBuilder.Build();</c>
        /// (a builder that is already a plain name is used as it is).
        /// </summary>
        private static SyntaxNode SplitChain(SyntaxNode root, SemanticModel model, StatementSyntax statement, InvocationExpressionSyntax invocation, bool onKernel, string register)
        {
            var builder = ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
            string name = builder is IdentifierNameSyntax identifier ? identifier.Identifier.ValueText : UniqueLocalName(model, statement.SpanStart, onKernel ? "kernelBuilder" : "aiServices");
            string services = onKernel ? name + ".Services" : name;

            var leading = statement.GetLeadingTrivia();
            var indentation = SyntaxFactory.TriviaList(leading.Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
            var newLine = root.ToFullString().Contains("\r\n") ? SyntaxFactory.CarriageReturnLineFeed : SyntaxFactory.LineFeed;
            var added = new List<StatementSyntax>();
            if (!(builder is IdentifierNameSyntax))
            {
                added.Add(SyntaxFactory.ParseStatement($"var {name} = {builder.WithoutTrivia()};").WithLeadingTrivia(leading).WithTrailingTrivia(newLine));
            }

            added.Add(SyntaxFactory.ParseStatement($"{services}{register};").WithLeadingTrivia(added.Count == 0 ? leading : indentation).WithTrailingTrivia(newLine));
            var rest = statement.ReplaceNode(invocation, SyntaxFactory.IdentifierName(name).WithTriviaFrom(invocation)).WithLeadingTrivia(indentation);
            added.Add(rest);

            if (statement.Parent is GlobalStatementSyntax global && root is CompilationUnitSyntax unit)
            {
                int index = unit.Members.IndexOf(global);
                var members = unit.Members.RemoveAt(index).InsertRange(index, added.Select(a => (MemberDeclarationSyntax)SyntaxFactory.GlobalStatement(a)));
                return unit.WithMembers(members);
            }

            return root.ReplaceNode(statement, added);
        }

        private static string UniqueLocalName(SemanticModel model, int position, string name)
        {
            string candidate = name;
            for (int i = 2; model.LookupSymbols(position, name: candidate).Any(); i++)
            {
                candidate = name + i;
            }

            return candidate;
        }

        /// <summary>
        /// Whether the adapter's value goes straight to a place typed as the interface (an explicitly typed variable, field or
        /// property, an assignment, a return, an expression body), so the runtime's client can stand there as it is. Anywhere
        /// else (a receiver such as <c>.AsBuilder()</c>, an argument, <c>var</c>) the client is cast to the interface: its
        /// own type implements more (OllamaApiClient is a chat client and an embedding generator) and would change what binds.
        /// </summary>
        private static bool KeepsItsType(InvocationExpressionSyntax invocation)
        {
            switch (invocation.Parent)
            {
                case EqualsValueClauseSyntax clause:
                    return !(clause.Parent?.Parent is VariableDeclarationSyntax declaration && declaration.Type.IsVar);
                case ArrowExpressionClauseSyntax _:
                case ReturnStatementSyntax _:
                    return true;
                case AssignmentExpressionSyntax assignment:
                    return assignment.Right == invocation && assignment.Parent is ExpressionStatementSyntax;
                default:
                    return false;
            }
        }

        /// <summary>The namespaces of the types and members the replaced code used (OpenAI, Azure.AI.OpenAI, Microsoft.SemanticKernel …).</summary>
        private static HashSet<string> NamespacesUsedBy(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            var namespaces = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in node.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
                var containing = symbol is IMethodSymbol { ReducedFrom: { } extension } ? extension.ContainingNamespace : symbol?.ContainingNamespace;
                if (containing != null && !containing.IsGlobalNamespace)
                {
                    namespaces.Add(containing.ToDisplayString());
                }
            }

            return namespaces;
        }

        /// <summary>
        /// Removes the imports of <paramref name="namespaces"/> that the compiler now reports as unnecessary (CS8019), so no
        /// <c>using OpenAI;</c> is left behind; the file's other imports are the user's business.
        /// </summary>
        /// <summary>Removes the imports of <paramref name="namespaces"/> the compiler reports as unnecessary (for <c>licenseguard migrate</c>'s clean-up).</summary>
        public static Task<Document> RemoveUnusedImportsAsync(Document document, IEnumerable<string> namespaces, CancellationToken cancellationToken) =>
            WithoutUnusedUsingsAsync(document, new HashSet<string>(namespaces, StringComparer.Ordinal), cancellationToken);

        private static async Task<Document> WithoutUnusedUsingsAsync(Document document, HashSet<string> namespaces, CancellationToken cancellationToken)
        {
            // The compiler tells unused imports apart only when it also reads documentation comments (a cref may need one).
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var diagnosing = document.Project.ParseOptions is CSharpParseOptions options && options.DocumentationMode < DocumentationMode.Diagnose
                ? document.Project.WithParseOptions(options.WithDocumentationMode(DocumentationMode.Diagnose)).GetDocument(document.Id)!
                : document;
            var model = await diagnosing.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            root = await diagnosing.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (!(root is CompilationUnitSyntax unit) || model == null)
            {
                return document;
            }

            var unnecessary = model.GetDiagnostics(cancellationToken: cancellationToken)
                .Where(d => d.Id == "CS8019")
                .Select(d => root.FindNode(d.Location.SourceSpan).FirstAncestorOrSelf<UsingDirectiveSyntax>())
                .Where(u => u != null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name != null && namespaces.Contains(u.Name.ToString()))
                .ToList();
            if (unnecessary.Count == 0 || !(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax own))
            {
                return document;
            }

            // The same text, so the same spans: remove them from the document's own tree.
            var spans = new HashSet<TextSpan>(unnecessary.Select(u => u!.Span));
            return document.WithSyntaxRoot(own.RemoveNodes(own.Usings.Where(u => spans.Contains(u.Span)), SyntaxRemoveOptions.KeepNoTrivia)!);
        }

        private static SyntaxNode WithUsing(SyntaxNode root, string name)
        {
            if (!(root is CompilationUnitSyntax unit) || unit.Usings.Any(u => u.Name?.ToString() == name))
            {
                return root;
            }

            // Keep the file's own line endings.
            var newLine = root.ToFullString().Contains("\r\n") ? SyntaxFactory.CarriageReturnLineFeed : SyntaxFactory.LineFeed;
            return unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name)).WithTrailingTrivia(newLine));
        }

        private static string Receiver(InvocationExpressionSyntax invocation) => ((MemberAccessExpressionSyntax)invocation.Expression).Expression.ToString();
    }
}
