using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGuard.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LicenseGuard.Analyzers.WeightFlow
{
    /// <summary>
    /// One pass over a method body (or field initializer): what it writes to each local (declarations, assignments,
    /// deconstructions, <c>foreach</c> variables, buffers filled by <c>Read</c>), what it assigns to members of a local object,
    /// and the comparisons with a weight marker (<c>EndsWith(".gguf")</c>, <c>Kind == "weights"</c>). Traces through the body
    /// look these up instead of walking it again.
    /// </summary>
    internal sealed class BodyFacts
    {
        private static readonly IReadOnlyList<IOperation> None = Array.Empty<IOperation>();
        private readonly Dictionary<ILocalSymbol, List<IOperation>> writes = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, List<IOperation>> writtenInto = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, ILocalSymbol> wrapped = new Dictionary<ILocalSymbol, ILocalSymbol>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, List<ISimpleAssignmentOperation>> memberWrites = new Dictionary<ILocalSymbol, List<ISimpleAssignmentOperation>>(SymbolEqualityComparer.Default);

        public BodyFacts(IOperation body)
        {
            foreach (var operation in body.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer: not null } declarator:
                        Add(declarator.Symbol, operation);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target }:
                        Add(target.Local, operation);
                        break;
                    case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: ILocalReferenceOperation owner } } assignment:
                        if (!memberWrites.TryGetValue(owner.Local, out var list))
                        {
                            memberWrites[owner.Local] = list = new List<ISimpleAssignmentOperation>();
                        }

                        list.Add(assignment);
                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        foreach (var local in deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                        {
                            Add(local.Local, operation);
                        }

                        break;
                    case IForEachLoopOperation loop:
                        foreach (var local in loop.Locals)
                        {
                            Add(local, operation);
                        }

                        break;
                    case IInvocationOperation call when call.Arguments.Any(a => a.Parameter?.RefKind == RefKind.Out):
                        foreach (var argument in call.Arguments)
                        {
                            var value = argument.Value is IDeclarationExpressionOperation declaration ? declaration.Expression : argument.Value;
                            if (argument.Parameter?.RefKind == RefKind.Out && value is ILocalReferenceOperation local)
                            {
                                Add(local.Local, operation);
                            }
                        }

                        break;
                    case IInvocationOperation copy when copy.TargetMethod.Name is "BlockCopy" or "Copy" or "CopyTo" or "TryCopyTo" && CopyTarget(copy) is { } copiedInto:
                        Add(copiedInto, operation);
                        break;
                    case IInvocationOperation read when read.TargetMethod.Name.StartsWith("Read", StringComparison.Ordinal):
                        foreach (var argument in read.Arguments)
                        {
                            if (argument.Parameter?.Name is "buffer" or "buffers" && IntraMethod.Unwrap(argument.Value) is ILocalReferenceOperation buffer)
                            {
                                Add(buffer.Local, operation);
                            }
                            else if (argument.Parameter?.Name is "buffer" or "buffers" && IntraMethod.Unwrap(argument.Value) is IInvocationOperation { TargetMethod.Name: "AsMemory" or "AsSpan" } view
                                && view.Arguments.FirstOrDefault()?.Value is { } viewed && IntraMethod.Unwrap(viewed) is ILocalReferenceOperation viewedBuffer)
                            {
                                Add(viewedBuffer.Local, operation);
                            }
                        }

                        break;
                }

                NoteWriteInto(operation);
                if (CheckOf(operation) is { } check)
                {
                    Checks.Add(check);
                }
            }
        }

        /// <summary>The data the body writes into a local stream or archive, or into a stream or archive made over it.</summary>
        public IEnumerable<IOperation> WrittenInto(ILocalSymbol local)
        {
            if (writtenInto.TryGetValue(local, out var direct))
            {
                foreach (var data in direct)
                {
                    yield return data;
                }
            }

            foreach (var pair in wrapped)
            {
                if (SymbolEqualityComparer.Default.Equals(pair.Value, local) && !SymbolEqualityComparer.Default.Equals(pair.Key, local) && writtenInto.TryGetValue(pair.Key, out var through))
                {
                    foreach (var data in through)
                    {
                        yield return data;
                    }
                }
            }
        }

        // stream.Write(data) / source.CopyTo(stream) / archive.CreateEntryFromFile(file, …), and `var zip = new ZipArchive(stream, …)`.
        private void NoteWriteInto(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation { Instance: { } instance } write when write.TargetMethod.Name.StartsWith("Write", StringComparison.Ordinal) && IntraMethod.Unwrap(instance) is ILocalReferenceOperation target && write.Arguments.Length > 0:
                    AddWrite(target.Local, write.Arguments[0].Value);
                    break;
                case IInvocationOperation { Instance: { } source } copy when copy.TargetMethod.Name.StartsWith("CopyTo", StringComparison.Ordinal)
                    && copy.Arguments.FirstOrDefault(a => a.Parameter?.Name == "destination")?.Value is { } destination && IntraMethod.Unwrap(destination) is ILocalReferenceOperation into:
                    AddWrite(into.Local, source);
                    break;
                case IInvocationOperation entry when entry.TargetMethod.Name.StartsWith("CreateEntryFromFile", StringComparison.Ordinal)
                    && entry.Arguments.FirstOrDefault(a => a.Parameter?.Name == "destination")?.Value is { } archive && IntraMethod.Unwrap(archive) is ILocalReferenceOperation zip
                    && entry.Arguments.FirstOrDefault(a => a.Parameter?.Name == "sourceFileName")?.Value is { } file:
                    AddWrite(zip.Local, file);
                    break;
                case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator when IntraMethod.Unwrap(value) is IObjectCreationOperation creation
                    && creation.Arguments.FirstOrDefault()?.Value is { } inner && IntraMethod.Unwrap(inner) is ILocalReferenceOperation stream && IsWrittenTo(stream.Local.Type):
                    wrapped[declarator.Symbol] = stream.Local;
                    break;
            }
        }

        /// <summary>A stream or archive: what is written into it (or into a stream or archive made over it) is what it holds.</summary>
        public static bool IsWrittenTo(ITypeSymbol type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (current.ToDisplayString() is "System.IO.Stream" or "System.IO.Compression.ZipArchive" or "System.Formats.Tar.TarWriter")
                {
                    return true;
                }
            }

            return false;
        }

        private void AddWrite(ILocalSymbol local, IOperation data)
        {
            if (!writtenInto.TryGetValue(local, out var list))
            {
                writtenInto[local] = list = new List<IOperation>();
            }

            list.Add(data);
        }

        /// <summary>Gets the comparisons of a value (or a member of it) with a weight marker, in body order.</summary>
        public List<(IOperation Operation, IOperation Subject)> Checks { get; } = new List<(IOperation, IOperation)>();

        public IReadOnlyList<IOperation> WritesOf(ILocalSymbol local) => writes.TryGetValue(local, out var list) ? list : None;

        public IReadOnlyList<ISimpleAssignmentOperation> MemberWritesOn(ILocalSymbol local) =>
            memberWrites.TryGetValue(local, out var list) ? list : (IReadOnlyList<ISimpleAssignmentOperation>)Array.Empty<ISimpleAssignmentOperation>();

        private void Add(ILocalSymbol local, IOperation operation)
        {
            if (!writes.TryGetValue(local, out var list))
            {
                writes[local] = list = new List<IOperation>();
            }

            list.Add(operation);
        }

        /// <summary>The local buffer a copy writes into (<c>Buffer.BlockCopy(src, 0, datagram, 4, n)</c>, <c>chunk.CopyTo(datagram.AsSpan(4))</c>), or null.</summary>
        private static ILocalSymbol? CopyTarget(IInvocationOperation copy)
        {
            var destination = copy.Arguments.FirstOrDefault(a => a.Parameter?.Name is "dst" or "destinationArray" or "destination")?.Value;
            if (destination == null || copy.TargetMethod.ContainingType?.ContainingNamespace?.ToDisplayString() != "System")
            {
                return null;
            }

            destination = IntraMethod.Unwrap(destination);
            while (destination is IInvocationOperation { TargetMethod.Name: "AsSpan" or "AsMemory" or "Slice" } view)
            {
                destination = IntraMethod.Unwrap(view.Instance ?? view.Arguments.FirstOrDefault()?.Value);
            }

            return destination is ILocalReferenceOperation local && local.Type is IArrayTypeSymbol ? local.Local : null;
        }

        /// <summary>A regular expression's pattern when it names a weight extension (<c>\.(gguf|onnx)$</c>): the marker it checks for, or null.</summary>
        private static string? RegexMarker(IInvocationOperation match)
        {
            var patterns = new List<string>();
            if (match.Arguments.FirstOrDefault(a => a.Parameter?.Name == "pattern")?.Value.ConstantValue.Value is string direct)
            {
                patterns.Add(direct);
            }

            switch (match.Instance == null ? null : IntraMethod.Unwrap(match.Instance))
            {
                case IMemberReferenceOperation member:
                    foreach (var reference in member.Member.DeclaringSyntaxReferences)
                    {
                        patterns.AddRange(reference.GetSyntax().DescendantTokens().Where(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralToken)).Select(t => t.ValueText));
                    }

                    break;
                case IInvocationOperation generated:
                    // A [GeneratedRegex("…")] method.
                    patterns.AddRange(generated.TargetMethod.GetAttributes().SelectMany(a => a.ConstructorArguments).Select(c => c.Value as string).Where(p => p != null)!);
                    break;
                case IObjectCreationOperation created:
                    patterns.AddRange(created.Arguments.Select(a => a.Value.ConstantValue.Value as string).Where(p => p != null)!);
                    break;
            }

            foreach (string pattern in patterns)
            {
                string text = pattern.Replace("\\.", ".").ToLowerInvariant();
                foreach (string extension in WeightFileNames.Extensions)
                {
                    int at = text.IndexOf(extension.TrimStart('.').ToLowerInvariant(), StringComparison.Ordinal);
                    if (at > 0 && !char.IsLetterOrDigit(text[at - 1]) && (at + extension.Length - 1 >= text.Length || !char.IsLetterOrDigit(text[at + extension.Length - 1])))
                    {
                        return extension;
                    }
                }
            }

            return null;
        }

        /// <summary>A comparison with a weight marker and what it compares, or null.</summary>
        private static (IOperation Operation, IOperation Subject)? CheckOf(IOperation operation)
        {
            string? marker = null;
            IOperation? subject = null;
            switch (operation)
            {
                case IInvocationOperation call when call.TargetMethod.Name is "EndsWith" or "Equals" or "Contains" && call.Arguments.Length > 0:
                    marker = call.Arguments.Select(a => a.Value.ConstantValue.Value as string).FirstOrDefault(s => s != null);
                    subject = call.Instance ?? call.Arguments.FirstOrDefault(a => a.Value.ConstantValue.Value is not string)?.Value;
                    break;
                case IInvocationOperation match when match.TargetMethod.Name is "IsMatch" or "Match" && match.TargetMethod.ContainingType?.ToDisplayString() == "System.Text.RegularExpressions.Regex":
                    marker = RegexMarker(match);
                    subject = match.Arguments.FirstOrDefault(a => a.Parameter?.Name == "input")?.Value;
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                    marker = comparison.RightOperand.ConstantValue.Value as string ?? comparison.LeftOperand.ConstantValue.Value as string;
                    subject = comparison.RightOperand.ConstantValue.HasValue ? comparison.LeftOperand : comparison.RightOperand;
                    break;
                case IPropertySubpatternOperation subpattern:
                    marker = new[] { subpattern.Pattern }.Concat(subpattern.Pattern.Descendants()).OfType<IConstantPatternOperation>()
                        .Select(p => p.Value.ConstantValue.Value as string).FirstOrDefault(c => c != null && WeightTrace.IsWeightMarker(c));
                    subject = subpattern.Parent is IRecursivePatternOperation recursive ? recursive.Parent : null;
                    subject = subject is IIsPatternOperation isPattern ? isPattern.Value : null;
                    break;
            }

            return marker != null && subject != null && WeightTrace.IsWeightMarker(marker) ? (operation, subject) : null;
        }
    }
}
