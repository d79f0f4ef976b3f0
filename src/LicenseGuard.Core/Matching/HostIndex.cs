using System;
using System.Collections.Generic;
using LicenseGuard.Catalog;

namespace LicenseGuard.Matching
{
    /// <summary>Looks up proprietary endpoint hosts: exact names and wildcard patterns (<c>*.openai.azure.com</c>), never substrings of prose.</summary>
    public sealed class HostIndex
    {
        private readonly Dictionary<string, ServiceEntry> exact = new Dictionary<string, ServiceEntry>(StringComparer.OrdinalIgnoreCase);
        private readonly List<(string Pattern, ServiceEntry Service)> wildcards = new List<(string, ServiceEntry)>();
        private readonly List<string> ignored = new List<string>();

        /// <summary>Initializes a new instance of the <see cref="HostIndex"/> class.</summary>
        public HostIndex(RulesCatalog catalog, IEnumerable<string> ignoredHostPatterns)
        {
            foreach (var service in catalog.Services)
            {
                foreach (var host in service.Hosts)
                {
                    if (host.IndexOf('*') >= 0)
                    {
                        wildcards.Add((host, service));
                    }
                    else
                    {
                        exact[host] = service;
                    }

                    PreCheck.Add(host);
                }
            }

            ignored.AddRange(ignoredHostPatterns);
        }

        /// <summary>
        /// Returns whether a string contains the last two labels of some catalogued host (<c>openai.com</c>, <c>azure.com</c>,
        /// <c>amazonaws.com</c>…): every host the index can match ends with one, so a string without any cannot match (the
        /// cheap pre-check before any parsing).
        /// </summary>
        public bool CouldContainHost(string value) => PreCheck.CouldMatch(value);

        /// <summary>Gets the pre-check (also what the built-in digest records).</summary>
        public HostPreCheck PreCheck { get; } = new HostPreCheck();

        /// <summary>
        /// Finds the service whose endpoint a string names. The string must be a URL (http, https, ws, wss) or a bare host,
        /// optionally followed by a path; prose that merely mentions a host does not match.
        /// </summary>
        public ServiceEntry? Match(string value, out string host)
        {
            host = string.Empty;
            if (!TryExtractHost(value, out host))
            {
                return null;
            }

            if (!exact.TryGetValue(host, out var service))
            {
                foreach (var (pattern, candidate) in wildcards)
                {
                    if (Glob.IsMatch(pattern, host))
                    {
                        service = candidate;
                        break;
                    }
                }
            }

            service ??= UnderApiHost(host);

            if (service != null)
            {
                foreach (var pattern in ignored)
                {
                    if (Glob.IsMatch(pattern, host))
                    {
                        return null;
                    }
                }
            }

            return service;
        }

        /// <summary>
        /// A regional or residency host under a vendor's API host is the same service (<c>us-east-1.api.x.ai</c>,
        /// <c>eu.api.openai.com</c>): a name below <c>api.&lt;vendor&gt;</c> is the vendor's API by construction. Only catalogued
        /// hosts that start with <c>api.</c> extend so, not a vendor's site (<c>status.openrouter.ai</c>).
        /// </summary>
        private ServiceEntry? UnderApiHost(string host)
        {
            int dot = host.IndexOf('.');
            while (dot > 0 && dot < host.Length - 1)
            {
                if (string.Compare(host, dot + 1, "api.", 0, 4, StringComparison.OrdinalIgnoreCase) == 0
                    && exact.TryGetValue(host.Substring(dot + 1), out var service))
                {
                    return service;
                }

                dot = host.IndexOf('.', dot + 1);
            }

            return null;
        }

        /// <summary>Extracts the host of a URL or bare host string (lower-cased); false for anything else.</summary>
        public static bool TryExtractHost(string value, out string host)
        {
            host = string.Empty;
            if (value.Length < 4 || value.IndexOf('.') < 0)
            {
                return false;
            }

            int start = 0;
            while (start < value.Length && char.IsWhiteSpace(value[start]))
            {
                start++;
            }

            int schemeEnd = value.IndexOf("://", start, StringComparison.Ordinal);
            if (schemeEnd > 0)
            {
                string scheme = value.Substring(start, schemeEnd - start);
                if (!IsWebScheme(scheme))
                {
                    return false;
                }

                start = schemeEnd + 3;
            }

            int end = start;
            while (end < value.Length && value[end] != '/' && value[end] != '?' && value[end] != '#')
            {
                if (char.IsWhiteSpace(value[end]))
                {
                    return false;
                }

                end++;
            }

            if (end == start)
            {
                // "/path", "?query": no host at all.
                return false;
            }

            int at = value.LastIndexOf('@', end - 1, end - start);
            if (at >= 0)
            {
                start = at + 1;
            }

            int colon = value.IndexOf(':', start, end - start);
            int hostEnd = colon >= 0 ? colon : end;
            if (hostEnd - start < 3)
            {
                return false;
            }

            // A template's placeholder stands for one label, as a hole of an interpolated string does, even with dots inside:
            // "https://{0}.openai.azure.us/", "{resource}", "<...>", "${REGION}", "$(Region)", "$REGION", "%s".
            string hostPart = value.Substring(start, hostEnd - start);
            if (hostPart.IndexOfAny(PlaceholderStarts) >= 0)
            {
                hostPart = Placeholder.Replace(hostPart, "x");
            }

            foreach (char c in hostPart)
            {
                if (!(char.IsLetterOrDigit(c) || c == '.' || c == '-'))
                {
                    return false;
                }
            }

            // The rest of a string that is not a URL must still look like a path, not a sentence.
            for (int i = end; i < value.Length; i++)
            {
                if (char.IsWhiteSpace(value[i]) && value.Substring(i).Trim().Length > 0)
                {
                    return false;
                }
            }

            host = hostPart.TrimEnd('.').ToLowerInvariant();
            return host.IndexOf('.') > 0;
        }

        private static readonly char[] PlaceholderStarts = { '{', '<', '$', '%' };

        private static readonly System.Text.RegularExpressions.Regex Placeholder = new System.Text.RegularExpressions.Regex(
            @"\$?\{+[^{}/\s]*\}+|\$\([^()/\s]*\)|\$[A-Za-z_][A-Za-z0-9_]*|<[^<>/\s]*>|%[sd]", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private static bool IsWebScheme(string scheme) =>
            scheme.Equals("https", StringComparison.OrdinalIgnoreCase) || scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ||
            scheme.Equals("wss", StringComparison.OrdinalIgnoreCase) || scheme.Equals("ws", StringComparison.OrdinalIgnoreCase);
    }
}
