using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGuard.Matching
{
    /// <summary>
    /// The cheap test a string passes before LG1003 looks it up: a necessary condition for being a closed model's id. It must
    /// start with the fixed start of a closed pattern (indexed by its first two characters), or contain the first fixed part
    /// of a pattern that starts with '*' (Bedrock's <c>*.anthropic.claude-*</c>). Built from the catalog's closed patterns, or
    /// from the built-in digest without loading the catalog.
    /// </summary>
    public sealed class ClosedIdPreCheck
    {
        private readonly Dictionary<int, List<string>> starts = new Dictionary<int, List<string>>();
        private readonly List<string> innerParts = new List<string>();

        // The first characters of the inner parts, both cases ('.' for all of the built-in ones): a string without any of them
        // contains none of the parts, found with one vectorised search instead of a case-insensitive search per part. Null when
        // some part starts with a character whose case folding is not plain ASCII.
        private char[]? innerFirstCharacters;

        /// <summary>Gets a value indicating whether some pattern leaves nothing to test by ("g*", "*"): every string passes.</summary>
        public bool AnyString { get; private set; }

        /// <summary>Gets a value indicating whether no string can pass (no closed model is catalogued).</summary>
        public bool IsEmpty => !AnyString && starts.Count == 0 && innerParts.Count == 0;

        /// <summary>Gets the fixed starts, shortest kept (a start that extends another adds nothing).</summary>
        public IEnumerable<string> Starts => starts.Values.SelectMany(list => list).OrderBy(s => s, StringComparer.Ordinal);

        /// <summary>Gets the first fixed parts of patterns that start with '*'.</summary>
        public IEnumerable<string> InnerParts => innerParts.OrderBy(s => s, StringComparer.Ordinal);

        /// <summary>Creates a pre-check from data recorded earlier (<see cref="Starts"/>, <see cref="InnerParts"/>, <see cref="AnyString"/>).</summary>
        public static ClosedIdPreCheck From(IEnumerable<string> fixedStarts, IEnumerable<string> fixedInnerParts, bool anyString)
        {
            // The recorded starts and parts are minimal already (Add made them so): bucket them as they are, without Add's
            // comparisons, which would be JIT-compiled in every compiler process that reads the compiled-in digest.
            var check = new ClosedIdPreCheck { AnyString = anyString };
            foreach (string start in fixedStarts)
            {
                if (start.Length < 2)
                {
                    check.AnyString = true;
                    continue;
                }

                int key = Key(start[0], start[1]);
                if (!check.starts.TryGetValue(key, out var list))
                {
                    check.starts[key] = list = new List<string>();
                }

                list.Add(start);
            }

            foreach (string inner in fixedInnerParts)
            {
                if (inner.Length == 0)
                {
                    check.AnyString = true;
                }
                else
                {
                    check.innerParts.Add(inner);
                }
            }

            check.innerFirstCharacters = FirstCharacters(check.innerParts);
            return check;
        }

        /// <summary>Adds a closed model's id pattern.</summary>
        public void Add(string pattern)
        {
            int star = pattern.IndexOf('*');
            if (star != 0)
            {
                string start = star < 0 ? pattern : pattern.Substring(0, star);
                if (start.Length < 2)
                {
                    AnyString = true;
                    return;
                }

                int key = Key(start[0], start[1]);
                if (!starts.TryGetValue(key, out var list))
                {
                    starts[key] = list = new List<string>();
                }

                if (!list.Any(existing => start.StartsWith(existing, StringComparison.OrdinalIgnoreCase)))
                {
                    list.RemoveAll(existing => existing.StartsWith(start, StringComparison.OrdinalIgnoreCase));
                    list.Add(start);
                }

                return;
            }

            int next = pattern.IndexOf('*', 1);
            string inner = next < 0 ? pattern.Substring(1) : pattern.Substring(1, next - 1);
            if (inner.Length == 0)
            {
                AnyString = true;
            }
            else if (!innerParts.Any(existing => inner.IndexOf(existing, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                innerParts.RemoveAll(existing => existing.IndexOf(inner, StringComparison.OrdinalIgnoreCase) >= 0);
                innerParts.Add(inner);
                innerFirstCharacters = FirstCharacters(innerParts);
            }
        }

        /// <summary>Returns whether the string could be a closed model's id (no allocation).</summary>
        public bool CouldMatch(string value)
        {
            if (AnyString)
            {
                return true;
            }

            if (value.Length >= 2 && starts.TryGetValue(Key(value[0], value[1]), out var list))
            {
                foreach (string start in list)
                {
                    if (value.StartsWith(start, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            if (innerParts.Count == 0 || (innerFirstCharacters != null && value.IndexOfAny(innerFirstCharacters) < 0))
            {
                return false;
            }

            foreach (string part in innerParts)
            {
                if (value.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static char[]? FirstCharacters(List<string> parts)
        {
            string characters = string.Empty;
            foreach (string part in parts)
            {
                char first = part[0];
                if (first > 0x7F)
                {
                    return null;
                }

                string both = char.ToLowerInvariant(first).ToString() + char.ToUpperInvariant(first);
                foreach (char c in both)
                {
                    if (characters.IndexOf(c) < 0)
                    {
                        characters += c;
                    }
                }
            }

            return characters.ToCharArray();
        }

        /// <summary>The bucket key of a string's first two characters (case-insensitive), shared with <see cref="ModelIdIndex"/>.</summary>
        internal static int Key(char first, char second) => (char.ToLowerInvariant(first) << 16) | char.ToLowerInvariant(second);
    }

    /// <summary>
    /// The cheap test a string passes before LG1002 parses it: it contains the last two labels of some catalogued host
    /// (<c>openai.com</c>, <c>azure.com</c>…), which every host the index matches ends with.
    /// </summary>
    public sealed class HostPreCheck
    {
        private readonly List<string> suffixes = new List<string>();

        // Every suffix has a dot (two labels): a string without one is no host, found with one vectorised search instead of a
        // case-insensitive search per suffix. False only for recorded data that breaks that rule.
        private bool everySuffixHasADot = true;

        /// <summary>Gets a value indicating whether a wildcard in the last two labels leaves nothing to test by.</summary>
        public bool AnyString { get; private set; }

        /// <summary>Gets a value indicating whether no string can pass (no host is catalogued).</summary>
        public bool IsEmpty => !AnyString && suffixes.Count == 0;

        /// <summary>Gets the registrable suffixes.</summary>
        public IEnumerable<string> Suffixes => suffixes.OrderBy(s => s, StringComparer.Ordinal);

        /// <summary>Creates a pre-check from data recorded earlier.</summary>
        public static HostPreCheck From(IEnumerable<string> registrableSuffixes, bool anyString)
        {
            var check = new HostPreCheck { AnyString = anyString };
            foreach (string suffix in registrableSuffixes)
            {
                check.suffixes.Add(suffix);
                check.everySuffixHasADot &= suffix.IndexOf('.') >= 0;
            }

            return check;
        }

        /// <summary>Adds a catalogued host or host pattern.</summary>
        public void Add(string host)
        {
            int last = host.LastIndexOf('.');
            int previous = last <= 0 ? -1 : host.LastIndexOf('.', last - 1);
            string suffix = host.Substring(previous + 1);
            if (suffix.IndexOf('*') >= 0 || last <= 0)
            {
                AnyString = true;
            }
            else if (!suffixes.Contains(suffix, StringComparer.OrdinalIgnoreCase))
            {
                suffixes.Add(suffix);
            }
        }

        /// <summary>Returns whether the string could contain a catalogued host.</summary>
        public bool CouldMatch(string value)
        {
            if (AnyString)
            {
                return true;
            }

            if (everySuffixHasADot && value.IndexOf('.') < 0)
            {
                return false;
            }

            foreach (string suffix in suffixes)
            {
                if (value.IndexOf(suffix, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
