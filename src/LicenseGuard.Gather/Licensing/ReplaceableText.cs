using System;
using System.Collections.Generic;

namespace LicenseGuard.Gather.Licensing
{
    /// <summary>
    /// Recognises a short licence whose copy was edited where SPDX's templates allow it: the holder's name in place of "the
    /// copyright holder" ("Neither the name of Bit Miracle nor…", "IN NO EVENT SHALL BIT MIRACLE BE LIABLE"), a project
    /// title above it, a note below it that credits the code it builds on. The copy is aligned word by word with the licence
    /// (longest common subsequence); what differs must be replaceable text: short substitutions inside the licence that
    /// neither add nor remove a word that grants, restricts or negates, and prose before or after it that imposes nothing.
    /// A condition, an extra clause, a missing clause or a second licence is not replaceable text, and the copy stays
    /// unrecognised. Only licences short enough to keep their word sequence in the index are aligned (BSD, MIT, ISC and
    /// their kin: the licences whose templates name a holder).
    /// </summary>
    internal static class ReplaceableText
    {
        /// <summary>Words a substitution inside the licence may replace or add at most (a holder's name, "or contributors").</summary>
        public const int MaxSubstitutionWords = 8;

        /// <summary>Prose before and after the licence, at most (a project's title and holders, a credit to upstream code).</summary>
        public const int MaxOutsideWords = 150;

        /// <summary>Words of the licence's own title a copy may leave out before its first sentence ("MIT License").</summary>
        public const int MaxTitleWords = 6;

        /// <summary>The share of the licence's words the copy must keep in order.</summary>
        public const double MinKept = 0.9;

        // Words that carry a grant, an obligation, a restriction or a negation: none may be substituted inside the licence,
        // and prose outside it may hold none ("must", "not", "fee", "commercial"): such prose is a condition, not a credit.
        private static readonly HashSet<string> Operative = new HashSet<string>(StringComparer.Ordinal)
        {
            "not", "no", "non", "never", "none", "nor", "neither", "without", "except", "excluding", "exclusively", "unless", "only", "solely",
            "but", "however", "notwithstanding", "provided", "subject", "condition", "conditions", "must", "shall", "may", "should",
            "required", "require", "requires", "prohibited", "prohibit", "forbidden", "restrict", "restricted", "restriction",
            "restrictions", "terminate", "terminates", "termination", "revoke", "revoked", "commercial",
            "noncommercial", "commercially", "fee", "fees", "paid", "pay", "payment", "price", "royalty", "royalties", "revenue",
            "sell", "sale", "sold", "purchase", "subscription", "evaluation", "trial", "personal", "internal", "educational",
            "academic", "registered", "customers", "subscribers", "licensee", "licensees", "license", "licensed", "licenses", "sublicense", "permission", "permitted", "permit", "grant",
            "granted", "grants", "use", "used", "copy", "modify", "modified", "modification", "distribute", "distributed",
            "distribution", "redistribute", "redistributed", "redistribution", "redistributions", "disclaimer", "warranty",
            "warranties", "liable", "liability", "damages", "retain", "reproduce", "endorse", "promote", "copyleft", "gpl", "agpl",
        };

        // Words of the licence's permissions and disclaimer: a change to them inside the licence changes it, but prose outside
        // it may use them to describe or credit ("a disclaimer: no customer code was used", "redistributed to you under the
        // same terms"); a condition outside it still needs a word above (must, only, not, fee, commercial…).
        private static readonly HashSet<string> Describing = new HashSet<string>(StringComparer.Ordinal)
        {
            "license", "licenses", "licensed", "use", "used", "copy", "modify", "modified", "modification", "distribute", "distributed",
            "distribution", "redistribute", "redistributed", "redistribution", "redistributions", "disclaimer", "warranty",
            "warranties", "liable", "liability", "damages", "retain", "reproduce", "endorse", "promote", "grant", "granted", "grants",
            "permission", "permitted", "permit", "sublicense",
        };

        /// <summary>
        /// Aligns the copy with the licence's words; returns the number of edited words when every difference is replaceable
        /// text, or -1.
        /// </summary>
        public static int Edits(IReadOnlyList<string> copyWords, int[] copy, SpdxLicense license, SpdxLicenseList list)
        {
            var name = new HashSet<string>(LicenseText.Words(license.Name + " " + license.Id.Replace('-', ' ')), StringComparer.Ordinal);
            var licenseWords = new string[license.Words.Length];
            for (int i = 0; i < licenseWords.Length; i++)
            {
                licenseWords[i] = list.WordOf(license.Words[i]);
            }

            return Edits(copyWords, copy, licenseWords, license.Words, name);
        }

        private static int Edits(IReadOnlyList<string> copyWords, int[] copy, string[] licenseWords, int[] license, HashSet<string> name)
        {
            if (license.Length == 0 || copy.Length == 0 || copy.Length > license.Length + (2 * MaxOutsideWords))
            {
                return -1;
            }

            var pairs = Align(copy, license);
            if (pairs.Count < license.Length * MinKept)
            {
                return -1;
            }

            int edits = 0;
            int outside = 0;

            // Before the licence's first kept word, and after its last: prose of the copy, words of the licence left out.
            outside += pairs[0].Copy + (copy.Length - 1 - pairs[pairs.Count - 1].Copy);
            if (outside > MaxOutsideWords
                || !OutsideProse(copyWords, 0, pairs[0].Copy, name)
                || !OutsideProse(copyWords, pairs[pairs.Count - 1].Copy + 1, copy.Length, name)
                || pairs[0].License > MaxTitleWords
                || !Replaceable(licenseWords, pairs[pairs.Count - 1].License + 1, license.Length))
            {
                return -1;
            }

            edits += outside + pairs[0].License + (license.Length - 1 - pairs[pairs.Count - 1].License);
            for (int i = 1; i < pairs.Count; i++)
            {
                int copyGap = pairs[i].Copy - pairs[i - 1].Copy - 1;
                int licenseGap = pairs[i].License - pairs[i - 1].License - 1;
                if (copyGap == 0 && licenseGap == 0)
                {
                    continue;
                }

                if (copyGap > MaxSubstitutionWords || licenseGap > MaxSubstitutionWords
                    || !Replaceable(copyWords, pairs[i - 1].Copy + 1, pairs[i].Copy, name)
                    || !Replaceable(licenseWords, pairs[i - 1].License + 1, pairs[i].License))
                {
                    return -1;
                }

                edits += copyGap + licenseGap;
            }

            return edits;
        }

        private static bool Replaceable(IReadOnlyList<string> words, int start, int end, HashSet<string>? name = null)
        {
            if (end - start > MaxSubstitutionWords)
            {
                return false;
            }

            for (int i = start; i < end; i++)
            {
                if (Operative.Contains(words[i]) && !(name != null && name.Contains(words[i])))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool OutsideProse(IReadOnlyList<string> words, int start, int end, HashSet<string> name)
        {
            for (int i = start; i < end; i++)
            {
                if (Operative.Contains(words[i]) && !Describing.Contains(words[i]) && !name.Contains(words[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The longest common subsequence of the two word sequences, as index pairs in order.</summary>
        private static List<(int Copy, int License)> Align(int[] copy, int[] license)
        {
            int n = copy.Length;
            int m = license.Length;
            var lengths = new int[(n + 1) * (m + 1)];
            for (int i = n - 1; i >= 0; i--)
            {
                for (int j = m - 1; j >= 0; j--)
                {
                    lengths[(i * (m + 1)) + j] = copy[i] == license[j]
                        ? lengths[((i + 1) * (m + 1)) + j + 1] + 1
                        : Math.Max(lengths[((i + 1) * (m + 1)) + j], lengths[(i * (m + 1)) + j + 1]);
                }
            }

            var pairs = new List<(int, int)>(lengths[0]);
            int a = 0;
            int b = 0;
            while (a < n && b < m)
            {
                if (copy[a] == license[b])
                {
                    pairs.Add((a++, b++));
                }
                else if (lengths[((a + 1) * (m + 1)) + b] >= lengths[(a * (m + 1)) + b + 1])
                {
                    a++;
                }
                else
                {
                    b++;
                }
            }

            return pairs;
        }
    }
}
