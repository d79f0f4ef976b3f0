using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LicenseGuard.Catalog;
using LicenseGuard.Matching;
using Microsoft.CodeAnalysis;
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
        private static readonly Dictionary<(string Type, string Method), string> Apis = new Dictionary<(string, string), string>
        {
            [("System.IO.File", "Copy")] = "copies",
            [("System.IO.File", "Move")] = "moves",
            [("System.IO.Directory", "Move")] = "moves",
            [("System.IO.FileInfo", "CopyTo")] = "copies",
            [("System.IO.FileInfo", "MoveTo")] = "moves",
            [("System.IO.Compression.ZipFile", "CreateFromDirectory")] = "archives",
            [("System.IO.Compression.ZipFileExtensions", "CreateEntryFromFile")] = "archives",
            [("Azure.Storage.Blobs.BlobClient", "Upload")] = "uploads",
            [("Azure.Storage.Blobs.BlobClient", "UploadAsync")] = "uploads",
            [("Amazon.S3.Transfer.TransferUtility", "Upload")] = "uploads",
            [("Amazon.S3.Transfer.TransferUtility", "UploadAsync")] = "uploads",
            [("Microsoft.AspNetCore.Http.Results", "File")] = "serves",
            [("Microsoft.AspNetCore.Http.Results", "PhysicalFile")] = "serves",
            [("Microsoft.AspNetCore.Http.TypedResults", "PhysicalFile")] = "serves",
            [("Microsoft.AspNetCore.Mvc.ControllerBase", "File")] = "serves",
            [("Microsoft.AspNetCore.Mvc.ControllerBase", "PhysicalFile")] = "serves",
            [("Microsoft.AspNetCore.Http.SendFileResponseExtensions", "SendFileAsync")] = "serves",
            [("System.IO.Stream", "CopyTo")] = "serves",
            [("System.IO.Stream", "CopyToAsync")] = "serves",
        };

        private static readonly HashSet<string> MethodNames = new HashSet<string>(Apis.Keys.Select(k => k.Method), StringComparer.Ordinal);

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
                var snapshot = CatalogSnapshot.Get(start.Options, start.CancellationToken);
                if (!snapshot.Catalog.GetRule(DiagnosticIds.ModelWeightsCopied).Enabled)
                {
                    return;
                }

                var baseline = BaselineSnapshot.Get(start.Options, start.CancellationToken);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, snapshot, baseline), OperationKind.Invocation);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, CatalogSnapshot snapshot, BaselineSnapshot baseline)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            if (!MethodNames.Contains(method.Name) || method.ContainingType == null)
            {
                return;
            }

            string typeName = method.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
            if (!Apis.TryGetValue((typeName, method.Name), out var verb))
            {
                return;
            }

            if (method.Name.StartsWith("CopyTo", StringComparison.Ordinal) && typeName == "System.IO.Stream" && !WritesToHttpResponse(invocation))
            {
                return;
            }

            string? path = SourcePath(invocation);
            if (path == null || !NamesWeights(path, snapshot.Catalog, out var what, out var model))
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
                invocation.Syntax.GetLocation(),
                severity.Value,
                null,
                ImmutableDictionary<string, string?>.Empty.Add("path", path).Add("model", model?.Id).Add("license", model?.License),
                method.ContainingType.Name + "." + method.Name, verb, path, what, condition);
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

        /// <summary>The constant source path of the call, if it has one.</summary>
        private static string? SourcePath(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter != null && SourceParameters.Contains(argument.Parameter.Name) && argument.Parameter.Type.SpecialType == SpecialType.System_String)
                {
                    return Constant(argument.Value);
                }
            }

            // FileInfo.CopyTo/MoveTo and Stream.CopyTo: the source is the path the FileInfo or stream was opened with.
            var instance = invocation.Instance;
            if (instance is ILocalReferenceOperation local)
            {
                var declarator = local.Local.DeclaringSyntaxReferences.FirstOrDefault();
                instance = declarator != null && invocation.SemanticModel?.GetOperation(declarator.GetSyntax()) is IVariableDeclaratorOperation variable
                    ? variable.Initializer?.Value
                    : null;
            }

            while (instance is IConversionOperation conversion)
            {
                instance = conversion.Operand;
            }

            return instance switch
            {
                IObjectCreationOperation creation when creation.Arguments.Length > 0 => Constant(creation.Arguments[0].Value),
                IInvocationOperation open when open.TargetMethod.ContainingType?.ToDisplayString() == "System.IO.File" && open.TargetMethod.Name.StartsWith("Open", StringComparison.Ordinal) && open.Arguments.Length > 0
                    => Constant(open.Arguments[0].Value),
                _ => null,
            };
        }

        private static string? Constant(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value.ConstantValue.HasValue)
            {
                return value.ConstantValue.Value as string;
            }

            // Interpolated paths: the constant text is enough to see a file name such as {dir}/model.safetensors.
            if (value is IInterpolatedStringOperation interpolated)
            {
                return string.Concat(interpolated.Parts.Select(p => p is IInterpolatedStringTextOperation text ? text.Text.ConstantValue.Value as string : "{}"));
            }

            return null;
        }

        private static bool NamesWeights(string path, RulesCatalog catalog, out string what, out ModelEntry? model)
        {
            string normalized = path.Replace('\\', '/').TrimEnd('/');
            string name = normalized.Substring(normalized.LastIndexOf('/') + 1);
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
    }
}
