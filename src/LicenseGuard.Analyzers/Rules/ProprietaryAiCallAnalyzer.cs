using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LicenseGuard.Catalog;
using LicenseGuard.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LicenseGuard.Analyzers.Rules
{
    /// <summary>LG1001: a call into a proprietary AI service's SDK. See docs/rules/LG1001.md.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ProprietaryAiCallAnalyzer : DiagnosticAnalyzer
    {
        private static readonly ImmutableArray<OperationKind> CallKinds = ImmutableArray.Create(
            OperationKind.Invocation,
            OperationKind.ObjectCreation,
            OperationKind.MethodReference,
            OperationKind.PropertyReference,
            OperationKind.FieldReference,
            OperationKind.EventReference);

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ProprietaryAiCall);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated API clients call SDKs too; users opt out with AnalyzerOptionKeys.AnalyzeGeneratedCode.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var access = CatalogAccess.Get(context.Options, context.CancellationToken);
            if (!access.IsEnabled(DiagnosticIds.ProprietaryAiCall) || !ServiceSymbolIndex.AnyCouldExist(context.Compilation, access.Digest.Symbols))
            {
                return;
            }

            var snapshot = access.Snapshot;

            var matcher = snapshot.Symbols.CreateMatcher(context.Compilation);
            var generatedCode = new GeneratedCodeOptions(context.Options);
            var baseline = BaselineSnapshot.Get(context.Options, context.CancellationToken);
            context.RegisterOperationAction(c => AnalyzeOperation(c, snapshot, matcher, generatedCode, baseline), CallKinds);
        }

        private static void AnalyzeOperation(OperationAnalysisContext context, CatalogSnapshot snapshot, ServiceSymbolIndex.Matcher matcher, GeneratedCodeOptions generatedCode, BaselineSnapshot baseline)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operation = context.Operation;
            var service = Match(operation, matcher, out var subject);
            if (service == null || IsPartOfLargerCall(operation, matcher))
            {
                return;
            }

            if (context.IsGeneratedCode && !generatedCode.ShouldAnalyze(operation.Syntax.SyntaxTree))
            {
                return;
            }

            if (PointsAtLocalServer(operation))
            {
                return;
            }

            var severity = snapshot.SeverityFor(Descriptors.ProprietaryAiCall, service.Severity);
            if (severity == null)
            {
                return;
            }

            var alternatives = snapshot.AlternativesFor(service, TaskOf(operation, subject!, snapshot));
            var diagnostic = Diagnostic.Create(
                Descriptors.ProprietaryAiCall,
                operation.Syntax.GetLocation(),
                severity.Value,
                additionalLocations: null,
                properties: snapshot.PropertiesFor(service, null, null, alternatives),
                Describe(subject!), service.Name, snapshot.AccessOf(service), alternatives.Text);
            if (!baseline.Covers(diagnostic))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        private static ServiceEntry? Match(IOperation operation, ServiceSymbolIndex.Matcher matcher, out ISymbol? subject)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    subject = invocation.TargetMethod;
                    return matcher.MatchMember(invocation.TargetMethod, isDataAccess: false);
                case IObjectCreationOperation creation when creation.Type != null:
                    subject = creation.Constructor ?? (ISymbol)creation.Type;
                    return matcher.MatchCreatedType(creation.Type);
                case IMethodReferenceOperation methodReference:
                    subject = methodReference.Method;
                    return matcher.MatchMember(methodReference.Method, isDataAccess: false);
                case IMemberReferenceOperation memberReference:
                    subject = memberReference.Member;
                    return matcher.MatchMember(memberReference.Member, isDataAccess: true);
                default:
                    subject = null;
                    return null;
            }
        }

        /// <summary>
        /// One finding per call site: an SDK operation that is the receiver or an argument of another SDK operation in the same
        /// expression (<c>client.GetChatClient(m).CompleteChat(new UserChatMessage(q))</c>) is reported through the outermost one.
        /// </summary>
        private static bool IsPartOfLargerCall(IOperation operation, ServiceSymbolIndex.Matcher matcher)
        {
            for (var parent = operation.Parent; parent != null; parent = parent.Parent)
            {
                switch (parent.Kind)
                {
                    case OperationKind.Block:
                    case OperationKind.AnonymousFunction:
                    case OperationKind.LocalFunction:
                    case OperationKind.MethodBody:
                    case OperationKind.ConstructorBody:
                    case OperationKind.ExpressionStatement:
                    case OperationKind.VariableDeclarationGroup:
                    case OperationKind.Return:
                        return false;
                    case OperationKind.Invocation:
                    case OperationKind.ObjectCreation:
                    case OperationKind.MethodReference:
                    case OperationKind.PropertyReference:
                    case OperationKind.FieldReference:
                    case OperationKind.EventReference:
                        if (Match(parent, matcher, out _) != null)
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>
        /// What the call asks the service to do: the catalog's task for the member called or the type created
        /// (<c>ImageClient.GenerateImage</c>, <c>AsIEmbeddingGenerator</c>), else the task of a closed model id passed to it
        /// (<c>GetAudioClient("whisper-1")</c>). Runs only for findings.
        /// </summary>
        private static string? TaskOf(IOperation operation, ISymbol subject, CatalogSnapshot snapshot)
        {
            if (subject is IMethodSymbol { ReducedFrom: { } reducedFrom })
            {
                subject = reducedFrom;
            }

            // A created type (the user's subclass of an SDK client too) shows its task through itself or a base type.
            var createdType = subject is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor ? constructor.ContainingType : subject as ITypeSymbol;
            for (var type = createdType; type != null; type = type.BaseType)
            {
                if (snapshot.Catalog.TaskOfSymbol(type.ToDisplayString(QualifiedNameFormat)) is { } typeTask)
                {
                    return typeTask.Id;
                }
            }

            if (createdType == null && snapshot.Catalog.TaskOfSymbol(subject.ToDisplayString(QualifiedNameFormat)) is { } memberTask)
            {
                return memberTask.Id;
            }

            var arguments = operation switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };
            foreach (var argument in arguments)
            {
                if (argument.Value.ConstantValue is { HasValue: true, Value: string value } && snapshot.Models.MatchClosed(value) is { Tasks.Count: > 0 } model)
                {
                    return model.Tasks[0];
                }
            }

            return null;
        }

        /// <summary>
        /// Whether the call points an OpenAI-compatible SDK at a server on this machine or network with a constant URL
        /// (<c>AddOpenAIChatCompletion(modelId: "phi3", endpoint: new Uri("http://localhost:11434"))</c>,
        /// <c>OpenAIClientOptions { Endpoint = … }</c>): then it talks to a self-hosted model, not to the vendor (a closed model id
        /// sent there is still LG1003). Looks at endpoint-like arguments and properties of the call, and at the initializers of the
        /// locals that feed them or that hold the client it is called on (their single value), two steps back at most. Runs only for findings.
        /// </summary>
        private static bool PointsAtLocalServer(IOperation operation)
        {
            var pending = new Stack<(IOperation Operation, int Depth)>();
            pending.Push((operation, 0));
            var followed = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            while (pending.Count > 0)
            {
                var (current, depth) = pending.Pop();
                foreach (var node in current.DescendantsAndSelf())
                {
                    bool atEndpoint = node == current ? depth > 0 : IsEndpointPosition(node);
                    if (atEndpoint && node.ConstantValue is { HasValue: true, Value: string url } && LocalEndpoint.IsLocalUrl(url))
                    {
                        return true;
                    }

                    if (depth < 2 && node is ILocalReferenceOperation local && (atEndpoint || IsReceiver(node)) && followed.Add(local.Local)
                        && IntraMethod.SingleValue(local.Local, operation) is { } value)
                    {
                        pending.Push((value, depth + 1));
                    }
                }
            }

            return false;
        }

        private static bool IsEndpointPosition(IOperation node)
        {
            var parent = node.Parent;
            while (parent is IConversionOperation || parent is IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IArgumentOperation { Parameter: { } parameter }:
                    return IsEndpointName(parameter.Name) || parameter.Type.Name == "Uri" || parameter.Type.Name.EndsWith("Options", System.StringComparison.Ordinal);
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property }:
                    return IsEndpointName(property.Property.Name);
                default:
                    return false;
            }
        }

        private static bool IsEndpointName(string name) =>
            name.IndexOf("endpoint", System.StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("url", System.StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("uri", System.StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("address", System.StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("host", System.StringComparison.OrdinalIgnoreCase) >= 0;

        private static bool IsReceiver(IOperation node) =>
            (node.Parent is IInvocationOperation invocation && invocation.Instance == node)
            || (node.Parent is IPropertyReferenceOperation property && property.Instance == node)
            || (node.Parent is IArgumentOperation argument && argument.Parent is IInvocationOperation { TargetMethod.IsExtensionMethod: true } extension && extension.Arguments.Length > 0 && extension.Arguments[0] == argument);

        private static readonly SymbolDisplayFormat QualifiedNameFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.None,
            memberOptions: SymbolDisplayMemberOptions.IncludeContainingType);

        private static string Describe(ISymbol symbol)
        {
            if (symbol is IMethodSymbol method)
            {
                if (method.ReducedFrom != null)
                {
                    method = method.ReducedFrom;
                }

                if (method.MethodKind == MethodKind.Constructor)
                {
                    return "new " + method.ContainingType.Name;
                }

                symbol = method;
            }

            return symbol.ContainingType == null ? symbol.Name : symbol.ContainingType.Name + "." + symbol.Name;
        }
    }
}
