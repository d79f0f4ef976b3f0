using System;
using System.Text.RegularExpressions;

namespace LicenseGuard.Licensing
{
    /// <summary>
    /// Reads the licence id out of the address of a licence publisher's own page for it, by each publisher's URL grammar rather
    /// than a list of addresses: SPDX (<c>spdx.org/licenses/MIT.html</c>), OSI old and new (<c>opensource.org/licenses/BSD-3-Clause</c>,
    /// <c>opensource.org/license/apache-2-0</c>), choosealicense.com, GNU (<c>gnu.org/licenses/gpl-3.0.en.html</c>,
    /// <c>old-licenses/lgpl-2.1.txt</c>; an unversioned <c>gpl.html</c> is the current version), Creative Commons
    /// (<c>creativecommons.org/licenses/by-nc/4.0/legalcode</c>, <c>publicdomain/zero/1.0</c>), Mozilla, Eclipse and Apache.
    /// Any other page of those sites (an FAQ, an essay, a list) names no licence. The caller resolves the id against the catalog:
    /// an id it does not know stays unknown.
    /// </summary>
    public static class CanonicalLicenseUrl
    {
        private static readonly (Regex Pattern, Func<Match, string> Id)[] Grammars =
        {
            (Path(@"spdx\.org/licenses/(?<id>[a-z0-9.+-]+?)(\.html|\.json|\.txt)?"), m => m.Groups["id"].Value),
            (Path(@"opensource\.org/licenses?/(?<id>[a-z0-9.+-]+?)(\.php|\.html)?"), m => m.Groups["id"].Value),
            (Path(@"choosealicense\.com/licenses/(?<id>[a-z0-9.+-]+)"), m => m.Groups["id"].Value),
            (Path(@"gnu\.org/licenses/(old-licenses/)?(?<name>a?gpl|lgpl|fdl)(-(?<version>[0-9]\.[0-9]))?(\.en)?\.(html|txt)"), Gnu),
            (Path(@"creativecommons\.org/licenses/(?<code>by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd)/(?<version>[0-9]\.[0-9])(/legalcode(\.[a-z-]+)?(\.txt)?|/deed\.[a-z-]+)?"),
                m => "CC-" + m.Groups["code"].Value.ToUpperInvariant() + "-" + m.Groups["version"].Value),
            (Path(@"creativecommons\.org/publicdomain/zero/1\.0(/legalcode(\.txt)?|/deed\.[a-z-]+)?"), _ => "CC0-1.0"),
            (Path(@"mozilla\.org/([a-z]{2}(-[a-z]{2})?/)?mpl/(?<version>[0-9]\.[0-9])(/index\.txt)?"), m => "MPL-" + m.Groups["version"].Value),
            (Path(@"eclipse\.org/(legal|org/documents)/epl-(v10\.html|(?<version>[0-9]\.[0-9])(/epl-[0-9]\.[0-9]\.(html|txt))?)"),
                m => m.Groups["version"].Success ? "EPL-" + m.Groups["version"].Value : "EPL-1.0"),
            (Path(@"apache\.org/licenses/license-(?<version>[0-9]\.[0-9])(\.txt|\.html)?"), m => "Apache-" + m.Groups["version"].Value),
        };

        /// <summary>Returns the licence id a publisher's page address names, or null. The URL is in <c>RulesCatalog.NormalizeUrl</c> form.</summary>
        public static string? IdOf(string normalizedUrl)
        {
            int end = normalizedUrl.IndexOfAny(new[] { '?', '#' });
            string path = (end < 0 ? normalizedUrl : normalizedUrl.Substring(0, end)).TrimEnd('/');
            foreach (var (pattern, id) in Grammars)
            {
                var match = pattern.Match(path);
                if (match.Success)
                {
                    return id(match);
                }
            }

            return null;
        }

        /// <summary>Whether two ids are the same once case and punctuation are set aside (OSI's <c>apache-2-0</c> is Apache-2.0).</summary>
        public static string Key(string id)
        {
            var key = new System.Text.StringBuilder(id.Length);
            foreach (char c in id)
            {
                if (char.IsLetterOrDigit(c))
                {
                    key.Append(char.ToLowerInvariant(c));
                }
            }

            return key.ToString();
        }

        private static Regex Path(string pattern) => new Regex("^" + pattern + "$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static string Gnu(Match match)
        {
            string name = match.Groups["name"].Value.ToUpperInvariant();
            string version = match.Groups["version"].Success ? match.Groups["version"].Value : name == "FDL" ? "1.3" : "3.0";
            return (name == "FDL" ? "GFDL" : name) + "-" + version;
        }
    }
}
