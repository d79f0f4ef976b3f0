using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using LicenseGuard.Catalog;
using Microsoft.CodeAnalysis;

namespace LicenseGuard.Analyzers
{
    /// <summary>
    /// The catalog's SDK symbols keyed by name: namespaces (<c>N:</c>, covering sub-namespaces), types (<c>T:</c>) and members
    /// (<c>M:</c>, <c>P:</c>, <c>F:</c>, <c>E:</c>, every overload). Names, not resolved symbols, are the keys, so an entry
    /// never fails to resolve because two assemblies define the same type.
    /// </summary>
    internal sealed class ServiceSymbolIndex
    {
        private readonly Dictionary<string, ServiceEntry> namespaces = new Dictionary<string, ServiceEntry>(StringComparer.Ordinal);
        private readonly Dictionary<string, ServiceEntry> types = new Dictionary<string, ServiceEntry>(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, ServiceEntry>> members = new Dictionary<string, Dictionary<string, ServiceEntry>>(StringComparer.Ordinal);
        private readonly HashSet<string> rootNamespaces = new HashSet<string>(StringComparer.Ordinal);

        public ServiceSymbolIndex(RulesCatalog catalog, IReadOnlyList<string> ignoredServices)
        {
            var ignored = new HashSet<string>(ignoredServices, StringComparer.OrdinalIgnoreCase);
            foreach (var service in catalog.Services)
            {
                if (ignored.Contains(service.Id))
                {
                    continue;
                }

                foreach (var symbol in service.Symbols)
                {
                    string name = symbol.Substring(2);
                    int firstDot = name.IndexOf('.');
                    rootNamespaces.Add(firstDot < 0 ? name : name.Substring(0, firstDot));
                    switch (symbol[0])
                    {
                        case 'N':
                            namespaces[name] = service;
                            break;
                        case 'T':
                            types[name] = service;
                            break;
                        default:
                            int lastDot = name.LastIndexOf('.');
                            if (lastDot <= 0)
                            {
                                break;
                            }

                            string type = name.Substring(0, lastDot);
                            if (!members.TryGetValue(type, out var byName))
                            {
                                members[type] = byName = new Dictionary<string, ServiceEntry>(StringComparer.Ordinal);
                            }

                            byName[name.Substring(lastDot + 1)] = service;
                            break;
                    }
                }
            }
        }

        /// <summary>
        /// Returns whether any of the symbols could exist in the compilation (its code or its references), the cheap pre-check
        /// that runs without the catalog: the symbol's namespaces exist down to the last one, and then the type it names or is a
        /// member of. Namespaces only are walked (merged across references, as the compiler binds them anyway); no symbol is
        /// resolved, so a type two assemblies define still counts.
        /// </summary>
        public static bool AnyCouldExist(Compilation compilation, IReadOnlyList<string> symbols)
        {
            foreach (string symbol in symbols)
            {
                if (symbol.Length > 2 && CouldExist(compilation.GlobalNamespace, symbol.Substring(2)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool CouldExist(INamespaceSymbol global, string name)
        {
            INamespaceSymbol current = global;
            foreach (string part in name.Split('.'))
            {
                INamespaceSymbol? next = null;
                int tick = part.IndexOf('`');
                foreach (var member in current.GetMembers(tick > 0 ? part.Substring(0, tick) : part))
                {
                    if (member is INamespaceSymbol ns)
                    {
                        next = ns;
                        break;
                    }

                    if (member is INamedTypeSymbol)
                    {
                        return true; // the type (or the type of the member) exists; what lies below it is the matcher's business
                    }
                }

                if (next == null)
                {
                    return false;
                }

                current = next;
            }

            return true;
        }

        /// <summary>Creates the per-compilation matcher, which memoises one lookup per type.</summary>
        public Matcher CreateMatcher(Compilation compilation) => new Matcher(this, compilation.Assembly);

        /// <summary>What the catalog says about one type.</summary>
        internal sealed class TypeFacts
        {
            public static readonly TypeFacts None = new TypeFacts(null, null, null);

            public TypeFacts(ServiceEntry? typeService, ServiceEntry? namespaceService, Dictionary<string, ServiceEntry>? memberServices)
            {
                TypeService = typeService;
                NamespaceService = namespaceService;
                MemberServices = memberServices;
            }

            /// <summary>Gets the service when the type itself is listed: every member access counts.</summary>
            public ServiceEntry? TypeService { get; }

            /// <summary>Gets the service when only the namespace is listed: calls and creations count, data reads do not.</summary>
            public ServiceEntry? NamespaceService { get; }

            public Dictionary<string, ServiceEntry>? MemberServices { get; }
        }

        /// <summary>Matches symbols of one compilation against the index.</summary>
        internal sealed class Matcher
        {
            private readonly ServiceSymbolIndex index;
            private readonly IAssemblySymbol compiledAssembly;
            private readonly ConcurrentDictionary<INamedTypeSymbol, TypeFacts> facts = new ConcurrentDictionary<INamedTypeSymbol, TypeFacts>(SymbolEqualityComparer.Default);

            public Matcher(ServiceSymbolIndex index, IAssemblySymbol compiledAssembly)
            {
                this.index = index;
                this.compiledAssembly = compiledAssembly;
            }

            /// <summary>
            /// Finds the service a member belongs to. <paramref name="isDataAccess"/> is true for property, field and event
            /// access, which counts only for listed types and members, not for whole namespaces (reading a response is not a call).
            /// </summary>
            public ServiceEntry? MatchMember(ISymbol member, bool isDataAccess)
            {
                if (member is IMethodSymbol method && method.ReducedFrom != null)
                {
                    member = method.ReducedFrom;
                }

                for (ISymbol? current = member.OriginalDefinition; current != null; current = Overridden(current))
                {
                    if (current.ContainingType == null)
                    {
                        return null;
                    }

                    var typeFacts = FactsOf(current.ContainingType);
                    if (typeFacts.MemberServices != null && typeFacts.MemberServices.TryGetValue(current.Name, out var byMember))
                    {
                        return byMember;
                    }

                    if (typeFacts.TypeService != null)
                    {
                        return typeFacts.TypeService;
                    }

                    if (!isDataAccess && typeFacts.NamespaceService != null)
                    {
                        return typeFacts.NamespaceService;
                    }
                }

                return null;
            }

            /// <summary>Finds the service of a created type, looking through user types that derive from SDK types.</summary>
            public ServiceEntry? MatchCreatedType(ITypeSymbol type)
            {
                for (var current = type as INamedTypeSymbol; current != null; current = current.BaseType)
                {
                    if (current.SpecialType == SpecialType.System_Object)
                    {
                        return null;
                    }

                    var typeFacts = FactsOf(current);
                    var service = typeFacts.TypeService ?? typeFacts.NamespaceService;
                    if (service != null)
                    {
                        return service;
                    }
                }

                return null;
            }

            private static ISymbol? Overridden(ISymbol symbol) => symbol switch
            {
                IMethodSymbol m => m.OverriddenMethod?.OriginalDefinition,
                IPropertySymbol p => p.OverriddenProperty?.OriginalDefinition,
                IEventSymbol e => e.OverriddenEvent?.OriginalDefinition,
                _ => null,
            };

            private TypeFacts FactsOf(INamedTypeSymbol type)
            {
                type = type.OriginalDefinition;
                if (facts.TryGetValue(type, out var known))
                {
                    return known;
                }

                return facts.GetOrAdd(type, Compute(type));
            }

            private TypeFacts Compute(INamedTypeSymbol type)
            {
                // Only types from other assemblies (the SDK's, or an in-house SDK the project references) match: a type of the
                // assembly being compiled is the user's own, even in a look-alike namespace ("namespace OpenAI.Samples"). User
                // types that derive from SDK types still match through their base types and overridden members, which the
                // callers walk.
                if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compiledAssembly))
                {
                    return TypeFacts.None;
                }

                string? namespaceName = NamespaceName(type.ContainingNamespace);
                if (namespaceName == null)
                {
                    return TypeFacts.None;
                }

                string typeName = TypeName(type, namespaceName);
                index.types.TryGetValue(typeName, out var typeService);
                index.members.TryGetValue(typeName, out var memberServices);
                ServiceEntry? namespaceService = null;
                for (string? ns = namespaceName; ns != null && namespaceService == null; ns = ParentNamespace(ns))
                {
                    index.namespaces.TryGetValue(ns, out namespaceService);
                }

                return typeService == null && memberServices == null && namespaceService == null
                    ? TypeFacts.None
                    : new TypeFacts(typeService, namespaceService, memberServices);
            }

            private string? NamespaceName(INamespaceSymbol? ns)
            {
                if (ns == null || ns.IsGlobalNamespace)
                {
                    return null;
                }

                // Only types under a catalogued root namespace can match; skip building names for everything else.
                var root = ns;
                while (!root.ContainingNamespace.IsGlobalNamespace)
                {
                    root = root.ContainingNamespace;
                }

                return index.rootNamespaces.Contains(root.Name) ? ns.ToDisplayString() : null;
            }

            private static string TypeName(INamedTypeSymbol type, string namespaceName)
            {
                if (type.ContainingType == null)
                {
                    return namespaceName + "." + type.MetadataName;
                }

                var builder = new StringBuilder(type.MetadataName);
                for (var outer = type.ContainingType; outer != null; outer = outer.ContainingType)
                {
                    builder.Insert(0, outer.MetadataName + ".");
                }

                return namespaceName + "." + builder;
            }

            private static string? ParentNamespace(string ns)
            {
                int dot = ns.LastIndexOf('.');
                return dot < 0 ? null : ns.Substring(0, dot);
            }
        }
    }
}
