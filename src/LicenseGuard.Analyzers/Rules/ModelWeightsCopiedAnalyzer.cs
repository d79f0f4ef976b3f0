using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LicenseGuard.Analyzers.WeightFlow;
using LicenseGuard.Catalog;
using LicenseGuard.Inventory;
using LicenseGuard.Matching;
using LicenseGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LicenseGuard.Analyzers.Rules
{
    /// <summary>
    /// LG2002: code that copies, archives, sends, uploads or serves model weights. A sink is catalog data (rules/sinks.json, and
    /// a project's own "sinks"): a member with the arguments that carry what it sends. Where those arguments come from is
    /// found by <see cref="ValueOrigins"/>. Data written into a stream counts where the stream goes (a zip entry, a blob,
    /// the response body, a file elsewhere). See docs/rules/LG2002.md.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ModelWeightsCopiedAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Members that move data from one stream (or buffer) into another: the destination decides where it goes.</summary>
        private static readonly ImmutableHashSet<string> TransferNames = ImmutableHashSet.Create(StringComparer.Ordinal, "CopyTo", "CopyToAsync", "Write", "WriteAsync");

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ModelWeightsCopied);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var access = CatalogAccess.Get(start.Options, start.CancellationToken);
                if (!access.IsEnabled(DiagnosticIds.ModelWeightsCopied))
                {
                    return;
                }

                // Syntax first: only a node whose name is a sink's or a transfer's asks the semantic model for its operation.
                var names = new HashSet<string>(access.Digest.SinkNames.Where(n => !n.EndsWith("*", StringComparison.Ordinal)), StringComparer.Ordinal);
                names.UnionWith(TransferNames);
                var verbs = access.Digest.SinkNames.Where(n => n.EndsWith("*", StringComparison.Ordinal)).Select(n => n.TrimEnd('*')).ToArray();
                var options = start.Options;
                var state = new Lazy<State>(() => new State(access, start.Compilation, options, start.CancellationToken));
                var baseline = BaselineSnapshot.Get(start.Options, start.CancellationToken);
                start.RegisterSyntaxNodeAction(
                    c =>
                    {
                        if (IsCandidate(c.Node, names, verbs))
                        {
                            Analyze(c, state.Value, baseline);
                        }
                    },
                    SyntaxKind.InvocationExpression,
                    SyntaxKind.ObjectCreationExpression,
                    SyntaxKind.ImplicitObjectCreationExpression,
                    SyntaxKind.SimpleAssignmentExpression);
            });
        }

        private static bool IsCandidate(SyntaxNode node, HashSet<string> names, string[] verbs) => node switch
        {
            InvocationExpressionSyntax invocation => CompilationIndex.LastName(invocation.Expression) is { } name
                && (names.Contains(name) || name.IndexOf("Copy", StringComparison.Ordinal) >= 0 || HasWord(name, verbs) || (name == "Add" && IsMappings(invocation.Expression))),
            ObjectCreationExpressionSyntax creation => CompilationIndex.LastName(creation.Type) is { } type && names.Contains(type),
            ImplicitObjectCreationExpressionSyntax implicitCreation => implicitCreation.ArgumentList.Arguments.Count > 0,
            AssignmentExpressionSyntax assignment => (CompilationIndex.LastName(assignment.Left) is { } target && names.Contains(target))
                || (assignment.Left is ElementAccessExpressionSyntax element && IsMappings(element.Expression)),
            _ => false,
        };

        /// <summary>Whether a name starts with a verb as a word (<c>SendAsync</c>, <c>StartCopyFromUri</c>; not <c>Sender</c>): see <see cref="SinkIndex.VerbStart"/>.</summary>
        private static bool HasWord(string name, string[] verbs)
        {
            int at = SinkIndex.VerbStart(name);
            foreach (string verb in verbs)
            {
                if (SinkIndex.IsWordAt(name, verb, at))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsMappings(ExpressionSyntax expression) =>
            expression is MemberAccessExpressionSyntax { Expression: var owner } access && (CompilationIndex.LastName(owner) == "Mappings" || access.Name.Identifier.ValueText == "Mappings");

        private sealed class State
        {
            public State(CatalogAccess access, Compilation compilation, AnalyzerOptions options, System.Threading.CancellationToken cancellationToken)
            {
                Snapshot = access.Snapshot;
                Sinks = new SinkIndex(Snapshot.Catalog);
                Origins = new ValueOrigins(new CompilationIndex(compilation, cancellationToken));
                // The inventory is read only when a candidate's data or path is being judged, not for every Write or Add.
                var inventory = new Lazy<ProjectInventory?>(() => InventoryFiles.Find(options.AdditionalFiles) is { } file ? InventoryFiles.Read(file, cancellationToken).Inventory : null);
                weightFolders = new Lazy<IReadOnlyCollection<string>>(() => ProjectWeightFolders(inventory.Value));
                projectWeights = new Lazy<IReadOnlyList<WeightFinding>>(() => inventory.Value is { } read
                    ? InventoryFiles.Evaluate(read, Snapshot, "weights", () => WeightsEvaluator.Evaluate(read.Weights, Snapshot.Catalog))
                    : Array.Empty<WeightFinding>());
            }

            private readonly Lazy<IReadOnlyCollection<string>> weightFolders;
            private readonly Lazy<IReadOnlyList<WeightFinding>> projectWeights;

            /// <summary>The project's weight files as the build judged them (licence from their metadata or model card, task, alternatives).</summary>
            public IReadOnlyList<WeightFinding> ProjectWeights => projectWeights.Value;

            /// <summary>The project's folders that hold weight files, as the build's gather step found them (by content): each file's folder and the folders above it.</summary>
            public IReadOnlyCollection<string> WeightFolders => weightFolders.Value;

            private static IReadOnlyCollection<string> ProjectWeightFolders(ProjectInventory? inventory)
            {
                var folders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                if (inventory == null)
                {
                    return folders;
                }

                foreach (var weight in inventory.Weights)
                {
                    for (string folder = WeightTrace.Parent(weight.Item.Replace('\\', '/')); folder != WeightTrace.Unknown && folder.Length > 0; folder = WeightTrace.Parent(folder))
                    {
                        folders.Add(folder);
                    }
                }

                return folders;
            }

            public CatalogSnapshot Snapshot { get; }

            public SinkIndex Sinks { get; }

            public ValueOrigins Origins { get; }

            /// <summary>Where a stream parameter leads, per parameter and walk depth (<see cref="Destination"/>).</summary>
            public System.Collections.Concurrent.ConcurrentDictionary<(IParameterSymbol, int), SinkEntry?> ParameterDestinations { get; } =
                new System.Collections.Concurrent.ConcurrentDictionary<(IParameterSymbol, int), SinkEntry?>(new ParameterDepthComparer());
        }

        private sealed class ParameterDepthComparer : IEqualityComparer<(IParameterSymbol Parameter, int Depth)>
        {
            public bool Equals((IParameterSymbol Parameter, int Depth) x, (IParameterSymbol Parameter, int Depth) y) =>
                x.Depth == y.Depth && SymbolEqualityComparer.Default.Equals(x.Parameter, y.Parameter);

            public int GetHashCode((IParameterSymbol Parameter, int Depth) key) => (SymbolEqualityComparer.Default.GetHashCode(key.Parameter) * 31) + key.Depth;
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, State state, BaselineSnapshot baseline)
        {
            state.Origins.Index.Remember(context.SemanticModel);
            var operation = context.SemanticModel.GetOperation(context.Node, context.CancellationToken);
            var finding = operation switch
            {
                IInvocationOperation invocation => Invocation(invocation, state, context.CancellationToken),
                IObjectCreationOperation creation when creation.Constructor != null => Call(creation, creation.Constructor, creation.Arguments, null, state, context.CancellationToken),
                ISimpleAssignmentOperation assignment => Assignment(assignment, state, context.CancellationToken),
                _ => null,
            };
            if (finding != null)
            {
                Report(context, state, baseline, operation!, finding);
            }
        }

        private static Finding? Invocation(IInvocationOperation invocation, State state, System.Threading.CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            if ((TransferNames.Contains(method.Name) ? Transfer(invocation, state, cancellationToken) : StreamToStream(invocation, state, cancellationToken)) is { } transferred)
            {
                return transferred;
            }

            if (method.Name == "Add" && invocation.Instance is IPropertyReferenceOperation mappings && ServesWeightExtension(mappings, invocation.Arguments.FirstOrDefault()?.Value) is { } added)
            {
                return added;
            }

            return Call(invocation, method, invocation.Arguments, invocation.Instance, state, cancellationToken);
        }

        /// <summary>A call of a catalogued sink: the first argument that carries weights, unless the data stays in a local cache.</summary>
        private static Finding? Call(IOperation call, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, IOperation? instance, State state, System.Threading.CancellationToken cancellationToken)
        {
            var sink = state.Sinks.Find(method);
            if (sink == null)
            {
                return state.Sinks.FindByVerb(method) is { } byVerb ? VerbCall(method, arguments, byVerb, state, cancellationToken) : null;
            }

            var carried = new List<(IOperation Value, bool Folder)>();
            foreach (var argument in arguments)
            {
                if (argument.Parameter != null && argument.ArgumentKind != ArgumentKind.DefaultValue && sink.Data.Contains(argument.Parameter.Name) && argument.Parameter.Type.TypeKind != TypeKind.Delegate)
                {
                    carried.Add((argument.Value, NamesAFolder(argument.Parameter.Name)));
                }
            }

            if (instance != null && sink.Data.Contains("this"))
            {
                carried.Add((instance, instance.Type?.Name == "DirectoryInfo"));
            }

            // What is sent first, then where it goes: most copies move no weights, and then the destination is never traced.
            foreach (var (value, folder) in carried)
            {
                if (FirstWeights(value, state, folder, cancellationToken) is { } trace && !(sink.Category == "static-files" && ServesOnlyOtherTypes(value, trace, state)))
                {
                    return StaysInLocalCache(sink, arguments, instance, state, cancellationToken) ? null : new Finding(Api(method), sink.Verb, sink.To, trace, folder);
                }
            }

            // The code names what it writes: an upload to "…/model.onnx" or a download named "detector.onnx" sends weights.
            foreach (var argument in arguments)
            {
                if (argument.Parameter != null && argument.ArgumentKind != ArgumentKind.DefaultValue && sink.Names.Contains(argument.Parameter.Name)
                    && FirstWeights(argument.Value, state, false, cancellationToken) is { } named && named.Check == null)
                {
                    return new Finding(Api(method), sink.Verb, sink.To, named.WithVia("the name it is " + (sink.Category == "http" ? "served" : "stored") + " under"));
                }
            }

            // Static files without options serve the web root: weights there are served when the build found some in it.
            if (sink.Category == "static-files" && !arguments.Any(a => a.Parameter != null && a.ArgumentKind != ArgumentKind.DefaultValue && sink.Data.Contains(a.Parameter.Name)))
            {
                // UseStaticFiles serves only extensions its content-type map knows: of weight files, .bin by default (a mapping
                // for another weight extension is its own finding); MapStaticAssets serves the build's whole asset manifest.
                var served = state.ProjectWeights.FirstOrDefault(w => ItemPath(w).StartsWith("wwwroot/", StringComparison.OrdinalIgnoreCase)
                    && (method.Name == "MapStaticAssets" || Path.GetExtension(w.Weight.FileName).Equals(".bin", StringComparison.OrdinalIgnoreCase)));
                if (served != null)
                {
                    return new Finding(Api(method), sink.Verb, sink.To, new WeightTrace(ItemPath(served), "the web root"));
                }
            }

            return null;
        }

        /// <summary>
        /// Static files over a folder that only its name (<c>models</c>) calls weights, with a content-type provider the method
        /// maps only other types for (<c>.glb</c>, <c>.gltf</c>) and no <c>ServeUnknownFileTypes</c>: the code says what the folder
        /// serves, and static files never serve an unmapped extension. Folders the build found weights in stay findings.
        /// </summary>
        private static bool ServesOnlyOtherTypes(IOperation options, WeightTrace trace, State state)
        {
            if (trace.Check != null || WeightTrace.IsWeightFolder(trace.Path, state.WeightFolders) && !WeightTrace.IsWeightFolder(trace.Path, Array.Empty<string>()))
            {
                return false;
            }

            var creation = IntraMethod.Unwrap(options) is ILocalReferenceOperation local ? state.Origins.AssignedValues(local).Select(IntraMethod.Unwrap).OfType<IObjectCreationOperation>().FirstOrDefault() : IntraMethod.Unwrap(options) as IObjectCreationOperation;
            var settings = creation?.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>().ToList();
            if (settings == null || settings.Any(a => a.Target is IPropertyReferenceOperation { Property.Name: "ServeUnknownFileTypes" } && a.Value.ConstantValue.Value is not false))
            {
                return false;
            }

            var provider = settings.FirstOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: "ContentTypeProvider" })?.Value;
            if (provider == null || IntraMethod.Unwrap(provider) is not ILocalReferenceOperation providerLocal)
            {
                return false;
            }

            var mapped = IntraMethod.Body(providerLocal).Descendants().OfType<ISimpleAssignmentOperation>()
                .Where(a => a.Target is IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IPropertyReferenceOperation { Property.Name: "Mappings", Instance: var owner } }
                    && IntraMethod.Unwrap(owner!) is ILocalReferenceOperation mappedOn && SymbolEqualityComparer.Default.Equals(mappedOn.Local, providerLocal.Local))
                .Select(a => ((IPropertyReferenceOperation)a.Target).Arguments.FirstOrDefault()?.Value.ConstantValue.Value as string)
                .ToList();
            return mapped.Count > 0 && mapped.All(extension => extension != null && !WeightFileNames.HasWeightExtension("x" + extension));
        }

        /// <summary><c>entry.DataStream = weights</c> for a property sink whose data is the value.</summary>
        private static Finding? Assignment(ISimpleAssignmentOperation assignment, State state, System.Threading.CancellationToken cancellationToken)
        {
            if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true } indexer && indexer.Instance is IPropertyReferenceOperation mappings)
            {
                return ServesWeightExtension(mappings, indexer.Arguments.FirstOrDefault()?.Value);
            }

            if (assignment.Target is not IPropertyReferenceOperation property || state.Sinks.Find(property.Property) is not { } sink || !sink.Data.Contains("value"))
            {
                return null;
            }

            return FirstWeights(assignment.Value, state, false, cancellationToken) is { } trace ? new Finding(Api(property.Property), sink.Verb, sink.To, trace) : null;
        }

        /// <summary><c>provider.Mappings[".gguf"] = …</c>: static-file middleware serves only the extensions it maps; mapping a weight extension serves weights.</summary>
        private static Finding? ServesWeightExtension(IPropertyReferenceOperation mappings, IOperation? key)
        {
            if (mappings.Property.Name != "Mappings" || mappings.Property.ContainingType.ToDisplayString() != "Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider"
                || key?.ConstantValue.Value is not string extension || !WeightFileNames.HasWeightExtension("x" + extension))
            {
                return null;
            }

            return new Finding("FileExtensionContentTypeProvider.Mappings", "serves", "as static files wherever this content-type provider is used", new WeightTrace("*" + extension, "a content-type mapping"));
        }

        /// <summary>Stream.CopyTo, Stream.Write and PipeWriter.WriteAsync: weights read from one place, written where the destination goes.</summary>
        private static Finding? Transfer(IInvocationOperation invocation, State state, System.Threading.CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            bool copy = method.Name.StartsWith("CopyTo", StringComparison.Ordinal);
            var data = copy ? invocation.Instance : invocation.Arguments.FirstOrDefault(a => a.Parameter != null && (a.Parameter.Name is "buffer" or "source" or "bytes" || ValueOrigins.CarriesContent(a.Parameter.Type)))?.Value;
            var destination = copy ? invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name is "destination" or "stream")?.Value : invocation.Instance;
            if (data == null || destination == null || !IsStreamLike(copy ? destination.Type : invocation.Instance?.Type))
            {
                return null;
            }

            return Moved(data, destination, method, state, cancellationToken);
        }

        /// <summary>A library's stream copy (<c>StreamUtils.Copy(source, destination, buffer)</c>): a stream parameter named for where data comes from and one for where it goes.</summary>
        private static Finding? StreamToStream(IInvocationOperation invocation, State state, System.Threading.CancellationToken cancellationToken)
        {
            var data = invocation.Arguments.FirstOrDefault(a => IsStreamLike(a.Parameter?.Type) && a.Parameter!.Name is "source" or "input" or "from" or "sourceStream" or "inputStream" or "inStream" or "instream")?.Value;
            var destination = invocation.Arguments.FirstOrDefault(a => IsStreamLike(a.Parameter?.Type) && a.Parameter!.Name is "destination" or "output" or "target" or "to" or "destinationStream" or "outputStream" or "outStream" or "outstream")?.Value;
            return data == null || destination == null ? null : Moved(data, destination, invocation.TargetMethod, state, cancellationToken);
        }

        /// <summary>
        /// Data moved into a destination stream: weights when both the data is weights and the stream leads to a sink. The
        /// cheaper question goes first: where a local stream leads (usually a creation in the same method), or, for a stream
        /// parameter (whose answer walks every caller), what the data is (most writes move no weights).
        /// </summary>
        private static Finding? Moved(IOperation data, IOperation destination, IMethodSymbol method, State state, System.Threading.CancellationToken cancellationToken)
        {
            SinkEntry? sink = null;
            WeightTrace? trace = null;
            if (IntraMethod.Unwrap(destination) is IParameterReferenceOperation)
            {
                trace = FirstWeights(data, state, false, cancellationToken);
                sink = trace == null ? null : Destination(destination, state, 0, cancellationToken);
            }
            else
            {
                sink = Destination(destination, state, 0, cancellationToken);
                trace = sink == null ? null : FirstWeights(data, state, false, cancellationToken);
            }

            return sink != null && trace is { } moved ? new Finding(Api(method), sink.Verb, sink.To, moved) : null;
        }

        /// <summary>
        /// A library member whose name says it sends, copies or uploads (a namespace sink): what its arguments carry — content
        /// (streams, bytes, files), a string given to a parameter named for a file or folder — looking into the objects made
        /// for the call (a mail's attachments, a stream reference, a copy request's source key) and into encodings of content
        /// (base64 in a JSON body). A folder narrowed by a search pattern sends what the pattern says.
        /// </summary>
        private static Finding? VerbCall(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, SinkEntry sink, State state, System.Threading.CancellationToken cancellationToken)
        {
            var finding = VerbCallSends(method, arguments, sink, state, cancellationToken);
            return finding != null && !StaysInLocalCache(sink, arguments, null, state, cancellationToken) ? finding : null;
        }

        private static Finding? VerbCallSends(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, SinkEntry sink, State state, System.Threading.CancellationToken cancellationToken)
        {
            string? pattern = arguments.FirstOrDefault(a => a.Parameter != null && (a.Parameter.Name.IndexOf("pattern", StringComparison.OrdinalIgnoreCase) >= 0 || a.Parameter.Name.IndexOf("filter", StringComparison.OrdinalIgnoreCase) >= 0))?.Value.ConstantValue.Value as string;
            var sent = new List<(IOperation Value, bool Folder)>();
            var seen = new HashSet<IOperation>();
            foreach (var argument in arguments)
            {
                if (argument.Parameter != null && argument.ArgumentKind != ArgumentKind.DefaultValue && !IsDestination(argument.Parameter.Name, sink))
                {
                    SentValues(argument.Value, argument.Parameter.Name, argument.Parameter.Type, true, state, 0, sent, seen);
                }
            }

            foreach (var (value, folder) in sent)
            {
                if (pattern != null && value.Type?.SpecialType == SpecialType.System_String)
                {
                    // A folder with a search pattern sends what the pattern selects: every *.gguf of any folder, no *.log of a weights folder.
                    if (WeightFileNames.IsWeightFileName(pattern))
                    {
                        var origins = state.Origins.Of(value, cancellationToken);
                        var origin = origins.IsDefaultOrEmpty ? new WeightTrace(WeightTrace.Unknown) : origins[0];
                        return new Finding(Api(method), sink.Verb, sink.To, origin.WithPath(origin.Path.TrimEnd('/') + "/" + pattern));
                    }

                    continue;
                }

                if (FirstWeights(value, state, folder, cancellationToken) is { } trace)
                {
                    return new Finding(Api(method), sink.Verb, sink.To, trace, folder);
                }
            }

            return null;
        }

        private static bool IsDestination(string parameter, SinkEntry sink) => sink.Destination.Contains(parameter) || NamedForDestination(parameter);

        private static bool NamedForDestination(string name) =>
            name.StartsWith("dest", StringComparison.OrdinalIgnoreCase) || name.StartsWith("target", StringComparison.OrdinalIgnoreCase) || name.StartsWith("remote", StringComparison.OrdinalIgnoreCase);

        /// <summary>The values an argument sends: itself when it carries content, or the parts of the objects and encodings made from content.</summary>
        private static void SentValues(IOperation value, string name, ITypeSymbol? declared, bool stringsCount, State state, int depth, List<(IOperation Value, bool Folder)> sent, HashSet<IOperation> seen)
        {
            value = IntraMethod.Unwrap(value);
            var type = value.Type ?? declared;
            // Each node once, and a bound on how much of a call's arguments is looked into (a long StringBuilder chain, a loop's x = x + …).
            if (depth > 8 || sent.Count > 16 || seen.Count > MaxSentNodes || !seen.Add(value) || type == null || type.TypeKind == TypeKind.Delegate || NamedForDestination(name))
            {
                return;
            }

            // Content made here by a library type the origins do not open (a StringContent of text built from bytes) is looked into.
            bool looksInto = value is IObjectCreationOperation { Constructor: { } made } && made.DeclaringSyntaxReferences.IsEmpty && state.Sinks.Find(made) == null
                && !(made.ContainingType.ContainingNamespace?.ToDisplayString() ?? string.Empty).StartsWith("System.IO", StringComparison.Ordinal);
            if (!looksInto && ValueOrigins.CarriesContent(type) || (type.SpecialType == SpecialType.System_String || type.ToDisplayString() == "System.Uri") && stringsCount && ValueOrigins.NamedForData(name))
            {
                sent.Add((value, NamesAFolder(name) || type.Name == "DirectoryInfo"));
                return;
            }

            switch (value)
            {
                case IArrayCreationOperation { Initializer: { } items }:
                    foreach (var item in items.ElementValues)
                    {
                        SentValues(item, name, null, stringsCount, state, depth + 1, sent, seen);
                    }

                    break;
                case IArrayElementReferenceOperation element:
                    SentValues(element.ArrayReference, name, null, stringsCount, state, depth + 1, sent, seen);
                    break;
                case IObjectCreationOperation creation when creation.Constructor != null && state.Sinks.Find(creation.Constructor) == null:
                    if (creation.Constructor.DeclaringSyntaxReferences.IsEmpty)
                    {
                        foreach (var argument in creation.Arguments)
                        {
                            if (argument.Parameter != null && argument.ArgumentKind != ArgumentKind.DefaultValue)
                            {
                                SentValues(argument.Value, argument.Parameter.Name, argument.Parameter.Type, true, state, depth + 1, sent, seen);
                            }
                        }
                    }
                    else
                    {
                        sent.Add((value, false));
                    }

                    foreach (var initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
                    {
                        switch (initializer)
                        {
                            case ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } assignment:
                                SentValues(assignment.Value, member.Member.Name, null, true, state, depth + 1, sent, seen);
                                break;
                            case IMemberInitializerOperation { Initializer: var nested }:
                                foreach (var add in nested.Initializers.OfType<IInvocationOperation>())
                                {
                                    foreach (var argument in add.Arguments)
                                    {
                                        SentValues(argument.Value, argument.Parameter?.Name ?? string.Empty, argument.Parameter?.Type, false, state, depth + 1, sent, seen);
                                    }
                                }

                                break;
                        }
                    }

                    break;
                case IAnonymousObjectCreationOperation anonymous:
                    foreach (var assignment in anonymous.Initializers.OfType<ISimpleAssignmentOperation>())
                    {
                        SentValues(assignment.Value, string.Empty, null, false, state, depth + 1, sent, seen);
                    }

                    break;
                case IInvocationOperation invocation when (invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).DeclaringSyntaxReferences.IsEmpty && state.Sinks.Find(invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod) == null:
                    // An encoding or serialisation of content (Convert.ToBase64String, JsonSerializer.Serialize, a StringBuilder's text) sends that content.
                    if (invocation.Instance != null)
                    {
                        SentValues(invocation.Instance, string.Empty, null, false, state, depth + 1, sent, seen);
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        SentValues(argument.Value, string.Empty, argument.Parameter?.Type, false, state, depth + 1, sent, seen);
                    }

                    break;
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts.OfType<IInterpolationOperation>())
                    {
                        SentValues(part.Expression, string.Empty, null, false, state, depth + 1, sent, seen);
                    }

                    break;
                case IBinaryOperation binary:
                    SentValues(binary.LeftOperand, string.Empty, null, false, state, depth + 1, sent, seen);
                    SentValues(binary.RightOperand, string.Empty, null, false, state, depth + 1, sent, seen);
                    break;
                case ILocalReferenceOperation local:
                    foreach (var assigned in state.Origins.AssignedValues(local))
                    {
                        SentValues(assigned, name, null, stringsCount, state, depth + 1, sent, seen);
                    }

                    break;
            }
        }

        private const int MaxSentNodes = 96;

        private static bool IsStreamLike(ITypeSymbol? type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (current.ToDisplayString() is "System.IO.Stream" or "System.IO.Pipelines.PipeWriter" or "System.IO.BinaryWriter")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The sink a stream leads to: a member that returns a destination stream, through locals, wrappers, callbacks and helpers.</summary>
        private static SinkEntry? Destination(IOperation stream, State state, int depth, System.Threading.CancellationToken cancellationToken)
        {
            if (depth > 6)
            {
                return null;
            }

            while (stream is IConversionOperation or IAwaitOperation)
            {
                stream = stream is IConversionOperation conversion ? conversion.Operand : ((IAwaitOperation)stream).Operation;
            }

            switch (stream)
            {
                case ILocalReferenceOperation local:
                    foreach (var value in state.Origins.AssignedValues(local))
                    {
                        if (Destination(value, state, depth + 1, cancellationToken) is { } sink)
                        {
                            return sink;
                        }
                    }

                    return null;
                case IParameterReferenceOperation parameter:
                    // Once per parameter and depth: a stream helper called from many places is walked once, not once per write in it.
                    return state.ParameterDestinations.GetOrAdd((parameter.Parameter, depth), _ => ParameterDestination(parameter, state, depth, cancellationToken));
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
                    return ReturnedSink(method, invocation.Arguments, invocation.Instance, state, cancellationToken)
                        ?? (IsStreamLike(method.ReturnType) ? state.Sinks.FindBoundary(method.ContainingType) : null)
                        ?? (invocation.Instance != null && IsStreamLike(method.ReturnType) ? Destination(invocation.Instance, state, depth + 1, cancellationToken) : null);
                case IObjectCreationOperation creation when creation.Constructor != null:
                    return ReturnedSink(creation.Constructor, creation.Arguments, null, state, cancellationToken)
                        ?? (IsStreamLike(creation.Type) ? state.Sinks.FindBoundary(creation.Constructor.ContainingType) : null)
                        ?? creation.Arguments.Where(a => IsStreamLike(a.Parameter?.Type)).Select(a => Destination(a.Value, state, depth + 1, cancellationToken)).FirstOrDefault(s => s != null);
                case IPropertyReferenceOperation property:
                    // A library's stream that leads out of the process: an HttpListener response's OutputStream, a request stream.
                    return state.Sinks.Find(property.Property) is { } propertySink && propertySink.Data.Contains("return") ? propertySink
                        : IsStreamLike(property.Type) ? state.Sinks.FindBoundary(property.Property.ContainingType) : null;
                default:
                    return null;
            }
        }

        private static SinkEntry? ReturnedSink(IMethodSymbol member, ImmutableArray<IArgumentOperation> arguments, IOperation? instance, State state, System.Threading.CancellationToken cancellationToken)
        {
            var sink = state.Sinks.Find(member);
            return sink != null && sink.Data.Contains("return") && !StaysInLocalCache(sink, arguments, instance, state, cancellationToken) ? sink : null;
        }

        /// <summary>A stream parameter: a callback's (Results.Stream(async s => …)) is the sink it is given to; a method's, what its callers pass.</summary>
        private static SinkEntry? ParameterDestination(IParameterReferenceOperation parameter, State state, int depth, System.Threading.CancellationToken cancellationToken)
        {
            for (var node = parameter.Parent; node != null; node = node.Parent)
            {
                if (node is IAnonymousFunctionOperation function && function.Symbol.Parameters.Contains(parameter.Parameter, SymbolEqualityComparer.Default))
                {
                    var argument = function.Parent?.Parent as IArgumentOperation;
                    var target = argument?.Parent switch
                    {
                        IInvocationOperation invocation => invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod,
                        IObjectCreationOperation creation => creation.Constructor,
                        _ => null,
                    };
                    var sink = target == null ? null : state.Sinks.Find(target);
                    return sink != null && argument!.Parameter != null && sink.Data.Contains(argument.Parameter.Name) ? sink : state.Sinks.FindBoundary(target?.ContainingType);
                }
            }

            if (parameter.Parameter.ContainingSymbol is not IMethodSymbol method || method.DeclaringSyntaxReferences.IsEmpty || depth > 3)
            {
                return null;
            }

            // An override of a library member that hands it a stream (HttpContent.SerializeToStreamAsync): the stream goes where the library sends it.
            for (var overridden = method.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
            {
                if (state.Sinks.FindBoundary(overridden.ContainingType) is { } boundary)
                {
                    return boundary;
                }
            }

            var index = state.Origins.Index;
            foreach (var call in index.CallsOf(method))
            {
                if (index.ModelFor(call.SyntaxTree).GetOperation(call, cancellationToken) is IInvocationOperation invocation
                    && SymbolEqualityComparer.Default.Equals((invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition, method.OriginalDefinition))
                {
                    var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Parameter.Ordinal);
                    if (argument != null && Destination(argument.Value, state, depth + 1, cancellationToken) is { } sink)
                    {
                        return sink;
                    }
                }
            }

            return null;
        }

        /// <summary>A copy or write whose destination lies in the temp folder or a per-user cache stays on the machine: not redistribution.</summary>
        private static bool StaysInLocalCache(SinkEntry sink, ImmutableArray<IArgumentOperation> arguments, IOperation? instance, State state, System.Threading.CancellationToken cancellationToken)
        {
            if (sink.Destination.Count == 0)
            {
                return false;
            }

            var destination = arguments.FirstOrDefault(a => a.Parameter != null && a.ArgumentKind != ArgumentKind.DefaultValue && sink.Destination.Contains(a.Parameter.Name))?.Value
                ?? (sink.Destination.Contains("this") ? instance : null);
            if (destination == null)
            {
                return false;
            }

            var traces = state.Origins.Of(destination, cancellationToken);
            return traces.Length > 0 && traces.All(t => t.Check == null && t.IsLocalCache());
        }

        /// <summary>
        /// What the licence asks, as far as it is known: the build's verdict on the project's own weight file (from its metadata
        /// or model card) when the path names one, else the catalog model's licence; then the redistributable open models of the
        /// same task, as LG2001 and LG2003 offer them.
        /// </summary>
        private static string Condition(State state, string path, ModelEntry? model)
        {
            var catalog = state.Snapshot.Catalog;
            string name = WeightTrace.LastSegment(path);
            // The file the path names; else a file its pattern selects in the folder it names (models/llama/*.gguf); else one in the folder.
            var judged = state.ProjectWeights.FirstOrDefault(w => string.Equals(w.Weight.FileName, name, StringComparison.OrdinalIgnoreCase))
                ?? state.ProjectWeights.FirstOrDefault(w => name.IndexOf('*') >= 0 && Glob.IsMatch(name, w.Weight.FileName)
                    && WeightTrace.IsWeightFolder(WeightTrace.Parent(path), new[] { WeightTrace.Parent(ItemPath(w)) }))
                ?? state.ProjectWeights.FirstOrDefault(w => WeightTrace.IsWeightFolder(path, new[] { WeightTrace.Parent(ItemPath(w)) }));
            string licence;
            TaskEntry? task;
            if (judged != null)
            {
                licence = $"'{ItemPath(judged)}' is {judged.Model?.Name ?? "an unrecognised model"}, {judged.LicenseDescription}";
                model = judged.Model ?? model;
                task = judged.Task ?? catalog.FindTask(model?.Tasks.FirstOrDefault());
            }
            else if (model != null)
            {
                licence = $"{model.Name} is licensed {model.License} ({catalog.ClassOf(model.License)})";
                task = catalog.FindTask(model.Tasks.FirstOrDefault());
            }
            else
            {
                return "check their licence before you ship them";
            }

            string licenseClass = judged?.LicenseClass ?? catalog.ClassOf(model!.License);
            var alternatives = licenseClass == LicenseClasses.Permissive ? Array.Empty<ModelEntry>() : WeightsEvaluator.Alternatives(model, task, catalog);
            return alternatives.Count == 0 ? licence : $"{licence}; open models of the same task that allow redistribution: {WeightsEvaluator.DescribeAlternatives(alternatives, task, catalog, string.Empty)}";
        }

        /// <summary>A project weight file's path as the build found it, with forward slashes (models/llama/x.gguf).</summary>
        private static string ItemPath(WeightFinding weight) => weight.Weight.Item.Replace('\\', '/');

        /// <summary>A parameter that takes a folder (sourceDirName, directory, sourceDirectoryName): a folder inside a weights folder holds weights.</summary>
        private static bool NamesAFolder(string parameter) =>
            parameter.IndexOf("dir", StringComparison.OrdinalIgnoreCase) >= 0 || parameter.IndexOf("folder", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>The first origin of a value that names weights, if any.</summary>
        private static WeightTrace? FirstWeights(IOperation value, State state, bool folder, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var trace in state.Origins.Of(value, cancellationToken))
            {
                if (trace.Check != null || NamesWeights(trace.Path, state, folder, out _, out _))
                {
                    return trace;
                }
            }

            return null;
        }

        private static string Api(ISymbol member) => member switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => "new " + constructor.ContainingType.Name,
            IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet, AssociatedSymbol: { } property } => property.ContainingType.Name + "." + property.Name,
            _ => member.ContainingType.Name + "." + member.Name,
        };

        private static void Report(SyntaxNodeAnalysisContext context, State state, BaselineSnapshot baseline, IOperation operation, Finding finding)
        {
            var snapshot = state.Snapshot;
            var trace = finding.Trace;
            string what;
            ModelEntry? model = null;
            if (!NamesWeights(trace.Path, state, finding.Folder, out what, out model))
            {
                if (trace.Check == null)
                {
                    return;
                }

                what = "model weights";
            }

            var severity = snapshot.SeverityFor(Descriptors.ModelWeightsCopied, model?.Severity);
            if (severity == null || snapshot.Catalog.GetRule(DiagnosticIds.ModelWeightsCopied).Ignore.Any(p => Glob.IsMatch(p, trace.Path)))
            {
                return;
            }

            string from = trace.Path == WeightTrace.Unknown ? "a value" : $"'{trace.Path}'";
            if (trace.Check != null)
            {
                from += $" that the code checks with `{trace.Check}`";
            }

            if (trace.Via != null)
            {
                from += $" (via {trace.Via})";
            }

            string condition = Condition(state, trace.Path, model);
            var diagnostic = Diagnostic.Create(
                Descriptors.ModelWeightsCopied,
                operation.Syntax.GetLocation(),
                severity.Value,
                null,
                ImmutableDictionary<string, string?>.Empty.Add("path", trace.Path).Add("model", model?.Id).Add("license", model?.License),
                finding.Api, finding.Verb, what, from, finding.To, condition);
            if (!baseline.Covers(diagnostic))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        private static bool NamesWeights(string path, State state, bool folder, out string what, out ModelEntry? model)
        {
            var catalog = state.Snapshot.Catalog;
            string name = WeightTrace.LastSegment(path);
            model = WeightFileNames.IsCompanionFile(name) ? null : catalog.Models.FirstOrDefault(m => m.Files.Any(pattern => Glob.IsMatch(pattern, name)));
            if (model != null)
            {
                what = $"the {model.Name} weights";
                return true;
            }

            if (WeightFileNames.IsWeightFileName(name))
            {
                string kind = WeightFileNames.HasWeightExtension(name) ? Path.GetExtension(name) : name.Replace("*", "…");
                what = name.IndexOf('*') >= 0 ? $"{kind} model-weight files" : $"a {kind} model-weight file";
                return true;
            }

            if (WeightTrace.IsWeightFolder(path, state.WeightFolders))
            {
                what = $"the '{name}' folder of model weights";
                return true;
            }

            if (name is "*" or "*.*" && WeightTrace.IsWeightFolder(WeightTrace.Parent(path), state.WeightFolders))
            {
                what = $"every file of the '{WeightTrace.LastSegment(WeightTrace.Parent(path))}' folder of model weights";
                return true;
            }

            // A folder inside one named for weights (checkpoints/run-42) holds weights by that convention; inside a folder the build
            // found weights in, only the folders it found them in do (wwwroot/css is not wwwroot/detectors).
            for (string parent = WeightTrace.Parent(path); folder && parent != WeightTrace.Unknown; parent = WeightTrace.Parent(parent))
            {
                if (WeightTrace.IsWeightFolder(parent, Array.Empty<string>()))
                {
                    what = $"a folder inside the '{WeightTrace.LastSegment(parent)}' folder of model weights";
                    return true;
                }
            }

            what = string.Empty;
            return false;
        }

        private sealed class Finding
        {
            public Finding(string api, string verb, string to, WeightTrace trace, bool folder = false)
            {
                Api = api;
                Verb = verb;
                To = to;
                Trace = trace;
                Folder = folder;
            }

            /// <summary>Gets whether the sink takes the data as a folder (then a folder inside a weights folder is weights).</summary>
            public bool Folder { get; }

            public string Api { get; }

            public string Verb { get; }

            public string To { get; }

            public WeightTrace Trace { get; }
        }
    }
}
