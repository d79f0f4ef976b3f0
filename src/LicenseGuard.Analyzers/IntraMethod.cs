using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LicenseGuard.Analyzers
{
    /// <summary>Intra-method value tracing over the operation tree, shared by the rules that follow a value to where it is formed.</summary>
    internal static class IntraMethod
    {
        /// <summary>The body the operation is in (method, lambda or local function), for intra-method tracing.</summary>
        public static IOperation Body(IOperation operation)
        {
            var root = operation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            return root;
        }

        /// <summary>A local's value: its initializer, else the one assignment the method makes to it; null when it is assigned more than once.</summary>
        public static IOperation? SingleValue(ILocalSymbol local, IOperation at)
        {
            IOperation? assigned = null;
            foreach (var operation in Body(at).Descendants())
            {
                if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    assigned = declarator.Initializer?.Value ?? assigned;
                }
                else if (operation is ISimpleAssignmentOperation assignment && assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local))
                {
                    if (assigned != null)
                    {
                        return null;
                    }

                    assigned = assignment.Value;
                }
            }

            return assigned;
        }

        /// <summary>The operand under implicit and explicit conversions.</summary>
        public static IOperation Unwrap(IOperation? value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value!;
        }
    }
}
