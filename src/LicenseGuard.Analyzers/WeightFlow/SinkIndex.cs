using System;
using System.Collections.Generic;
using LicenseGuard.Catalog;
using Microsoft.CodeAnalysis;

namespace LicenseGuard.Analyzers.WeightFlow
{
    /// <summary>The catalog's sinks keyed by member (<c>M:System.IO.File.Copy</c>, <c>M:System.Net.Http.StreamContent.#ctor</c>).</summary>
    internal sealed class SinkIndex
    {
        private readonly Dictionary<string, SinkEntry> byMember = new Dictionary<string, SinkEntry>(StringComparer.Ordinal);

        public SinkIndex(RulesCatalog catalog)
        {
            foreach (var sink in catalog.Sinks)
            {
                foreach (string member in sink.Members)
                {
                    byMember[member] = sink;
                }
            }
        }

        /// <summary>The sink a method, constructor or property is, looking through overrides to the member the catalog names.</summary>
        public SinkEntry? Find(ISymbol symbol)
        {
            for (var current = symbol; current != null; current = Overridden(current))
            {
                if (current.ContainingType != null && byMember.TryGetValue(KeyOf(current), out var sink))
                {
                    return sink;
                }
            }

            return null;
        }

        private static ISymbol? Overridden(ISymbol symbol) => symbol switch
        {
            IMethodSymbol method => method.OverriddenMethod,
            IPropertySymbol property => property.OverriddenProperty,
            _ => null,
        };

        private static string KeyOf(ISymbol symbol)
        {
            string type = symbol.ContainingType.OriginalDefinition.ToDisplayString(TypeFormat);
            return symbol switch
            {
                IMethodSymbol { MethodKind: MethodKind.Constructor } => "M:" + type + ".#ctor",
                IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet, AssociatedSymbol: { } property } => "P:" + type + "." + property.Name,
                IMethodSymbol method => "M:" + type + "." + method.Name,
                IPropertySymbol property => "P:" + type + "." + property.Name,
                _ => string.Empty,
            };
        }

        private static readonly SymbolDisplayFormat TypeFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.None);
    }
}
