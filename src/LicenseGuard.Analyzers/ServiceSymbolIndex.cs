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
        private readonly List<string> packagePatterns = new List<string>();

        public ServiceSymbolIndex(RulesCatalog catalog, IReadOnlyList<string> ignoredServices)
        {
            var ignored = new HashSet<string>(ignoredServices, StringComparer.OrdinalIgnoreCase);
            foreach (var service in catalog.Services)
            {
                if (ignored.Contains(service.Id))
                {
                    continue;
                }

                packagePatterns.AddRange(service.Packages);
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
        public Matcher CreateMatcher(Compilation compilation) => new Matcher(this, compilation);

        /// <summary>What the catalog says about one type.</summary>
        internal sealed class TypeFacts
        {
            public static readonly TypeFacts None = new TypeFacts(null, null, null);

            public TypeFacts(ServiceEntry? typeService, ServiceEntry? namespaceService, Dictionary<string, ServiceEntry>? memberServices, bool isDataModel = false)
            {
                TypeService = typeService;
                NamespaceService = namespaceService;
                MemberServices = memberServices;
                IsDataModel = isDataModel;
            }

            /// <summary>Gets a value indicating whether the type is one of the SDK's data models (see Matcher.IsValueAccessor).</summary>
            public bool IsDataModel { get; }

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
            private readonly Compilation compilation;
            private readonly ConcurrentDictionary<INamedTypeSymbol, TypeFacts> facts = new ConcurrentDictionary<INamedTypeSymbol, TypeFacts>(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<IAssemblySymbol, bool> fromCataloguedPackage = new ConcurrentDictionary<IAssemblySymbol, bool>(SymbolEqualityComparer.Default);

            public Matcher(ServiceSymbolIndex index, Compilation compilation)
            {
                this.index = index;
                this.compilation = compilation;
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

                    if (!isDataAccess && typeFacts.NamespaceService != null && !IsValueAccessor(current, typeFacts))
                    {
                        return typeFacts.NamespaceService;
                    }
                }

                return null;
            }

            /// <summary>
            /// An instance method of one of the SDK's data models (a type the wire format is read into or written from, as
            /// System.ClientModel's <c>IPersistableModel&lt;T&gt;</c> marks them: <c>OpenAIEmbedding.ToFloats()</c>,
            /// <c>ChatCompletion.ToString()</c>) reads a value the program already has, like a property: not a call to the
            /// service. Creating such a model or calling its static factories still builds a request, and stays a finding.
            /// </summary>
            private static bool IsValueAccessor(ISymbol member, TypeFacts typeFacts) =>
                typeFacts.IsDataModel && member is IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary };

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

            /// <remarks>
            /// One rule wherever a type is compiled from (issue 24): a catalogued type or member, named in full, is the vendor's —
            /// from its package, from a copy of its source in this project, or from a referenced project that builds it. A
            /// namespace-wide entry (<c>N:Anthropic</c>) applies only to an SDK's own assembly — restored from a catalogued
            /// package, or named as one because a project builds it from the SDK's source: a helper project named like the
            /// vendor (<c>Anthropic.Samples.Terminal</c>) or the user's own types in a look-alike namespace are the user's code. User types that derive from SDK types still match through their base types and
            /// overridden members, which the callers walk.
            /// </remarks>
            private TypeFacts Compute(INamedTypeSymbol type)
            {
                string? namespaceName = NamespaceName(type.ContainingNamespace);
                if (namespaceName == null)
                {
                    return TypeFacts.None;
                }

                string typeName = TypeName(type, namespaceName);
                index.types.TryGetValue(typeName, out var typeService);
                index.members.TryGetValue(typeName, out var memberServices);
                ServiceEntry? namespaceService = null;
                if (IsFromCataloguedPackage(type.ContainingAssembly))
                {
                    for (string? ns = namespaceName; ns != null && namespaceService == null; ns = ParentNamespace(ns))
                    {
                        index.namespaces.TryGetValue(ns, out namespaceService);
                    }
                }

                return typeService == null && memberServices == null && namespaceService == null
                    ? TypeFacts.None
                    : new TypeFacts(typeService, namespaceService, memberServices, namespaceService != null && IsDataModel(type));
            }

            private static bool IsDataModel(INamedTypeSymbol type)
            {
                foreach (var implemented in type.AllInterfaces)
                {
                    if (implemented.Name == "IPersistableModel" && implemented.ContainingNamespace?.ToDisplayString() == "System.ClientModel.Primitives")
                    {
                        return true;
                    }
                }

                return false;
            }

            private bool IsFromCataloguedPackage(IAssemblySymbol? assembly)
            {
                if (assembly == null || SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly))
                {
                    return false;
                }

                // Restored from a catalogued package, or built from its source by another project of the solution (the SDK's
                // own repository, a vendored copy): the SDK's assembly carries the package's id as its name. Only an exact id
                // counts for a name: a pattern (Contoso.AI.*) would also take the user's own Contoso.AI.Samples project.
                return fromCataloguedPackage.GetOrAdd(assembly, a => IsCataloguedPackageId(a.Identity.Name, exactOnly: true) || IsPackagePath((compilation.GetMetadataReference(a) as PortableExecutableReference)?.FilePath));
            }

            /// <summary>
            /// Whether an assembly's path lies in a catalogued package as NuGet lays packages out: the global packages folder
            /// (<c>…/&lt;id&gt;/&lt;version&gt;/lib|ref|runtimes/…</c>, the id lower-cased) or a packages.config folder
            /// (<c>…/&lt;Id&gt;.&lt;version&gt;/lib/…</c>). A reference without a path (an in-memory one) counts: the namespace then
            /// decides, as it did before this rule.
            /// </summary>
            private bool IsPackagePath(string? path)
            {
                if (string.IsNullOrEmpty(path))
                {
                    return true;
                }

                string[] segments = path!.Split('/', '\\');
                for (int i = 1; i + 1 < segments.Length; i++)
                {
                    if (segments[i + 1] != "lib" && segments[i + 1] != "ref" && segments[i + 1] != "runtimes")
                    {
                        continue;
                    }

                    if (IsVersion(segments[i]) && IsCataloguedPackageId(segments[i - 1]))
                    {
                        return true;
                    }

                    for (int dot = segments[i].IndexOf('.'); dot > 0; dot = segments[i].IndexOf('.', dot + 1))
                    {
                        if (IsVersion(segments[i].Substring(dot + 1)) && IsCataloguedPackageId(segments[i].Substring(0, dot)))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            private bool IsCataloguedPackageId(string id, bool exactOnly = false)
            {
                foreach (string pattern in index.packagePatterns)
                {
                    if (exactOnly ? string.Equals(pattern, id, System.StringComparison.OrdinalIgnoreCase) : LicenseGuard.Matching.Glob.IsMatch(pattern, id))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool IsVersion(string segment) =>
                segment.Length > 0 && char.IsDigit(segment[0]) && segment.IndexOf('.') > 0;

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
