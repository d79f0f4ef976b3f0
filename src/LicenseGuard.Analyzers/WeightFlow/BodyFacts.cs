using System;
using System.Collections.Generic;
using System.Linq;
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
                    case IInvocationOperation read when read.TargetMethod.Name.StartsWith("Read", StringComparison.Ordinal):
                        foreach (var argument in read.Arguments)
                        {
                            if (argument.Parameter?.Name is "buffer" or "buffers" && Unwrap(argument.Value) is ILocalReferenceOperation buffer)
                            {
                                Add(buffer.Local, operation);
                            }
                        }

                        break;
                }

                if (CheckOf(operation) is { } check)
                {
                    Checks.Add(check);
                }
            }
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

        private static IOperation Unwrap(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value;
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
