using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LicenseGuard.Analyzers.WeightFlow
{
    /// <summary>
    /// Where the data a sink is given may come from: a backward walk over the operation tree from the sink's argument, through
    /// locals (every assignment), loops and LINQ over file enumerations, streams, bytes and file infos opened on a path,
    /// objects that carry a value (a request with a file path), fields and properties (initializers and every assignment in
    /// the compilation), and parameters (defaults, and the arguments of every call in the compilation). What a member or a
    /// parameter may hold is computed once per compilation (a summary), so the cost grows with the code the sinks reach, not
    /// with the number of sinks; each walk has a step budget and a bound on how many calls it goes up.
    /// </summary>
    internal sealed class ValueOrigins
    {
        /// <summary>The steps left to one question, shared by the walks it starts.</summary>
        private sealed class Budget
        {
            private int left;

            public Budget(int steps) => left = steps;

            public bool Exhausted => left < 0;

            public bool Take() => --left >= 0;
        }

        /// <summary>How many operations one question (the origins of one sink argument) may visit, summaries it computes included.</summary>
        private const int StepsPerQuestion = 600;
        private const int MaxCallDepth = 3;
        private const int MaxTraces = 16;

        private readonly CompilationIndex index;
        private readonly ConcurrentDictionary<ISymbol, ImmutableArray<WeightTrace>> summaries = new ConcurrentDictionary<ISymbol, ImmutableArray<WeightTrace>>(SymbolEqualityComparer.Default);

        public ValueOrigins(CompilationIndex index) => this.index = index;

        public CompilationIndex Index => index;

        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IOperation, BodyFacts> facts = new System.Runtime.CompilerServices.ConditionalWeakTable<IOperation, BodyFacts>();

        /// <summary>What a body writes to its locals and checks, gathered in one pass over it (every trace through the body reuses it).</summary>
        internal BodyFacts FactsOf(IOperation body) => facts.GetValue(body, b => new BodyFacts(b));

        /// <summary>The values a local is given: its initializer, assignments, and the collection a <c>foreach</c> takes it from.</summary>
        public IEnumerable<IOperation> AssignedValues(ILocalReferenceOperation local)
        {
            foreach (var operation in FactsOf(IntraMethod.Body(local)).WritesOf(local.Local))
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer: { } initializer }:
                        yield return initializer.Value;
                        break;
                    case ISimpleAssignmentOperation assignment:
                        yield return assignment.Value;
                        break;
                    case IForEachLoopOperation loop:
                        yield return loop.Collection;
                        break;
                }
            }
        }

        /// <summary>The origins of a value, as far as the code shows them.</summary>
        public ImmutableArray<WeightTrace> Of(IOperation value, CancellationToken cancellationToken) =>
            new Walk(this, cancellationToken, ImmutableHashSet<ISymbol>.Empty.WithComparer(SymbolEqualityComparer.Default), 0, new Budget(StepsPerQuestion)).Of(value).Distinct().Take(MaxTraces).ToImmutableArray();

        private ImmutableArray<WeightTrace> Summary(ISymbol symbol, Walk caller, Func<Walk, IEnumerable<WeightTrace>> compute)
        {
            if (summaries.TryGetValue(symbol, out var known))
            {
                return known;
            }

            if (caller.InProgress.Contains(symbol) || caller.CallDepth >= MaxCallDepth)
            {
                return ImmutableArray<WeightTrace>.Empty;
            }

            var walk = new Walk(this, caller.CancellationToken, caller.InProgress.Add(symbol), caller.CallDepth + 1, caller.Budget);
            var result = compute(walk).Distinct().Take(MaxTraces).ToImmutableArray();
            // A summary cut short (the question's budget ran out, or a cycle left it empty) is used once, not kept.
            return walk.Budget.Exhausted || (result.IsEmpty && caller.InProgress.Count > 0) ? result : summaries.GetOrAdd(symbol, result);
        }

        /// <summary>One backward walk: a step budget, the symbols being summarised above it (to cut cycles), how many calls up it is.</summary>
        private sealed class Walk
        {
            private readonly ValueOrigins owner;
            public Walk(ValueOrigins owner, CancellationToken cancellationToken, ImmutableHashSet<ISymbol> inProgress, int callDepth, Budget budget)
            {
                this.owner = owner;
                Budget = budget;
                CancellationToken = cancellationToken;
                InProgress = inProgress;
                CallDepth = callDepth;
            }

            public CancellationToken CancellationToken { get; }

            public ImmutableHashSet<ISymbol> InProgress { get; }

            public int CallDepth { get; }

            public Budget Budget { get; }

            private CompilationIndex Index => owner.index;

            public List<WeightTrace> Of(IOperation? value)
            {
                var result = new List<WeightTrace>();
                if (value == null || !Budget.Take())
                {
                    return result;
                }

                CancellationToken.ThrowIfCancellationRequested();
                value = Skip(value);
                if (value.ConstantValue.HasValue)
                {
                    if (value.ConstantValue.Value is string text)
                    {
                        result.Add(new WeightTrace(text));
                    }

                    return result;
                }

                switch (value)
                {
                    case IInterpolatedStringOperation interpolated:
                        result.Add(new WeightTrace(string.Concat(interpolated.Parts.Select(p => p is IInterpolatedStringTextOperation text
                            ? text.Text.ConstantValue.Value as string
                            : FirstPath(((IInterpolationOperation)p).Expression)))));
                        break;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                        result.Add(new WeightTrace(FirstPath(concatenation.LeftOperand) + FirstPath(concatenation.RightOperand)));
                        break;
                    case ICoalesceOperation coalesce:
                        result.AddRange(Of(coalesce.Value));
                        result.AddRange(Of(coalesce.WhenNull));
                        break;
                    case IConditionalOperation conditional:
                        result.AddRange(Of(conditional.WhenTrue));
                        result.AddRange(Of(conditional.WhenFalse));
                        break;
                    case ISwitchExpressionOperation switchExpression:
                        foreach (var arm in switchExpression.Arms)
                        {
                            result.AddRange(Of(arm.Value));
                        }

                        break;
                    case IConditionalAccessOperation conditionalAccess:
                        result.AddRange(Of(conditionalAccess.WhenNotNull));
                        break;
                    case IConditionalAccessInstanceOperation instance:
                        for (var parent = instance.Parent; parent != null; parent = parent.Parent)
                        {
                            if (parent is IConditionalAccessOperation access)
                            {
                                result.AddRange(Of(access.Operation));
                                break;
                            }
                        }

                        break;
                    case IArrayElementReferenceOperation element:
                        result.AddRange(Of(element.ArrayReference));
                        break;
                    case IArrayCreationOperation array when array.Initializer != null:
                        foreach (var item in array.Initializer.ElementValues)
                        {
                            result.AddRange(Of(item));
                        }

                        break;
                    case ILocalReferenceOperation local:
                        result.AddRange(Local(local.Local, local));
                        break;
                    case IParameterReferenceOperation parameter:
                        result.AddRange(Parameter(parameter.Parameter, parameter));
                        break;
                    case IMemberReferenceOperation member when member is IFieldReferenceOperation or IPropertyReferenceOperation:
                        result.AddRange(Member(member));
                        break;
                    case IInvocationOperation invocation:
                        result.AddRange(Invocation(invocation));
                        break;
                    case IObjectCreationOperation creation:
                        result.AddRange(Creation(creation));
                        break;
                    default:
                        // A collection expression ([a, b]) before Roslyn has an operation kind for it: its elements.
                        if (value.Type is IArrayTypeSymbol || value.Type?.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                        {
                            foreach (var item in value.ChildOperations)
                            {
                                result.AddRange(Of(item));
                            }
                        }

                        break;
                }

                return result;
            }

            private string FirstPath(IOperation? value)
            {
                foreach (var trace in Of(value))
                {
                    if (trace.Check == null)
                    {
                        return trace.Path;
                    }
                }

                return WeightTrace.Unknown;
            }

            private static IOperation Skip(IOperation value)
            {
                while (true)
                {
                    switch (value)
                    {
                        case IConversionOperation conversion:
                            value = conversion.Operand;
                            continue;
                        case IAwaitOperation awaited:
                            value = awaited.Operation;
                            continue;
                        case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } task }:
                            value = task;
                            continue;
                        case IInvocationOperation { TargetMethod.Name: "FromResult", TargetMethod.ContainingType.Name: "Task" or "ValueTask", Arguments.Length: 1 } fromResult:
                            value = fromResult.Arguments[0].Value;
                            continue;
                        default:
                            return value;
                    }
                }
            }

            // ---- locals -------------------------------------------------------------------------------------------------

            private List<WeightTrace> Local(ILocalSymbol local, IOperation at)
            {
                var traces = new List<WeightTrace>();
                var body = IntraMethod.Body(at);
                var facts = owner.FactsOf(body);
                foreach (var operation in facts.WritesOf(local))
                {
                    switch (operation)
                    {
                        case IVariableDeclaratorOperation declarator:
                            traces.AddRange(Of(declarator.Initializer?.Value));
                            break;
                        case ISimpleAssignmentOperation assignment:
                            traces.AddRange(Of(assignment.Value));
                            break;
                        case IDeconstructionAssignmentOperation deconstruction when TupleElementOf(deconstruction.Target, local) is { } position:
                            traces.AddRange(TupleElement(deconstruction.Value, position));
                            break;
                        case IForEachLoopOperation loop:
                            traces.AddRange(Of(loop.Collection));
                            break;
                        case IInvocationOperation call when call.Arguments.FirstOrDefault(a => a.Parameter?.RefKind == RefKind.Out && Skip(a.Value) is ILocalReferenceOperation or IDeclarationExpressionOperation && RefersToLocal(a.Value, local)) is { Parameter: { } outParameter }:
                            // An out argument: what the method of this compilation assigns to the parameter.
                            traces.AddRange(OutValues(call, outParameter.Ordinal));
                            break;
                        case IInvocationOperation read:
                            // A buffer the method fills from a stream or file handle (RandomAccess.Read(handle, buffer, …)) or copies
                            // into from another buffer (Buffer.BlockCopy, Array.Copy, span.CopyTo) carries what it holds.
                            traces.AddRange(Of(read.Instance ?? read.Arguments.FirstOrDefault(a => a.Parameter?.Name is "src" or "sourceArray" or "source")?.Value
                                ?? read.Arguments.FirstOrDefault(a => CarriesContent(a.Parameter?.Type))?.Value));
                            break;
                    }
                }

                if (IsCarrierOfOthers(local.Type))
                {
                    traces.AddRange(MembersAssignedOn(facts, local));
                }

                // A stream (or archive over it) the method writes weights into carries them: a zip built in memory, then served.
                if (BodyFacts.IsWrittenTo(local.Type))
                {
                    foreach (var written in facts.WrittenInto(local))
                    {
                        traces.AddRange(Of(written));
                    }
                }

                return Refine(traces, Checks(body, local));
            }

            /// <summary>One element of a tuple: of a tuple literal, or of the tuples a method of this compilation returns.</summary>
            private IEnumerable<WeightTrace> TupleElement(IOperation value, int position)
            {
                value = Skip(value);
                if (value is ITupleOperation tuple)
                {
                    return position < tuple.Elements.Length ? Of(tuple.Elements[position]) : Array.Empty<WeightTrace>();
                }

                if (value is IInvocationOperation call && !call.TargetMethod.DeclaringSyntaxReferences.IsEmpty)
                {
                    return ReturnedValues(call.TargetMethod.OriginalDefinition).Where(returned => Skip(returned) is ITupleOperation).SelectMany(returned => TupleElement(returned, position)).ToList();
                }

                return Of(value);
            }

            private static bool RefersToLocal(IOperation value, ILocalSymbol local)
            {
                var operation = value is IDeclarationExpressionOperation declaration ? declaration.Expression : value;
                return operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
            }

            /// <summary>Every value a method of this compilation assigns to one of its out parameters.</summary>
            /// <summary>
            /// What an out argument receives: what a queue's TryRead/TryDequeue takes out, one of the values a library collection's
            /// TryGetValue holds, or what a method of this compilation assigns to the parameter.
            /// </summary>
            private IEnumerable<WeightTrace> OutValues(IInvocationOperation call, int ordinal)
            {
                var target = (call.TargetMethod.ReducedFrom ?? call.TargetMethod).OriginalDefinition;
                if (!target.DeclaringSyntaxReferences.IsEmpty)
                {
                    return OutAssignments(target, ordinal);
                }

                if (QueueReadFrom(call) is { } queue)
                {
                    return QueueValues(queue);
                }

                return call.Instance != null && target.Name.StartsWith("TryGet", StringComparison.Ordinal) ? Of(call.Instance) : Array.Empty<WeightTrace>();
            }

            private IEnumerable<WeightTrace> OutAssignments(IMethodSymbol method, int ordinal) =>
                BodiesOf(method).SelectMany(body => body.Descendants().OfType<ISimpleAssignmentOperation>())
                    .Where(assignment => assignment.Target is IParameterReferenceOperation parameter && parameter.Parameter.Ordinal == ordinal
                        && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol.OriginalDefinition, method))
                    .SelectMany(assignment => Of(assignment.Value));

            /// <summary>The position of a local among the variables a deconstruction declares or assigns (<c>var (from, to) = …</c>).</summary>
            private static int? TupleElementOf(IOperation target, ILocalSymbol local)
            {
                target = target is IDeclarationExpressionOperation declaration ? declaration.Expression : target;
                if (target is not ITupleOperation tuple)
                {
                    return null;
                }

                for (int i = 0; i < tuple.Elements.Length; i++)
                {
                    var element = tuple.Elements[i] is IDeclarationExpressionOperation inner ? inner.Expression : tuple.Elements[i];
                    if (element is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    {
                        return i;
                    }
                }

                return null;
            }

            /// <summary>Adds what the code's checks say about a value; a check that keeps weights out removes whole-folder origins.</summary>
            private static List<WeightTrace> Refine(List<WeightTrace> traces, IEnumerable<WeightTrace> checks)
            {
                bool excluded = false;
                foreach (var check in checks)
                {
                    if (check.IsExcluded)
                    {
                        excluded = true;
                    }
                    else
                    {
                        traces.Add(check);
                    }
                }

                if (excluded)
                {
                    traces.RemoveAll(t => t.IsWholeFolder);
                }

                return traces;
            }

            /// <summary><c>request.FilePath = path</c> on a local request object: what the object carries.</summary>
            private IEnumerable<WeightTrace> MembersAssignedOn(BodyFacts facts, ILocalSymbol local)
            {
                foreach (var assignment in facts.MemberWritesOn(local))
                {
                    var member = (IMemberReferenceOperation)assignment.Target;
                    if (CarriesData(member.Member.Name, member.Type))
                    {
                        foreach (var trace in Of(assignment.Value))
                        {
                            yield return trace.WithVia(member.Member.ContainingType.Name + "." + member.Member.Name);
                        }
                    }
                }
            }

            // ---- parameters ---------------------------------------------------------------------------------------------

            private IEnumerable<WeightTrace> Parameter(IParameterSymbol parameter, IOperation at)
            {
                var traces = new List<WeightTrace>();
                if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda)
                {
                    traces.AddRange(LambdaParameter(lambda, at));
                }
                else if (parameter.ContainingSymbol is IMethodSymbol method)
                {
                    if (parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is string defaultPath)
                    {
                        traces.Add(new WeightTrace(defaultPath));
                    }

                    var original = parameter.OriginalDefinition;
                    traces.AddRange(owner.Summary(original, this, walk => walk.Arguments(method.OriginalDefinition, original.Ordinal))
                        .Select(t => t.WithVia($"parameter '{parameter.Name}' of {method.Name}")));
                }

                return Refine(traces, Checks(IntraMethod.Body(at), parameter));
            }

            /// <summary>A lambda's parameter: the elements of what LINQ or <c>Parallel.ForEach</c> runs it over.</summary>
            private IEnumerable<WeightTrace> LambdaParameter(IMethodSymbol lambda, IOperation at)
            {
                for (var node = at; node != null; node = node.Parent)
                {
                    if (node is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))
                    {
                        // A FileSystemWatcher's handler: its event arguments name the files the watcher reports.
                        if (node.Parent is IDelegateCreationOperation { Parent: IEventAssignmentOperation { Adds: true, EventReference: IEventReferenceOperation { Event.ContainingType.Name: "FileSystemWatcher", Instance: { } watcher } } })
                        {
                            return Of(watcher);
                        }

                        var invocation = node.Parent?.Parent?.Parent as IInvocationOperation ?? node.Parent?.Parent as IInvocationOperation;
                        if (invocation != null && RunsOverElements(invocation.TargetMethod))
                        {
                            return Of(invocation.Instance ?? invocation.Arguments.FirstOrDefault()?.Value);
                        }

                        break;
                    }
                }

                return Array.Empty<WeightTrace>();
            }

            private static bool RunsOverElements(IMethodSymbol method)
            {
                string type = method.ContainingType?.ToDisplayString() ?? string.Empty;
                return type is "System.Linq.Enumerable" or "System.Linq.Queryable" or "System.Linq.ParallelEnumerable" or "System.Linq.AsyncEnumerable" or "System.Threading.Tasks.Parallel"
                    || (method.IsStatic && (type.StartsWith("System.Collections.Frozen.", StringComparison.Ordinal) || type.StartsWith("System.Collections.Immutable.", StringComparison.Ordinal))
                        && (method.Name.StartsWith("To", StringComparison.Ordinal) || method.Name.StartsWith("Create", StringComparison.Ordinal)))
                    || (method.Name == "ForEach" && (type == "System.Array" || type.StartsWith("System.Collections.Generic.List", StringComparison.Ordinal)));
            }

            /// <summary>The arguments every call of a method in the compilation passes for one parameter (constructors: every creation).</summary>
            private IEnumerable<WeightTrace> Arguments(IMethodSymbol method, int ordinal)
            {
                if (method.DeclaringSyntaxReferences.Length == 0)
                {
                    yield break;
                }

                foreach (var call in Index.CallsOf(method))
                {
                    CancellationToken.ThrowIfCancellationRequested();
                    var operation = Index.ModelFor(call.SyntaxTree).GetOperation(call, CancellationToken);
                    var (target, arguments) = operation switch
                    {
                        IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                        IObjectCreationOperation creation when creation.Constructor != null => (creation.Constructor, creation.Arguments),
                        _ => (null, ImmutableArray<IArgumentOperation>.Empty),
                    };
                    if (target == null || !SymbolEqualityComparer.Default.Equals((target.ReducedFrom ?? target).OriginalDefinition, method))
                    {
                        continue;
                    }

                    foreach (var argument in arguments)
                    {
                        if (argument.Parameter?.Ordinal == ordinal && argument.ArgumentKind != ArgumentKind.DefaultValue)
                        {
                            foreach (var trace in Of(argument.Value))
                            {
                                yield return trace;
                            }
                        }
                    }
                }
            }

            // ---- fields and properties ----------------------------------------------------------------------------------

            private IEnumerable<WeightTrace> Member(IMemberReferenceOperation reference)
            {
                var member = reference.Member;
                string name = member.Name;
                string type = member.ContainingType?.ToDisplayString() ?? string.Empty;

                // A file info's or the web host's paths.
                if (IsFileInfoType(member.ContainingType) && reference.Instance != null)
                {
                    switch (name)
                    {
                        case "FullName":
                        case "PhysicalPath":
                            return Of(reference.Instance);
                        case "Name":
                            return Of(reference.Instance).Select(t => t.WithPath(WeightTrace.LastSegment(t.Path)));
                        case "DirectoryName":
                        case "Directory":
                        case "Parent":
                            return Of(reference.Instance).Where(t => t.Check == null).Select(t => t.WithPath(WeightTrace.Parent(t.Path)));
                        default:
                            return Array.Empty<WeightTrace>();
                    }
                }

                if (name is "WebRootPath" or "WebRootFileProvider" && type.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal))
                {
                    return new[] { new WeightTrace("wwwroot") };
                }

                // The file a FileSystemWatcher event is about.
                if (reference.Instance != null && name is "FullPath" or "Name" or "OldFullPath" && type is "System.IO.FileSystemEventArgs" or "System.IO.RenamedEventArgs")
                {
                    return Of(reference.Instance);
                }

                // Values held by a wrapper: a dictionary entry, a Lazy<T>, a tuple's item, a Nullable<T>.
                if (reference.Instance != null && (name is "Value" or "Key" && type.StartsWith("System.Collections.Generic.KeyValuePair", StringComparison.Ordinal)
                    || name == "Value" && (type.StartsWith("System.Lazy", StringComparison.Ordinal) || type.StartsWith("System.Nullable", StringComparison.Ordinal))
                    || member.ContainingType?.IsTupleType == true))
                {
                    return member is IFieldSymbol { CorrespondingTupleField: { } tupleField } && tupleField.Name.StartsWith("Item", StringComparison.Ordinal)
                        && int.TryParse(tupleField.Name.Substring(4), out int item)
                        ? TupleElement(reference.Instance, item - 1)
                        : Of(reference.Instance);
                }

                if (name == "Value" && type.StartsWith("Microsoft.Extensions.Options", StringComparison.Ordinal))
                {
                    return Array.Empty<WeightTrace>(); // the options object itself: its members are traced where they are read
                }

                var traces = new List<WeightTrace>();
                string memberVia = member.ContainingType?.Name + "." + name;
                if (reference.Instance != null && ObjectMember(reference.Instance, member, 0) is { } known)
                {
                    // The object is made in this method (new T { P = … }, template with { P = … }, a record's positional value): what it was given.
                    return known.Select(t => t.WithVia(memberVia)).ToList();
                }

                if (!member.DeclaringSyntaxReferences.IsEmpty)
                {
                    string via = memberVia;
                    traces.AddRange(owner.Summary(member.OriginalDefinition, this, walk => walk.MemberValues(member.OriginalDefinition)).Select(t => t.WithVia(via)));
                }

                // An element the code itself sorts out as weights (entry.Kind == "weights"): its path-like members are weights.
                if (reference.Instance != null && IsPathLike(member))
                {
                    foreach (var trace in Of(reference.Instance))
                    {
                        if (trace.Check != null)
                        {
                            traces.Add(trace);
                        }
                    }

                    if (Skip(reference.Instance) is ILocalReferenceOperation or IParameterReferenceOperation)
                    {
                        var symbol = Skip(reference.Instance) is ILocalReferenceOperation l ? (ISymbol)l.Local : ((IParameterReferenceOperation)Skip(reference.Instance)).Parameter;
                        Refine(traces, Checks(IntraMethod.Body(reference), symbol));
                    }
                }

                return traces;
            }

            /// <summary>
            /// The value a member has on an object whose making the code shows: an initializer or <c>with</c> that sets it, a record's
            /// positional argument of the same name, or the object a <c>with</c> copies. Null when the code does not show it.
            /// </summary>
            private List<WeightTrace>? ObjectMember(IOperation instance, ISymbol member, int depth)
            {
                if (depth > 3)
                {
                    return null;
                }

                instance = Skip(instance);
                IEnumerable<IOperation> values = instance switch
                {
                    ILocalReferenceOperation local => LocalAssignedValues(local),
                    IFieldReferenceOperation { Field.IsReadOnly: true } field when field.Field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(CancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer }
                        => new[] { Index.ModelFor(initializer.SyntaxTree).GetOperation(initializer.Value, CancellationToken) }.OfType<IOperation>(),
                    _ => new[] { instance },
                };
                List<WeightTrace>? result = null;
                foreach (var value in values.Select(Skip))
                {
                    List<WeightTrace>? found = null;
                    IObjectOrCollectionInitializerOperation? initializer = value switch
                    {
                        IObjectCreationOperation creation => creation.Initializer,
                        IWithOperation with => with.Initializer,
                        _ => null,
                    };
                    var set = initializer?.Initializers.OfType<ISimpleAssignmentOperation>().FirstOrDefault(a => a.Target is IMemberReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Member.OriginalDefinition, member.OriginalDefinition));
                    if (set != null)
                    {
                        found = Of(set.Value);
                    }
                    else if (value is IWithOperation copied)
                    {
                        found = ObjectMember(copied.Operand, member, depth + 1);
                    }
                    else if (value is IObjectCreationOperation created && created.Arguments.FirstOrDefault(a => string.Equals(a.Parameter?.Name, member.Name, StringComparison.OrdinalIgnoreCase)) is { } positional)
                    {
                        found = Of(positional.Value);
                    }

                    if (found == null)
                    {
                        return null; // one way of making it the code does not show: fall back to everything the member is given
                    }

                    (result ??= new List<WeightTrace>()).AddRange(found);
                }

                return result;
            }

            private IEnumerable<IOperation> LocalAssignedValues(ILocalReferenceOperation local) => owner.AssignedValues(local);

            /// <summary>Everything a source field or property is given: its initializer, a record parameter, every assignment.</summary>
            private static readonly HashSet<string> QueueReads = new HashSet<string>(StringComparer.Ordinal)
            {
                "ReadAsync", "ReadAllAsync", "TryRead", "TryPeek", "TryDequeue", "Dequeue", "Take", "TryTake", "GetConsumingEnumerable", "ReceiveAsync", "Receive", "TryReceive", "ReceiveAllAsync",
            };

            private static readonly string[] QueueWriteNames = { "TryWrite", "WriteAsync", "Enqueue", "Add", "TryAdd", "Post", "SendAsync" };

            private static bool IsQueueType(INamedTypeSymbol? type)
            {
                string ns = type?.ContainingNamespace?.ToDisplayString() ?? string.Empty;
                return ns is "System.Threading.Channels" or "System.Collections.Concurrent" or "System.Threading.Tasks.Dataflow"
                    || (ns == "System.Collections.Generic" && type!.Name is "Queue" or "Stack");
            }

            /// <summary>The queue field or property a read takes values out of (<c>pending.Reader.ReadAllAsync()</c>, <c>queue.TryDequeue(out x)</c>), or null.</summary>
            private static ISymbol? QueueReadFrom(IInvocationOperation call)
            {
                var method = call.TargetMethod;
                return QueueReads.Contains(method.Name) && IsQueueType(method.ContainingType) ? QueueField(call.Instance) : null;
            }

            private IEnumerable<WeightTrace> QueueValues(ISymbol queue) =>
                owner.Summary(queue.OriginalDefinition, this, walk => walk.QueueWrites(queue.OriginalDefinition));

            /// <summary>The field or property a queue operation works on: <c>pending.Reader</c> and <c>pending.Writer</c> are <c>pending</c>.</summary>
            private static ISymbol? QueueField(IOperation? instance)
            {
                for (var current = instance == null ? null : IntraMethod.Unwrap(instance); current != null;)
                {
                    switch (current)
                    {
                        case IPropertyReferenceOperation { Property: { Name: "Reader" or "Writer" } end, Instance: { } channel } when IsQueueType(end.ContainingType):
                            current = IntraMethod.Unwrap(channel);
                            continue;
                        case IFieldReferenceOperation field when !field.Field.DeclaringSyntaxReferences.IsEmpty:
                            return field.Field;
                        case IPropertyReferenceOperation property when !property.Property.DeclaringSyntaxReferences.IsEmpty:
                            return property.Property;
                        default:
                            return null;
                    }
                }

                return null;
            }

            /// <summary>Every value the project writes into a queue field: <c>pending.Writer.TryWrite(path)</c>, <c>queue.Enqueue(path)</c>.</summary>
            private IEnumerable<WeightTrace> QueueWrites(ISymbol queue)
            {
                foreach (string name in QueueWriteNames)
                {
                    foreach (var call in Index.Invocations(name).Take(CompilationIndex.MaxSites))
                    {
                        CancellationToken.ThrowIfCancellationRequested();
                        if (Index.ModelFor(call.SyntaxTree).GetOperation(call, CancellationToken) is IInvocationOperation write && IsQueueType(write.TargetMethod.ContainingType)
                            && QueueField(write.Instance) is { } written && SymbolEqualityComparer.Default.Equals(written.OriginalDefinition, queue) && write.Arguments.Length > 0)
                        {
                            foreach (var trace in Of(write.Arguments[0].Value))
                            {
                                yield return trace.WithVia(queue.Name);
                            }
                        }
                    }
                }
            }

            private static bool Implements(IPropertySymbol implementation, IPropertySymbol member)
            {
                for (var overridden = implementation.OverriddenProperty; overridden != null; overridden = overridden.OverriddenProperty)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, member.OriginalDefinition))
                    {
                        return true;
                    }
                }

                return member.ContainingType.TypeKind == TypeKind.Interface
                    && SymbolEqualityComparer.Default.Equals(implementation.ContainingType.FindImplementationForInterfaceMember(member), implementation);
            }

            private IEnumerable<WeightTrace> MemberValues(ISymbol member)
            {
                foreach (var reference in member.DeclaringSyntaxReferences)
                {
                    var syntax = reference.GetSyntax(CancellationToken);
                    var model = Index.ModelFor(syntax.SyntaxTree);
                    switch (syntax)
                    {
                        case VariableDeclaratorSyntax { Initializer: { } initializer }:
                            foreach (var trace in Of(model.GetOperation(initializer.Value, CancellationToken)))
                            {
                                yield return trace;
                            }

                            break;
                        case PropertyDeclarationSyntax property:
                            var value = property.Initializer?.Value ?? property.ExpressionBody?.Expression
                                ?? property.AccessorList?.Accessors.FirstOrDefault(a => a.Keyword.Text == "get")?.ExpressionBody?.Expression;
                            if (value != null)
                            {
                                foreach (var trace in Of(model.GetOperation(value, CancellationToken)))
                                {
                                    yield return trace;
                                }
                            }

                            break;
                        case ParameterSyntax parameterSyntax when model.GetDeclaredSymbol(parameterSyntax, CancellationToken) is IParameterSymbol parameter:
                            // A record's positional property: its default and what every creation passes.
                            if (parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is string defaultPath)
                            {
                                yield return new WeightTrace(defaultPath);
                            }

                            if (parameter.ContainingSymbol is IMethodSymbol constructor)
                            {
                                foreach (var trace in Arguments(constructor.OriginalDefinition, parameter.Ordinal))
                                {
                                    yield return trace;
                                }
                            }

                            break;
                    }
                }

                // An interface or abstract property (a static abstract FileName read through a type parameter): what its implementations hold.
                if (member is IPropertySymbol { ContainingType: { } declaring } contract && (contract.IsAbstract || declaring.TypeKind == TypeKind.Interface) && !contract.DeclaringSyntaxReferences.IsEmpty)
                {
                    foreach (var declaration in Index.PropertyDeclarations(contract.Name).Take(CompilationIndex.MaxSites))
                    {
                        if (Index.ModelFor(declaration.SyntaxTree).GetDeclaredSymbol(declaration, CancellationToken) is IPropertySymbol implementation
                            && !SymbolEqualityComparer.Default.Equals(implementation, contract) && Implements(implementation, contract))
                        {
                            foreach (var trace in MemberValues(implementation))
                            {
                                yield return trace.WithVia(implementation.ContainingType.Name + "." + implementation.Name);
                            }
                        }
                    }
                }

                foreach (var assignmentSyntax in Index.AssignmentsOf(member))
                {
                    CancellationToken.ThrowIfCancellationRequested();
                    if (Index.ModelFor(assignmentSyntax.SyntaxTree).GetOperation(assignmentSyntax, CancellationToken) is ISimpleAssignmentOperation assignment
                        && assignment.Target is IMemberReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Member.OriginalDefinition, member))
                    {
                        foreach (var trace in Of(assignment.Value))
                        {
                            yield return trace;
                        }
                    }
                }
            }

            // ---- calls and creations ------------------------------------------------------------------------------------

            private IEnumerable<WeightTrace> Invocation(IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
                string type = method.ContainingType?.SpecialType == SpecialType.System_String ? "System.String" : method.ContainingType?.ToDisplayString() ?? string.Empty;
                var arguments = invocation.Arguments;
                IOperation? Argument(int index) => index < arguments.Length ? arguments[index].Value : null;
                IOperation? Named(string name) => arguments.FirstOrDefault(a => a.Parameter?.Name == name && a.ArgumentKind != ArgumentKind.DefaultValue)?.Value;

                switch (type)
                {
                    case "System.IO.Path":
                        return PathMethod(method.Name, arguments);
                    case "System.Environment" when method.Name == "GetFolderPath":
                        return new[] { new WeightTrace(SpecialFolder(Argument(0))) };
                    case "System.Environment" when method.Name == "GetEnvironmentVariable":
                        string variable = (Argument(0)?.ConstantValue.Value as string ?? string.Empty).ToUpperInvariant();
                        return new[] { new WeightTrace(variable.Contains("CACHE") || variable.Contains("HF_HOME") ? WeightTrace.Cache : variable is "TEMP" or "TMP" or "TMPDIR" ? WeightTrace.Temp : WeightTrace.Unknown) };
                    case "System.Reflection.Assembly" when method.Name == "GetManifestResourceStream" && arguments.Length > 0 && arguments[0].Parameter?.Type.SpecialType == SpecialType.System_String:
                        return Of(Argument(0)); // an embedded resource's name ends with its file's name (Models.detector.onnx)
                    case "System.IO.Directory" when method.Name == "CreateTempSubdirectory":
                        return new[] { new WeightTrace(WeightTrace.Temp + "/" + WeightTrace.Unknown) };
                    case "System.IO.Directory" when method.Name.StartsWith("Enumerate", StringComparison.Ordinal) || method.Name.StartsWith("Get", StringComparison.Ordinal) && method.Name.EndsWith("s", StringComparison.Ordinal):
                        return Enumerated(Argument(0), Named("searchPattern"));
                    case "System.IO.DirectoryInfo" when method.Name.StartsWith("Enumerate", StringComparison.Ordinal) || method.Name.StartsWith("Get", StringComparison.Ordinal) && method.Name.EndsWith("s", StringComparison.Ordinal):
                        return Enumerated(invocation.Instance, Named("searchPattern"));
                    case "System.String" when invocation.Instance != null && method.ReturnType.SpecialType == SpecialType.System_String:
                        return Of(invocation.Instance);
                    case "System.String" when method.Name == "Format" && arguments.FirstOrDefault(a => a.Parameter?.Name == "format")?.Value.ConstantValue.Value is string format:
                        var holes = arguments.Where(a => a.Parameter?.Name != "format" && a.Parameter?.Name != "provider")
                            .SelectMany(a => Skip(a.Value) is IArrayCreationOperation { Initializer: { } items } ? items.ElementValues : ImmutableArray.Create(a.Value)).ToList();
                        return new[] { new WeightTrace(System.Text.RegularExpressions.Regex.Replace(format, @"\{(\d+)[^}]*\}", m => int.TryParse(m.Groups[1].Value, out int n) && n < holes.Count ? FirstPath(holes[n]) : WeightTrace.Unknown)) };
                    case "System.String" when method.Name == "Concat":
                        return new[] { new WeightTrace(string.Concat(arguments.SelectMany(a => Skip(a.Value) is IArrayCreationOperation { Initializer: { } items } ? items.ElementValues : ImmutableArray.Create(a.Value)).Select(FirstPath))) };
                }

                // A queue between methods (a Channel's reader, a ConcurrentQueue, a BlockingCollection, a Dataflow buffer): what a read
                // takes out is what any method of the project puts into the same field or property.
                if (QueueReadFrom(invocation) is { } queue)
                {
                    return QueueValues(queue);
                }

                // A concurrent cache's GetOrAdd/AddOrUpdate: the values its factories make or it is given, and the values it already holds.
                if (method.Name is "GetOrAdd" or "AddOrUpdate" && type.StartsWith("System.Collections.", StringComparison.Ordinal) && invocation.Instance != null)
                {
                    return Of(invocation.Instance).Concat(LambdaResults(arguments.Skip(1).Select(a => a.Value)))
                        .Concat(arguments.Skip(1).Where(a => a.Parameter?.Type.TypeKind != TypeKind.Delegate).SelectMany(a => Of(a.Value)));
                }

                if (RunsOverElements(method))
                {
                    var source = invocation.Instance ?? Argument(0);
                    var traces = new List<WeightTrace>();
                    if (method.Name is "Select" or "SelectMany" or "SelectAwait")
                    {
                        traces.AddRange(LambdaResults(arguments.Skip(1).Select(a => a.Value)));
                    }
                    else
                    {
                        traces.AddRange(Of(source));
                        foreach (var other in arguments.Skip(1))
                        {
                            if (Skip(other.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation predicate })
                            {
                                var checks = PredicateChecks(predicate, traces).ToList();
                                Refine(traces, checks);
                            }
                            else if (method.Name is "Concat" or "Union" or "Append" or "Prepend")
                            {
                                traces.AddRange(Of(other.Value));
                            }
                        }
                    }

                    return traces;
                }

                // Streams, bytes and file infos opened on or read from a weight file: System.IO, file providers, BinaryData.
                if (CarriesContent(method.ReturnType) && (type.StartsWith("System.IO", StringComparison.Ordinal) || type.StartsWith("Microsoft.Extensions.FileProviders", StringComparison.Ordinal) || type == "System.BinaryData" || type == "System.MemoryExtensions"))
                {
                    if (method.Name == "GetFileInfo" && invocation.Instance != null)
                    {
                        string folder = FirstPath(invocation.Instance);
                        return Of(Argument(0)).Select(t => t.WithPath(folder + "/" + t.Path)).DefaultIfEmpty(new WeightTrace(folder + "/" + WeightTrace.Unknown));
                    }

                    return Of(invocation.Instance).Concat(Of(arguments.FirstOrDefault(a => CarriesContent(a.Parameter?.Type) || a.Parameter?.Type.SpecialType == SpecialType.System_String)?.Value));
                }

                // A static factory of a type that carries values (TarEntry.CreateEntryFromFile(path)): what a constructor would be given.
                if (method.IsStatic && method.DeclaringSyntaxReferences.IsEmpty && SymbolEqualityComparer.Default.Equals(method.ReturnType, method.ContainingType) && IsCarrierOfOthers(method.ReturnType))
                {
                    return arguments.SelectMany(a => Of(a.Value));
                }

                // A method of this compilation: what it returns.
                if (!method.DeclaringSyntaxReferences.IsEmpty && method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction)
                {
                    var original = method.OriginalDefinition;
                    return owner.Summary(original, this, walk => walk.Returns(original)).Select(t => t.WithVia(method.Name + "()"));
                }

                return Array.Empty<WeightTrace>();
            }

            private IEnumerable<WeightTrace> PathMethod(string name, ImmutableArray<IArgumentOperation> arguments)
            {
                switch (name)
                {
                    case "Combine":
                    case "Join":
                        var parts = arguments.SelectMany(a => Skip(a.Value) is IArrayCreationOperation { Initializer: { } items } ? items.ElementValues : ImmutableArray.Create(a.Value)).ToList();
                        if (parts.Count == 0)
                        {
                            return Array.Empty<WeightTrace>();
                        }

                        // The last part decides what the path names; its own origins (a weight file found elsewhere) count as they are.
                        string folder = string.Join("/", parts.Take(parts.Count - 1).Select(FirstPath));
                        return Of(parts[parts.Count - 1]).Select(t => t.WithPath(folder.Length == 0 ? t.Path : folder + "/" + t.Path))
                            .DefaultIfEmpty(new WeightTrace(folder + "/" + WeightTrace.Unknown));
                    case "GetFullPath":
                    case "TrimEndingDirectorySeparator":
                        return Of(arguments.FirstOrDefault()?.Value);
                    case "GetFileName":
                        return Of(arguments.FirstOrDefault()?.Value).Select(t => t.WithPath(WeightTrace.LastSegment(t.Path)));
                    case "GetDirectoryName":
                        return Of(arguments.FirstOrDefault()?.Value).Where(t => t.Check == null).Select(t => t.WithPath(WeightTrace.Parent(t.Path)));
                    case "ChangeExtension":
                        string extension = arguments.Length > 1 ? arguments[1].Value.ConstantValue.Value as string ?? WeightTrace.Unknown : WeightTrace.Unknown;
                        return Of(arguments.FirstOrDefault()?.Value).Where(t => t.Check == null)
                            .Select(t => t.WithPath(System.IO.Path.ChangeExtension(t.Path.Replace("{}", "_"), extension.StartsWith(".", StringComparison.Ordinal) ? extension : "." + extension)));
                    case "GetTempPath":
                    case "GetTempFileName":
                        return new[] { new WeightTrace(WeightTrace.Temp + (name == "GetTempFileName" ? "/{}.tmp" : string.Empty)) };
                    default:
                        return new[] { new WeightTrace(WeightTrace.Unknown) };
                }
            }

            private static string SpecialFolder(IOperation? folder)
            {
                string name = folder is IFieldReferenceOperation field ? field.Field.Name : folder?.ConstantValue.Value?.ToString() ?? string.Empty;
                return name is "LocalApplicationData" or "ApplicationData" or "InternetCache" ? WeightTrace.Cache : name == "UserProfile" ? "{home}" : "{" + name + "}";
            }

            /// <summary>Files a directory enumeration yields: the folder and the pattern (<c>models/*.gguf</c>; no pattern is every file).</summary>
            private IEnumerable<WeightTrace> Enumerated(IOperation? folder, IOperation? pattern)
            {
                string files = pattern == null ? "*" : pattern.ConstantValue.Value as string ?? FirstPath(pattern);
                return Of(folder).Where(t => t.Check == null).Select(t => t.WithPath(t.Path + "/" + files)).DefaultIfEmpty(new WeightTrace(WeightTrace.Unknown + "/" + files));
            }

            private IEnumerable<WeightTrace> LambdaResults(IEnumerable<IOperation> arguments)
            {
                foreach (var argument in arguments)
                {
                    if (Skip(argument) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                    {
                        foreach (var returned in lambda.Body.Descendants().OfType<IReturnOperation>())
                        {
                            foreach (var trace in Of(returned.ReturnedValue))
                            {
                                yield return trace;
                            }
                        }
                    }
                }
            }

            /// <summary>A filter's checks on its element (<c>f => f.EndsWith(".gguf")</c>): the elements that pass are weights.</summary>
            private IEnumerable<WeightTrace> PredicateChecks(IAnonymousFunctionOperation predicate, List<WeightTrace> sources)
            {
                var parameter = predicate.Symbol.Parameters.FirstOrDefault();
                if (parameter == null)
                {
                    yield break;
                }

                foreach (var check in Checks(predicate.Body, parameter))
                {
                    if (check.IsExcluded)
                    {
                        yield return check;
                        continue;
                    }

                    // An enumeration of a folder (models/*) narrowed by extension is that folder's weight files.
                    var folder = sources.FirstOrDefault(s => s.Check == null && s.Path.EndsWith("/*", StringComparison.Ordinal));
                    string? marker = check.Check!.Split('"').ElementAtOrDefault(1);
                    yield return folder.Path != null && marker != null ? folder.WithPath(folder.Path.Substring(0, folder.Path.Length - 1) + marker) : check;
                }
            }

            /// <summary>Every value a method of this compilation returns (or yields).</summary>
            private IEnumerable<WeightTrace> Returns(IMethodSymbol method) => ReturnedValues(method).SelectMany(Of);

            /// <summary>The values a method of this compilation returns, not those of the lambdas and local functions inside it.</summary>
            private IEnumerable<IOperation> ReturnedValues(IMethodSymbol method)
            {
                foreach (var body in BodiesOf(method))
                {
                    foreach (var returned in body.Descendants().OfType<IReturnOperation>())
                    {
                        if (returned.ReturnedValue != null && !InsideNestedFunction(returned, body))
                        {
                            yield return returned.ReturnedValue;
                        }
                    }
                }
            }

            /// <summary>The operation trees of a method's declarations in this compilation.</summary>
            private IEnumerable<IOperation> BodiesOf(IMethodSymbol method)
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    var syntax = reference.GetSyntax(CancellationToken);
                    if (Index.ModelFor(syntax.SyntaxTree).GetOperation(syntax, CancellationToken) is { } body)
                    {
                        yield return body;
                    }
                }
            }

            private static bool InsideNestedFunction(IOperation operation, IOperation body)
            {
                for (var node = operation.Parent; node != null && node != body; node = node.Parent)
                {
                    if (node is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        return true;
                    }
                }

                return false;
            }

            private IEnumerable<WeightTrace> Creation(IObjectCreationOperation creation)
            {
                var type = creation.Type as INamedTypeSymbol;
                string typeName = type?.ToDisplayString() ?? string.Empty;
                if (typeName == "System.IO.FileSystemWatcher" && creation.Arguments.Length > 0)
                {
                    // A watcher reports the files of its folder its filter selects, like an enumeration of them over time.
                    var filter = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "filter")?.Value
                        ?? creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>().FirstOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: "Filter" })?.Value;
                    return Enumerated(creation.Arguments[0].Value, filter);
                }

                if (type != null && (typeName.StartsWith("System.IO", StringComparison.Ordinal) || typeName.StartsWith("Microsoft.Extensions.FileProviders", StringComparison.Ordinal) || typeName is "System.BinaryData" or "System.Uri"))
                {
                    // What it is made from: the path or content it opens, or every provider a composite combines.
                    var carried = creation.Arguments.Where(a => CarriesContent(a.Parameter?.Type) || a.Parameter?.Type.SpecialType == SpecialType.System_String
                        || (a.Parameter?.Type is IArrayTypeSymbol array && CarriesContent(array.ElementType))).ToList();
                    return carried.Count > 0 && carried[0].Parameter?.Type is not IArrayTypeSymbol ? Of(carried[0].Value) : carried.SelectMany(a => Of(a.Value));
                }

                // A span, memory or segment over bytes (new ReadOnlySpan<byte>(weights)): the bytes it views.
                if (type != null && CarriesContent(type) && type.ContainingNamespace?.ToDisplayString() == "System" && creation.Arguments.Length > 0)
                {
                    return Of(creation.Arguments[0].Value);
                }

                if (type != null && typeName.StartsWith("System.Lazy", StringComparison.Ordinal))
                {
                    return LambdaResults(creation.Arguments.Select(a => a.Value));
                }

                if (type != null && creation.Initializer != null && type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable))
                {
                    // A collection made with its items (a list, a dictionary of model paths): its items.
                    var items = new List<WeightTrace>();
                    foreach (var initializer in creation.Initializer.Initializers)
                    {
                        items.AddRange(initializer switch
                        {
                            ISimpleAssignmentOperation indexed => Of(indexed.Value),
                            IInvocationOperation add => ItemArguments(add).SelectMany(a => Of(a.Value)),
                            _ => Array.Empty<WeightTrace>(),
                        });
                    }

                    return items;
                }

                if (type == null || !IsCarrierOfOthers(type))
                {
                    return Array.Empty<WeightTrace>();
                }

                // An object that carries values (a request with a file path, options with a file provider): what it is given.
                var traces = new List<WeightTrace>();
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter != null && CarriesData(argument.Parameter.Name, argument.Parameter.Type))
                    {
                        traces.AddRange(Of(argument.Value));
                    }
                }

                if (creation.Initializer != null)
                {
                    foreach (var initializer in creation.Initializer.Initializers)
                    {
                        if (initializer is ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } assignment && CarriesData(member.Member.Name, member.Type))
                        {
                            traces.AddRange(Of(assignment.Value).Select(t => t.WithVia(type.Name + "." + member.Member.Name)));
                        }
                        else if (initializer is IInvocationOperation add)
                        {
                            traces.AddRange(ItemArguments(add).SelectMany(a => Of(a.Value)));
                        }
                    }
                }

                return traces;
            }

            /// <summary>
            /// The arguments of a collection initializer's Add that are items, not the keys or labels the API declares beside them:
            /// a dictionary's <c>key</c>, a multipart form's field <c>name</c> (<c>{ new StringContent(id), "model" }</c> sends an id,
            /// not a folder called model).
            /// </summary>
            private static IEnumerable<IArgumentOperation> ItemArguments(IInvocationOperation add) =>
                add.Arguments.Where(a => !(a.Parameter?.Name is { } parameter && (parameter.Equals("key", StringComparison.OrdinalIgnoreCase) || parameter.Equals("name", StringComparison.OrdinalIgnoreCase))));

            // ---- the code's own checks ----------------------------------------------------------------------------------

            /// <summary>
            /// Checks in a body that sort a value (or a member of it) out as weights: <c>EndsWith(".gguf")</c>, <c>Extension == ".onnx"</c>,
            /// <c>Kind == "weights"</c>, <c>is { Type: "gguf" }</c>. The value passing them is weights even when no name shows it.
            /// </summary>
            private IEnumerable<WeightTrace> Checks(IOperation body, ISymbol symbol)
            {
                foreach (var check in owner.FactsOf(body).Checks)
                {
                    if (!Refers(check.Subject, symbol))
                    {
                        continue;
                    }

                    if (ExcludesWeights(check.Operation))
                    {
                        yield return WeightTrace.Excluded;
                    }
                    else
                    {
                        string text = (check.Operation is IPropertySubpatternOperation ? check.Operation.Parent!.Parent!.Syntax : check.Operation.Syntax).ToString();
                        yield return WeightTrace.Checked(text.Length > 80 ? text.Substring(0, 77) + "..." : text);
                    }
                }
            }

            /// <summary>
            /// Whether a check keeps weights out: negated (<c>!f.EndsWith(".gguf")</c>, <c>!=</c>, <c>is not</c>), unless it guards a
            /// <c>continue</c>/<c>return</c> that skips everything else (<c>if (!f.EndsWith(".gguf")) continue;</c>).
            /// </summary>
            private static bool ExcludesWeights(IOperation check)
            {
                bool negated = check is IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals };
                var node = check;
                while (node.Parent is IUnaryOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } or IPatternOperation or IIsPatternOperation or IPropertySubpatternOperation)
                {
                    if (node.Parent is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } or INegatedPatternOperation)
                    {
                        negated = !negated;
                    }

                    node = node.Parent;
                }

                if (node.Parent is IConditionalOperation { WhenFalse: null } guard && guard.Condition == node && SkipsTheRest(guard.WhenTrue))
                {
                    negated = !negated;
                }

                return negated;
            }

            private static bool SkipsTheRest(IOperation statement)
            {
                while (statement is IBlockOperation { Operations.Length: > 0 } block)
                {
                    statement = block.Operations[block.Operations.Length - 1];
                }

                return statement is IBranchOperation or IReturnOperation or IThrowOperation || (statement is IExpressionStatementOperation { Operation: IThrowOperation });
            }

            /// <summary>Whether an operation is the symbol, a member of it, or a value computed from it (<c>Path.GetExtension(x)</c>, <c>x.Name.ToLower()</c>).</summary>
            private static bool Refers(IOperation operation, ISymbol symbol)
            {
                for (int depth = 0; depth < 4 && operation != null; depth++)
                {
                    operation = Skip(operation);
                    switch (operation)
                    {
                        case ILocalReferenceOperation local:
                            return SymbolEqualityComparer.Default.Equals(local.Local, symbol);
                        case IParameterReferenceOperation parameter:
                            return SymbolEqualityComparer.Default.Equals(parameter.Parameter, symbol);
                        case IMemberReferenceOperation member when member.Instance != null:
                            operation = member.Instance;
                            break;
                        case IInvocationOperation invocation:
                            operation = invocation.Instance ?? invocation.Arguments.FirstOrDefault()?.Value!;
                            break;
                        default:
                            return false;
                    }
                }

                return false;
            }

        }

        /// <summary>Types whose values carry a file's content or name: streams, bytes, memory, file infos, BinaryData, HTTP content.</summary>
        public static bool CarriesContent(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
            {
                return true;
            }

            if (type is INamedTypeSymbol { IsGenericType: true } generic)
            {
                string definition = generic.ConstructedFrom.ToDisplayString();
                if (definition is "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask<TResult>" or "System.Collections.Generic.IEnumerable<T>" or "System.Collections.Generic.IAsyncEnumerable<T>")
                {
                    return CarriesContent(generic.TypeArguments[0]) || generic.TypeArguments[0].SpecialType == SpecialType.System_String;
                }

                if (definition is "System.Memory<T>" or "System.ReadOnlyMemory<T>")
                {
                    return true;
                }

                if (definition is "System.Span<T>" or "System.ReadOnlySpan<T>")
                {
                    return generic.TypeArguments[0].SpecialType == SpecialType.System_Byte;
                }
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                string name = current.ToDisplayString();
                if (name is "System.IO.Stream" or "System.IO.Pipelines.PipeReader" or "System.IO.MemoryMappedFiles.MemoryMappedFile" or "System.IO.FileSystemInfo" or "Microsoft.Win32.SafeHandles.SafeFileHandle" or "System.BinaryData" or "System.Net.Http.HttpContent" or "Microsoft.Extensions.FileProviders.IFileInfo" or "Microsoft.Extensions.FileProviders.IFileProvider")
                {
                    return true;
                }
            }

            return type.AllInterfaces.Any(i => i.ToDisplayString() is "Microsoft.Extensions.FileProviders.IFileInfo" or "Microsoft.Extensions.FileProviders.IFileProvider");
        }

        private static bool IsFileInfoType(INamedTypeSymbol? type) =>
            type != null && (CarriesContent(type) || type.ToDisplayString() is "Microsoft.Extensions.FileProviders.IFileInfo");

        /// <summary>Classes and records of the user's or an SDK's that hold other values (requests, options); not strings, collections or the BCL's own values.</summary>
        private static bool IsCarrierOfOthers(ITypeSymbol type) =>
            type.TypeKind is TypeKind.Class or TypeKind.Struct && type.SpecialType == SpecialType.None && !CarriesContent(type)
            && !(type.ContainingNamespace?.ToDisplayString() ?? string.Empty).StartsWith("System", StringComparison.Ordinal);

        /// <summary>
        /// Whether a member or parameter of an object that carries values holds the data it sends: content (a stream, bytes, a
        /// file info or provider, an options object) or a string named for a path, file, folder or source — not a bucket, key,
        /// content type or name of something remote.
        /// </summary>
        private static bool CarriesData(string name, ITypeSymbol? type) =>
            type != null && (CarriesContent(type) || (type.TypeKind == TypeKind.Class && type.SpecialType == SpecialType.None && IsCarrierOfOthers(type))
                || (type.SpecialType == SpecialType.System_String && NamedForData(name)));

        /// <summary>Whether a string member or parameter is named for a path, file, folder or source — not a bucket, key, content type or name of something remote.</summary>
        public static bool NamedForData(string name)
        {
            foreach (string word in new[] { "path", "file", "dir", "folder", "source", "input", "local", "root" })
            {
                if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    // A bucket's, blob's or container's name is not a path; a file's or folder's name (sourceDirectoryName) is.
                    return !name.EndsWith("Name", StringComparison.Ordinal) || name.EndsWith("FileName", StringComparison.OrdinalIgnoreCase)
                        || name.EndsWith("DirectoryName", StringComparison.OrdinalIgnoreCase) || name.EndsWith("DirName", StringComparison.OrdinalIgnoreCase);
                }
            }

            return false;
        }

        private static bool IsPathLike(ISymbol member)
        {
            var type = member is IPropertySymbol property ? property.Type : member is IFieldSymbol field ? field.Type : null;
            if (type == null || !(type.SpecialType == SpecialType.System_String || CarriesContent(type)))
            {
                return false;
            }

            string name = member.Name;
            return !(name.IndexOf("hash", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("sha", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("checksum", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("card", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("config", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("tokenizer", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("license", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("readme", StringComparison.OrdinalIgnoreCase) >= 0 || name is "Kind" or "Type" or "Id" or "Version");
        }
    }
}
