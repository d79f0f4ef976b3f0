using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LicenseGuard.Catalog;
using LicenseGuard.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LicenseGuard.Analyzers.Rules
{
    /// <summary>LG2002: code that copies, archives, uploads or serves model weights. See docs/rules/LG2002.md.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ModelWeightsCopiedAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>
        /// APIs that move a file or folder somewhere else: (type, method) → what the call does. The source path is the string
        /// argument whose parameter is named like a source; FileInfo methods take it from the FileInfo's construction.
        /// </summary>
        private static readonly Dictionary<string, string> Apis = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["System.IO.File.Copy"] = "copies",
            ["System.IO.File.Move"] = "moves",
            ["System.IO.Directory.Move"] = "moves",
            ["System.IO.FileInfo.CopyTo"] = "copies",
            ["System.IO.FileInfo.MoveTo"] = "moves",
            ["System.IO.Compression.ZipFile.CreateFromDirectory"] = "archives",
            ["System.IO.Compression.ZipFileExtensions.CreateEntryFromFile"] = "archives",
            ["Azure.Storage.Blobs.BlobClient.Upload"] = "uploads",
            ["Azure.Storage.Blobs.BlobClient.UploadAsync"] = "uploads",
            ["Amazon.S3.Transfer.TransferUtility.Upload"] = "uploads",
            ["Amazon.S3.Transfer.TransferUtility.UploadAsync"] = "uploads",
            ["Microsoft.AspNetCore.Http.Results.File"] = "serves",
            ["Microsoft.AspNetCore.Http.Results.PhysicalFile"] = "serves",
            ["Microsoft.AspNetCore.Http.TypedResults.PhysicalFile"] = "serves",
            ["Microsoft.AspNetCore.Mvc.ControllerBase.File"] = "serves",
            ["Microsoft.AspNetCore.Mvc.ControllerBase.PhysicalFile"] = "serves",
            ["Microsoft.AspNetCore.Http.SendFileResponseExtensions.SendFileAsync"] = "serves",
            ["System.IO.Stream.CopyTo"] = "serves",
            ["System.IO.Stream.CopyToAsync"] = "serves",
        };

        // The method names alone: the syntax-level filter every invocation meets before any semantic question.
        private static readonly HashSet<string> MethodNames = new HashSet<string>(Apis.Keys.Select(k => k.Substring(k.LastIndexOf('.') + 1)), StringComparer.Ordinal);

        private static readonly HashSet<string> SourceParameters = new HashSet<string>(StringComparer.Ordinal)
        {
            "sourceFileName", "sourceDirName", "sourceDirectoryName", "path", "physicalPath", "filePath", "fileName",
        };

        private static readonly HashSet<string> WeightFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "models", "model", "weights", "checkpoints" };

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

                // Syntax first: only an invocation of one of the method names, or a creation that may be a StreamContent, asks the
                // semantic model for its operation (no operation tree is needed for the rest of the compilation).
                var baseline = BaselineSnapshot.Get(start.Options, start.CancellationToken);
                start.RegisterSyntaxNodeAction(c => AnalyzeInvocation(c, access, baseline), SyntaxKind.InvocationExpression);
                start.RegisterSyntaxNodeAction(c => AnalyzeStreamContent(c, access, baseline), SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
            });
        }

        private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, CatalogAccess access, BaselineSnapshot baseline)
        {
            var expression = ((InvocationExpressionSyntax)context.Node).Expression;
            var name = expression is MemberAccessExpressionSyntax memberAccess ? memberAccess.Name
                : expression is MemberBindingExpressionSyntax memberBinding ? memberBinding.Name
                : expression as SimpleNameSyntax;
            if (name == null || !MethodNames.Contains(name.Identifier.ValueText))
            {
                return;
            }

            context.CancellationToken.ThrowIfCancellationRequested();
            if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IInvocationOperation invocation)
            {
                return;
            }

            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            if (!MethodNames.Contains(method.Name) || method.ContainingType == null)
            {
                return;
            }

            string typeName = method.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
            if (!Apis.TryGetValue(typeName + "." + method.Name, out var verb))
            {
                return;
            }

            if (method.Name.StartsWith("CopyTo", StringComparison.Ordinal) && typeName == "System.IO.Stream" && !WritesToHttpResponse(invocation))
            {
                return;
            }

            string? path = SourcePath(invocation);
            if (path != null)
            {
                Report(context, access, baseline, invocation, method.ContainingType.Name + "." + method.Name, verb, path);
            }
        }

        /// <summary><c>new StreamContent(stream)</c> on a stream opened on weights: an HTTP upload (PUT/POST) of the file.</summary>
        private static void AnalyzeStreamContent(SyntaxNodeAnalysisContext context, CatalogAccess access, BaselineSnapshot baseline)
        {
            // StreamContent's constructors all take the stream; an explicit creation names the type.
            var arguments = context.Node is BaseObjectCreationExpressionSyntax creationSyntax ? creationSyntax.ArgumentList : null;
            if (arguments == null || arguments.Arguments.Count == 0
                || (context.Node is ObjectCreationExpressionSyntax { Type: var type } && LastIdentifier(type) != "StreamContent"))
            {
                return;
            }

            if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IObjectCreationOperation creation)
            {
                return;
            }

            if (creation.Type?.Name != "StreamContent" || creation.Type.ToDisplayString() != "System.Net.Http.StreamContent" || creation.Arguments.Length == 0)
            {
                return;
            }

            string? path = StreamSource(creation.Arguments[0].Value, creation, Budget);
            if (path != null)
            {
                Report(context, access, baseline, creation, "new StreamContent", "uploads", path);
            }
        }

        private static string? LastIdentifier(TypeSyntax type) => type switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };

        private static void Report(SyntaxNodeAnalysisContext context, CatalogAccess access, BaselineSnapshot baseline, IOperation operation, string api, string verb, string path)
        {
            if (!MayNameWeights(path, access.Digest))
            {
                return; // most copied files (reports, configs) end here, without the catalog
            }

            var snapshot = access.Snapshot;
            if (!NamesWeights(path, snapshot.Catalog, out var what, out var model))
            {
                return;
            }

            var severity = snapshot.SeverityFor(Descriptors.ModelWeightsCopied, model?.Severity);
            if (severity == null || snapshot.Catalog.GetRule(DiagnosticIds.ModelWeightsCopied).Ignore.Any(p => Glob.IsMatch(p, path)))
            {
                return;
            }

            string condition = model == null
                ? "check their licence before you ship them"
                : $"{model.Name} is licensed {model.License} ({snapshot.Catalog.ClassOf(model.License)})";
            var diagnostic = Diagnostic.Create(
                Descriptors.ModelWeightsCopied,
                operation.Syntax.GetLocation(),
                severity.Value,
                null,
                ImmutableDictionary<string, string?>.Empty.Add("path", path).Add("model", model?.Id).Add("license", model?.License),
                api, verb, path, what, condition);
            if (!baseline.Covers(diagnostic))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        /// <summary>Stream.CopyTo(Async) into <c>HttpResponse.Body</c>: a weight file streamed to a client.</summary>
        private static bool WritesToHttpResponse(IInvocationOperation invocation)
        {
            var destination = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "destination")?.Value;
            while (destination is IConversionOperation conversion)
            {
                destination = conversion.Operand;
            }

            return destination is IPropertyReferenceOperation property && property.Property.Name == "Body"
                && property.Property.ContainingType.ToDisplayString() == "Microsoft.AspNetCore.Http.HttpResponse";
        }

        /// <summary>How many steps the path tracing may take per call: locals, fields, Path.Combine, loops (stays cheap per method).</summary>
        private const int Budget = 12;

        /// <summary>The source path of the call as far as the method shows it (see <see cref="PathOf"/>), or null.</summary>
        private static string? SourcePath(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter != null && SourceParameters.Contains(argument.Parameter.Name) && argument.Parameter.Type.SpecialType == SpecialType.System_String)
                {
                    return PathOf(argument.Value, invocation, Budget);
                }
            }

            // An upload of a stream (BlobClient.UploadAsync(stream), TransferUtility.Upload(stream, …)): where the stream was opened.
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.ToDisplayString() == "System.IO.Stream" && StreamSource(argument.Value, invocation, Budget) is { } opened)
                {
                    return opened;
                }
            }

            // FileInfo.CopyTo/MoveTo and Stream.CopyTo: the source is the path the FileInfo or stream was opened with.
            return invocation.Instance == null ? null : StreamSource(invocation.Instance, invocation, Budget);
        }

        /// <summary>The path a stream or FileInfo was opened on: <c>File.OpenRead(p)</c>, <c>new FileStream(p, …)</c>, <c>new FileInfo(p)</c>.</summary>
        private static string? StreamSource(IOperation value, IOperation at, int budget)
        {
            value = IntraMethod.Unwrap(Resolve(IntraMethod.Unwrap(value), at, ref budget));
            return value switch
            {
                IObjectCreationOperation creation when creation.Arguments.Length > 0 && creation.Type?.Name is "FileStream" or "FileInfo"
                    => PathOf(creation.Arguments[0].Value, at, budget - 1),
                IInvocationOperation open when open.TargetMethod.ContainingType?.ToDisplayString() == "System.IO.File" && open.TargetMethod.Name.StartsWith("Open", StringComparison.Ordinal) && open.Arguments.Length > 0
                    => PathOf(open.Arguments[0].Value, at, budget - 1),
                _ => null,
            };
        }

        /// <summary>
        /// The path a value holds as far as the method shows it: constants; interpolations (holes as <c>{}</c>); a local's
        /// initializer or assignment; a readonly field's literal initializer; <c>Path.Combine</c>/<c>Path.Join</c>; the file name of
        /// <c>Path.GetFileName</c>; a <c>foreach</c> over <c>Directory.EnumerateFiles(dir, "*.safetensors")</c> (the search pattern);
        /// and a path that the method checks with <c>EndsWith(".gguf")</c> before using it.
        /// </summary>
        private static string? PathOf(IOperation value, IOperation at, int budget)
        {
            if (--budget < 0)
            {
                return null;
            }

            value = IntraMethod.Unwrap(value);
            if (value.ConstantValue.HasValue)
            {
                return value.ConstantValue.Value as string;
            }

            switch (value)
            {
                case IInterpolatedStringOperation interpolated:
                    return string.Concat(interpolated.Parts.Select(p => p is IInterpolatedStringTextOperation text ? text.Text.ConstantValue.Value as string : "{}"));
                case IInvocationOperation call when call.TargetMethod.ContainingType?.ToDisplayString() == "System.IO.Path":
                    switch (call.TargetMethod.Name)
                    {
                        case "Combine":
                        case "Join":
                            var parts = call.Arguments.SelectMany(a => a.Value is IArrayCreationOperation array && array.Initializer != null ? array.Initializer.ElementValues : ImmutableArray.Create(a.Value))
                                .Select(part => PathOf(part, at, budget) ?? "{}").ToList();
                            return parts.Count == 0 || parts[parts.Count - 1] == "{}" ? null : string.Join("/", parts);
                        case "GetFileName":
                            return call.Arguments.Length == 1 ? PathOf(call.Arguments[0].Value, at, budget) : null;
                        default:
                            return null;
                    }

                case ILocalReferenceOperation local:
                    return ForEachPattern(local.Local, at) ?? PathOf(Resolve(local, at, ref budget), at, budget) ?? CheckedExtension(local.Local, at);
                case IParameterReferenceOperation parameter:
                    return CheckedExtension(parameter.Parameter, at);
                case IFieldReferenceOperation field when field.Field.IsReadOnly:
                    return field.Field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal }
                        ? literal.Token.ValueText
                        : null;
                default:
                    return null;
            }
        }

        /// <summary>A local's value: its initializer, else the one assignment the method makes to it.</summary>
        private static IOperation Resolve(IOperation value, IOperation at, ref int budget) =>
            value is ILocalReferenceOperation local && --budget >= 0 ? IntraMethod.SingleValue(local.Local, at) ?? value : value;

        /// <summary>The search pattern of the file enumeration a <c>foreach</c> variable walks (<c>*.safetensors</c>).</summary>
        private static string? ForEachPattern(ILocalSymbol local, IOperation at)
        {
            foreach (var loop in IntraMethod.Body(at).Descendants().OfType<IForEachLoopOperation>())
            {
                if (!loop.Locals.Contains(local, SymbolEqualityComparer.Default))
                {
                    continue;
                }

                if (IntraMethod.Unwrap(loop.Collection) is IInvocationOperation files && files.TargetMethod.ContainingType?.ToDisplayString() == "System.IO.Directory"
                    && (files.TargetMethod.Name is "EnumerateFiles" or "GetFiles"))
                {
                    var pattern = files.Arguments.FirstOrDefault(a => a.Parameter?.Name == "searchPattern")?.Value;
                    return pattern?.ConstantValue.Value as string;
                }
            }

            return null;
        }

        /// <summary>A path the method checks with <c>EndsWith</c> against a weight extension before using it (<c>{}.gguf</c>).</summary>
        private static string? CheckedExtension(ISymbol symbol, IOperation at)
        {
            foreach (var call in IntraMethod.Body(at).Descendants().OfType<IInvocationOperation>())
            {
                if (call.TargetMethod.Name == "EndsWith" && call.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
                    && IntraMethod.Unwrap(call.Instance) is { } receiver && ReferencedSymbol(receiver) is { } checkedSymbol && SymbolEqualityComparer.Default.Equals(checkedSymbol, symbol)
                    && call.Arguments.Length > 0 && call.Arguments[0].Value.ConstantValue.Value is string extension && WeightFileNames.HasWeightExtension("x" + extension))
                {
                    return "{}" + extension;
                }
            }

            return null;
        }

        private static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };

        /// <summary>A necessary condition for <see cref="NamesWeights"/>, from the digest's file patterns.</summary>
        private static bool MayNameWeights(string path, CatalogDigest digest)
        {
            string name = LastSegment(path);
            return WeightFileNames.HasWeightExtension(name) || WeightFolders.Contains(name) || digest.ModelFiles.Any(pattern => Glob.IsMatch(pattern, name));
        }

        private static bool NamesWeights(string path, RulesCatalog catalog, out string what, out ModelEntry? model)
        {
            string name = LastSegment(path);
            model = catalog.Models.FirstOrDefault(m => m.Files.Any(pattern => Glob.IsMatch(pattern, name)));
            string extension = Path.GetExtension(name);
            if (model != null)
            {
                what = $"the {model.Name} weights";
                return true;
            }

            if (WeightFileNames.HasWeightExtension(name))
            {
                what = $"a {extension} model-weight file";
                return true;
            }

            if (WeightFolders.Contains(name))
            {
                what = $"the '{name}' folder of model weights";
                return true;
            }

            what = string.Empty;
            return false;
        }

        /// <summary>The file or folder name a path ends with, for either separator.</summary>
        private static string LastSegment(string path)
        {
            string normalized = path.Replace('\\', '/').TrimEnd('/');
            return normalized.Substring(normalized.LastIndexOf('/') + 1);
        }
    }
}
