using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LicenseGuard.Gather.Licensing
{
    /// <summary>What a licence text was recognised as: an SPDX id with its score, or nothing (with the near misses).</summary>
    public sealed class LicenseTextMatch
    {
        /// <summary>Gets the SPDX id the whole text matches, or null.</summary>
        public string? Id { get; internal set; }

        /// <summary>Gets the best similarity found (0 to 1), whether or not it was enough.</summary>
        public double Score { get; internal set; }

        /// <summary>Gets the licence with the best score, recognised or not.</summary>
        public string? Best { get; internal set; }

        /// <summary>Gets the other licences that scored as well (within the margin): when they differ, the text is ambiguous.</summary>
        public IReadOnlyList<string> Ties { get; internal set; } = Array.Empty<string>();

        /// <summary>Gets how many word pairs of the text the best licence does not have (added terms, preamble, notices).</summary>
        public int AddedPairs { get; internal set; }

        /// <summary>
        /// Gets how many words differ from the licence's text when the copy was recognised by its replaceable text (a holder's
        /// name, a title, a credit below it), or null when it matched as a whole or not at all.
        /// </summary>
        public int? EditedWords { get; internal set; }

        /// <summary>Gets the first line of the text, what a licence file calls itself (for catalogued non-SPDX licences).</summary>
        public string? Title { get; internal set; }

        /// <summary>Gets the score as a percentage for messages, e.g. "98.7 %".</summary>
        public string ScoreText => (Score * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
    }

    /// <summary>
    /// Recognises a licence text by comparing the whole of it with every text of the SPDX License List, in the manner of
    /// GitHub's licensee: Sørensen–Dice similarity over the sets of word pairs of the normalised texts
    /// (<see cref="LicenseText"/>). Word pairs rather than single words, so that a text which embeds another licence and adds
    /// terms of its own (a "split" or commercial licence built on Apache-2.0 wording) scores low against it; a high threshold;
    /// and a margin, so that near-identical licences (CC-BY-4.0 and CC-BY-NC-4.0) are told apart or the text is left
    /// unrecognised. Never a keyword inside a longer text.
    /// </summary>
    public static class LicenseTextMatcher
    {
        /// <summary>The least similarity that recognises a text.</summary>
        public const double Threshold = 0.95;

        /// <summary>Licences that score within this much of the best are ties: the text does not tell them apart.</summary>
        public const double Margin = 0.01;

        /// <summary>
        /// Word pairs a text may have beyond the licence's (a title, a project name, a line of preamble) before it counts as
        /// the licence plus terms of its own; grows by 1 % of the licence's length.
        /// </summary>
        public const int MaxAddedPairs = 20;

        /// <summary>Matches against the embedded SPDX License List.</summary>
        public static LicenseTextMatch Match(string text) => Match(text, SpdxLicenseList.Instance);

        /// <summary>Matches against a given list.</summary>
        public static LicenseTextMatch Match(string text, SpdxLicenseList list)
        {
            var result = new LicenseTextMatch { Title = LicenseText.Title(text) };
            var words = LicenseText.Words(text);
            var bigrams = list.BigramsOf(words);
            if (bigrams.Count == 0)
            {
                return result;
            }

            var scores = new List<(SpdxLicense License, double Score, int Added)>();
            foreach (var license in list.Licenses)
            {
                int a = bigrams.Count;
                int b = license.Bigrams.Length;

                // Dice can be at most 2·min/(a+b): skip texts whose length alone rules them out.
                if (2.0 * Math.Min(a, b) / (a + b) < Threshold - Margin)
                {
                    continue;
                }

                int shared = 0;
                foreach (long pair in license.Bigrams)
                {
                    if (bigrams.Contains(pair))
                    {
                        shared++;
                    }
                }

                scores.Add((license, 2.0 * shared / (a + b), a - shared));
            }

            if (scores.Count == 0)
            {
                return MatchEdited(result, bigrams, words, list);
            }

            scores.Sort((x, y) => y.Score.CompareTo(x.Score) != 0 ? y.Score.CompareTo(x.Score) : string.CompareOrdinal(x.License.Id, y.License.Id));
            var best = scores[0];
            result.Score = best.Score;
            result.Best = best.License.Id;
            var ties = scores.Skip(1).TakeWhile(s => best.Score - s.Score <= Margin).Select(s => s.License.Id).ToList();
            result.Ties = ties;
            result.AddedPairs = best.Added;
            if (best.Score < Threshold || best.Added > MaxAddedPairs + (best.License.Bigrams.Length / 100))
            {
                return MatchEdited(result, bigrams, words, list);
            }

            // Some licences share one text and differ only in how they are applied, which the notice says, not the licence:
            // "-only" and "-or-later", and variants such as MPL-2.0-no-copyleft-exception or OFL-1.1-RFN of a base licence.
            // The text then names the base licence ("-only" for the GNU family). Any other tie is a different licence
            // with the same words: leave the text unknown.
            var candidates = new[] { best.License.Id }.Concat(ties).ToList();
            string baseFamily = candidates.Select(Family).OrderBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).First();
            if (candidates.Any(id => Family(id) != baseFamily && !Family(id).StartsWith(baseFamily + "-", StringComparison.Ordinal)))
            {
                return result;
            }

            // A short licence's word pairs can all be there while one word changed what it grants ("without restriction" made
            // "with restriction", "not" inserted): every difference from its text must be replaceable text.
            if (best.License.Words.Length > 0 && ReplaceableText.Edits(words, list.IdsOf(words), best.License, list) < 0)
            {
                return result;
            }

            result.Id = candidates.Where(id => Family(id) == baseFamily).OrderBy(id => id.EndsWith("-only", StringComparison.Ordinal) ? 0 : 1).ThenBy(id => id, StringComparer.Ordinal).First();
            return result;
        }

        /// <summary>Short licences most alike by word pairs that are tried for an edited copy, at most.</summary>
        private const int EditedCandidates = 10;

        /// <summary>The least word-pair similarity for a short licence to be tried for an edited copy.</summary>
        private const double EditedFloor = 0.5;

        /// <summary>
        /// A text that is no licence as a whole may be a short licence with its replaceable text edited
        /// (<see cref="ReplaceableText"/>): the licence needing the fewest edits, when no other licence needs as few.
        /// </summary>
        private static LicenseTextMatch MatchEdited(LicenseTextMatch result, HashSet<long> bigrams, List<string> words, SpdxLicenseList list)
        {
            var candidates = new List<(SpdxLicense License, double Score)>();
            foreach (var license in list.Licenses)
            {
                if (license.Words.Length == 0)
                {
                    continue;
                }

                int shared = 0;
                foreach (long pair in license.Bigrams)
                {
                    if (bigrams.Contains(pair))
                    {
                        shared++;
                    }
                }

                double score = 2.0 * shared / (bigrams.Count + license.Bigrams.Length);
                if (score >= EditedFloor)
                {
                    candidates.Add((license, score));
                }
            }

            candidates.Sort((x, y) => y.Score.CompareTo(x.Score) != 0 ? y.Score.CompareTo(x.Score) : string.CompareOrdinal(x.License.Id, y.License.Id));
            var passing = new List<(SpdxLicense License, double Score, int Edits)>();
            var copy = list.IdsOf(words);
            foreach (var (license, score) in candidates.Take(EditedCandidates))
            {
                int edits = ReplaceableText.Edits(words, copy, license, list);
                if (edits >= 0)
                {
                    passing.Add((license, score, edits));
                }
            }

            if (passing.Count == 0)
            {
                return result;
            }

            int fewest = passing.Min(p => p.Edits);
            var best = passing.Where(p => p.Edits == fewest).ToList();
            if (best.Select(p => Family(p.License.Id)).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                return result;
            }

            var chosen = best.OrderBy(p => p.License.Id.EndsWith("-only", StringComparison.Ordinal) ? 0 : 1).ThenBy(p => p.License.Id, StringComparer.Ordinal).First();
            result.Id = chosen.License.Id;
            result.Best = chosen.License.Id;
            result.Score = chosen.Score;
            result.EditedWords = chosen.Edits;
            result.Ties = Array.Empty<string>();
            return result;
        }

        private static string Family(string id) =>
            id.EndsWith("-only", StringComparison.Ordinal) ? id.Substring(0, id.Length - 5)
            : id.EndsWith("-or-later", StringComparison.Ordinal) ? id.Substring(0, id.Length - 9)
            : id;
    }
}
