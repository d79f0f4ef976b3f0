using System;
using System.Threading;
using LicenseGuard.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace LicenseGuard.Analyzers
{
    /// <summary>
    /// Whether a string value stands where code keeps a model id. Bare short ids (<c>"o3"</c>) are model ids only there: the same
    /// two characters are a pollutant code, a grade or a version label anywhere else. A model position is a parameter, variable,
    /// field, property, member or key whose name says model, deployment or engine (<see cref="ModelIdIndex.NamesModel"/>), reached
    /// through conversions, conditionals, array and collection elements and switch arms; or a value returned by a member so named.
    /// </summary>
    internal static class ModelPosition
    {
        private const int MaxSteps = 12;

        public static bool Holds(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            var operation = semanticModel.GetOperation(node, cancellationToken);
            return operation != null && Holds(operation, semanticModel, cancellationToken);
        }

        public static bool Holds(IOperation operation, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            var value = operation;
            for (int step = 0; step < MaxSteps && value.Parent is { } parent; step++, value = parent)
            {
                switch (parent)
                {
                    case IConversionOperation _:
                    case IParenthesizedOperation _:
                    case ICoalesceOperation _:
                    case IArrayInitializerOperation _:
                    case IArrayCreationOperation _:
                    case ISwitchExpressionArmOperation _:
                    case ISwitchExpressionOperation _:
                    case IConditionalOperation { Condition: var condition } when condition != value:
                        continue;
                    case var _ when parent.Syntax.IsKind(SyntaxKind.CollectionExpression) || parent.Syntax.IsKind(SyntaxKind.ExpressionElement):
                        continue; // collection expressions have no public operation interface in the Roslyn the analyzer builds against
                    case IArgumentOperation argument:
                        return NamesModel(argument.Parameter?.Name) || SiblingNamesModel(argument);
                    case ISimpleAssignmentOperation assignment when assignment.Value == value:
                        return NamesModel(assignment.Target);
                    case IVariableInitializerOperation _ when parent.Parent is IVariableDeclaratorOperation declarator:
                        return NamesModel(declarator.Symbol.Name);
                    case IFieldInitializerOperation field:
                        return field.InitializedFields.Length > 0 && NamesModel(field.InitializedFields[0].Name);
                    case IPropertyInitializerOperation property:
                        return property.InitializedProperties.Length > 0 && NamesModel(property.InitializedProperties[0].Name);
                    case IParameterInitializerOperation parameter:
                        return NamesModel(parameter.Parameter.Name);
                    case IReturnOperation _:
                        return NamesModel(semanticModel.GetEnclosingSymbol(parent.Syntax.SpanStart, cancellationToken)?.Name);
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                        return NamesModel(comparison.LeftOperand == value ? comparison.RightOperand : comparison.LeftOperand);
                    case ISingleValueCaseClauseOperation _ when parent.Parent?.Parent is ISwitchOperation @switch:
                        return NamesModel(@switch.Value);
                    case IConstantPatternOperation _:
                        return NamesModel(PatternInput(parent));
                    case ITupleOperation tuple:
                        return TupleKeyNamesModel(tuple, value);
                    default:
                        return false;
                }
            }

            return false;
        }

        private static bool NamesModel(string? name) => name != null && ModelIdIndex.NamesModel(name);

        /// <summary>The name a value is known by: a local, parameter, field or property, or a dictionary/indexer key given as a constant.</summary>
        private static bool NamesModel(IOperation? target)
        {
            while (target is IConversionOperation conversion)
            {
                target = conversion.Operand;
            }

            switch (target)
            {
                case ILocalReferenceOperation local:
                    return NamesModel(local.Local.Name);
                case IParameterReferenceOperation parameter:
                    return NamesModel(parameter.Parameter.Name);
                case IFieldReferenceOperation field:
                    return NamesModel(field.Field.Name);
                case IPropertyReferenceOperation property when property.Arguments.Length == 0:
                    return NamesModel(property.Property.Name);
                case IPropertyReferenceOperation indexer:
                    return indexer.Arguments.Length == 1 && indexer.Arguments[0].Value.ConstantValue.Value is string key && NamesModel(key);
                case IInvocationOperation invocation:
                    return NamesModel(invocation.TargetMethod.Name);
                default:
                    return false;
            }
        }

        /// <summary>A key given beside the value: <c>Add("model", "o3")</c>, <c>SetEnvironmentVariable("OPENAI_MODEL", "o3")</c>.</summary>
        private static bool SiblingNamesModel(IArgumentOperation argument)
        {
            if (!(argument.Parent is IInvocationOperation or IObjectCreationOperation))
            {
                return false;
            }

            foreach (var child in argument.Parent.ChildOperations)
            {
                if (child != argument && child is IArgumentOperation sibling && sibling.Value.ConstantValue.Value is string key && NamesModel(key))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool TupleKeyNamesModel(ITupleOperation tuple, IOperation value)
        {
            foreach (var element in tuple.Elements)
            {
                if (element != value && element.ConstantValue.Value is string key && NamesModel(key))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>What a constant pattern is matched against: <c>model is "o3"</c>, <c>model switch { "o3" =&gt; … }</c>.</summary>
        private static IOperation? PatternInput(IOperation pattern)
        {
            for (var parent = pattern.Parent; parent != null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IIsPatternOperation isPattern:
                        return isPattern.Value;
                    case ISwitchExpressionOperation switchExpression:
                        return switchExpression.Value;
                    case IPatternCaseClauseOperation _ when parent.Parent?.Parent is ISwitchOperation @switch:
                        return @switch.Value;
                    case IPatternOperation _:
                    case ISwitchExpressionArmOperation _:
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }
    }
}
