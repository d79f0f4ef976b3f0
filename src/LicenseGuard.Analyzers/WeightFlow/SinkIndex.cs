using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGuard.Catalog;
using Microsoft.CodeAnalysis;

namespace LicenseGuard.Analyzers.WeightFlow
{
    /// <summary>
    /// The catalog's sinks keyed by member (<c>M:System.IO.File.Copy</c>, <c>M:System.Net.Http.StreamContent.#ctor</c>), and
    /// the namespace sinks: a library member whose name says it sends (<c>SynchronizeDirectories</c>, <c>SendAsync</c>).
    /// </summary>
    internal sealed class SinkIndex
    {
        /// <summary>Words that say a member brings data in or only manages it: <c>DownloadAndCopy</c> or <c>GetCopyStatus</c> is not a send.</summary>
        private static readonly HashSet<string> InboundWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "Download", "Get", "Read", "Receive", "Fetch", "Pull", "Load", "Abort", "Cancel", "Delete", "List", "Exists", "Dispose",
        };

        private readonly Dictionary<string, SinkEntry> byMember = new Dictionary<string, SinkEntry>(StringComparer.Ordinal);
        private readonly List<SinkEntry> byNamespace = new List<SinkEntry>();

        public SinkIndex(RulesCatalog catalog)
        {
            foreach (var sink in catalog.Sinks)
            {
                foreach (string member in sink.Members)
                {
                    byMember[member] = sink;
                }

                if (sink.Namespaces.Count > 0 && sink.Verbs.Count > 0)
                {
                    byNamespace.Add(sink);
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

        /// <summary>
        /// A library method (not the project's own) of a namespace sink whose name has one of its verbs and no word of bringing
        /// data in: <c>SftpClient.SynchronizeDirectories</c>, <c>BlobBaseClient.StartCopyFromUriAsync</c>, <c>SmtpClient.Send</c>.
        /// </summary>
        public SinkEntry? FindByVerb(IMethodSymbol method)
        {
            if (byNamespace.Count == 0 || method.MethodKind != MethodKind.Ordinary || !method.DeclaringSyntaxReferences.IsEmpty || method.ContainingType == null)
            {
                return null;
            }

            if (Words(method.Name).Exists(InboundWords.Contains))
            {
                return null;
            }

            int at = VerbStart(method.Name);
            foreach (var sink in InNamespace(method.ContainingType))
            {
                if (sink.Verbs.Any(verb => IsWordAt(method.Name, verb, at)))
                {
                    return sink;
                }
            }

            return null;
        }

        /// <summary>Words a member name may start with before its verb: <c>StartCopyFromUri</c>, <c>BeginUploadFile</c>, <c>TrySend</c>.</summary>
        private static readonly string[] Openers = { "Start", "Begin", "Try", "Queue", "Schedule" };

        /// <summary>
        /// Where a member name's verb starts: after an opener (<c>StartCopyFromUriAsync</c>), else at the start
        /// (<c>SendMailAsync</c>, <c>SynchronizeDirectories</c>). A verb elsewhere does not count (<c>GetCopyStatus</c>).
        /// </summary>
        public static int VerbStart(string name)
        {
            foreach (string opener in Openers)
            {
                if (IsWordAt(name, opener, 0))
                {
                    return opener.Length;
                }
            }

            return 0;
        }

        /// <summary>Whether <paramref name="word"/> stands at <paramref name="at"/> as a whole capitalised word (<c>Send</c> in <c>SendAsync</c>, not in <c>Sender</c>).</summary>
        public static bool IsWordAt(string name, string word, int at) =>
            string.CompareOrdinal(name, at, word, 0, word.Length) == 0 && (at + word.Length == name.Length || !char.IsLower(name[at + word.Length]));

        /// <summary>The first namespace sink of another kind than a local copy whose namespaces hold the type: where a library's stream or callback leads.</summary>
        public SinkEntry? FindBoundary(INamedTypeSymbol? type)
        {
            if (type == null || !type.DeclaringSyntaxReferences.IsEmpty)
            {
                return null;
            }

            foreach (var sink in InNamespace(type))
            {
                if (sink.Category != "copy")
                {
                    return sink;
                }
            }

            return null;
        }

        private IEnumerable<SinkEntry> InNamespace(INamedTypeSymbol type)
        {
            string name = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            foreach (var sink in byNamespace)
            {
                foreach (string prefix in sink.Namespaces)
                {
                    if (name.StartsWith(prefix, StringComparison.Ordinal) && (name.Length == prefix.Length || name[prefix.Length] == '.'))
                    {
                        yield return sink;
                        break;
                    }
                }
            }
        }

        /// <summary>The capitalised words of a member name: <c>StartCopyFromUriAsync</c> is Start, Copy, From, Uri, Async.</summary>
        public static List<string> Words(string name)
        {
            var words = new List<string>();
            int start = 0;
            for (int i = 1; i <= name.Length; i++)
            {
                if (i == name.Length || char.IsUpper(name[i]) || name[i] == '_')
                {
                    if (i > start)
                    {
                        words.Add(name.Substring(start, i - start).TrimStart('_'));
                    }

                    start = i;
                }
            }

            return words;
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
