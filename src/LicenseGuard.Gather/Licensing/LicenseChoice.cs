using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGuard.Gather.Licensing
{
    /// <summary>
    /// Reads a licence file that offers a choice of licences in prose, one section each, as Hangfire's LICENSE.md does
    /// ("multi-licensed under the terms of the licenses listed in this file. Recipients may choose…", then "LGPL v3 License"
    /// and "Commercial License" sections), and a file that is a short notice pointing at a licence by its URL. Only the
    /// structure is read here: the section headings, whether the opening offers a choice, and a notice's URLs. Which licences
    /// the headings and URLs name is the evaluator's call, from the catalog; a text is never searched for licence names.
    /// </summary>
    public static class LicenseChoice
    {
        // Word sequences of the normalised opening that offer the reader a choice between the sections that follow.
        private static readonly string[][] ChoicePhrases =
        {
            new[] { "dual", "licensed" }, new[] { "dually", "licensed" }, new[] { "multi", "licensed" },
            new[] { "may", "choose" }, new[] { "can", "choose" }, new[] { "at", "your", "choice" },
            new[] { "licensed", "under", "either" }, new[] { "available", "under", "either" },
        };

        /// <summary>
        /// The longest opening read for a choice: a preamble of a few sentences. A longer one is a licence text of its own
        /// (Apache-2.0's "You may choose to offer…" is not a choice of licences), followed by third-party notices.
        /// </summary>
        public const int MaxOpeningWords = 150;

        /// <summary>The most words a notice may have: a few sentences naming a licence, not a licence text.</summary>
        public const int MaxNoticeWords = 120;

        // Words of a notice that make it more than a pointer to one licence: an exception, a condition, a second set of terms.
        private static readonly HashSet<string> Reservations = new HashSet<string>(StringComparer.Ordinal)
        {
            "except", "excluding", "exception", "exceptions", "unless", "however", "notwithstanding", "only", "solely",
            "commercial", "noncommercial", "proprietary", "fee", "fees", "paid", "payment", "purchase", "revenue", "royalty",
            "subscription", "restriction", "restrictions", "restricted", "prohibited", "additional", "separate", "separately",
        };

        /// <summary>
        /// Returns the headings of the file's sections when its opening (the text before the first section, after the file's
        /// own title) offers a choice and there are at least two sections at the first section's level; otherwise none.
        /// </summary>
        public static List<string> OfferedSections(string text) => Read(text).Sections;

        /// <summary>
        /// Reads the file's structure: the sections it offers as a choice of licences, and the URLs of its opening when that
        /// opening is a notice naming a licence ("… is licensed under a Creative Commons Attribution 4.0 International License,
        /// http://creativecommons.org/licenses/by/4.0/", or GNU's "under the terms of the GNU Affero General Public License …
        /// see http://www.gnu.org/licenses/agpl-3.0.html"). A notice followed by sections offers them in addition when the
        /// opening or a section says so ("In addition to this license, … is offered under a commercial license").
        /// </summary>
        public static (List<string> Sections, List<string> NoticeUrls) Read(string text)
        {
            var none = (new List<string>(), new List<string>());
            if (text.Length > LicenseText.MaxLength)
            {
                text = text.Substring(0, LicenseText.MaxLength);
            }

            string[] lines = text.Replace("\r\n", "\n").Split('\n');
            var headings = Headings(lines);
            int firstContent = Array.FindIndex(lines, l => l.Trim().Trim('\uFEFF').Length > 0);
            if (headings.Count > 0 && headings[0].Line == firstContent)
            {
                headings.RemoveAt(0); // the file's own title ("License"), not a section
            }

            int openingStart = firstContent < 0 ? 0 : firstContent;
            int openingEnd = headings.Count > 0 ? headings[0].Line : lines.Length;
            string opening = string.Join("\n", lines.Skip(openingStart).Take(openingEnd - openingStart));
            var openingWords = LicenseText.Words(opening);
            var noticeUrls = IsNotice(openingWords) ? Urls(opening) : new List<string>();
            if (openingWords.Count > MaxOpeningWords || headings.Count == 0)
            {
                return (new List<string>(), noticeUrls);
            }

            int level = headings[0].Level;
            var sections = headings.Where(h => h.Level == level).ToList();
            bool choice = OffersChoice(openingWords) && sections.Count >= 2;
            bool inAddition = noticeUrls.Count > 0 && sections.Select((h, i) => Body(lines, h.Line, i + 1 < sections.Count ? sections[i + 1].Line : lines.Length)).Any(OffersInAddition);
            // Sections that are no choice may carry terms of their own ("Restrictions", third-party code): the notice alone does
            // not decide for the whole file then.
            return choice || inAddition ? (sections.Select(h => h.Text).ToList(), noticeUrls) : none;
        }

        private static List<string> Body(string[] lines, int heading, int next) =>
            LicenseText.Words(string.Join("\n", lines.Skip(heading + 1).Take(next - heading - 1)));

        /// <summary>A notice: short, says what it is licensed under, and reserves nothing.</summary>
        private static bool IsNotice(List<string> words) =>
            words.Count > 0 && words.Count <= MaxNoticeWords
            && words.Contains("under") && (words.Contains("licensed") || words.Contains("license") || words.Contains("terms"))
            && !words.Any(Reservations.Contains);

        private static bool OffersInAddition(List<string> words)
        {
            for (int i = 0; i < words.Count; i++)
            {
                if (IsAt(words, i, new[] { "in", "addition" }) || IsAt(words, i, new[] { "also", "offered" }) || IsAt(words, i, new[] { "also", "available" })
                    || IsAt(words, i, new[] { "also", "licensed" }) || IsAt(words, i, new[] { "alternatively" }))
                {
                    return true;
                }
            }

            return OffersChoice(words);
        }

        /// <summary>The http(s) URLs of a text, without the punctuation that ends a sentence around them.</summary>
        private static List<string> Urls(string text)
        {
            var urls = new List<string>();
            int index = 0;
            while ((index = IndexOfUrl(text, index)) >= 0)
            {
                int end = index;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '<' && text[end] != '>' && text[end] != '"' && text[end] != ')' && text[end] != ']')
                {
                    end++;
                }

                string url = text.Substring(index, end - index).TrimEnd('.', ',', ';', ':', '\'', '*', '_');
                if (!urls.Contains(url))
                {
                    urls.Add(url);
                }

                index = end;
            }

            return urls;
        }

        private static int IndexOfUrl(string text, int start)
        {
            int http = text.IndexOf("http://", start, StringComparison.OrdinalIgnoreCase);
            int https = text.IndexOf("https://", start, StringComparison.OrdinalIgnoreCase);
            return http < 0 ? https : https < 0 ? http : Math.Min(http, https);
        }

        /// <summary>Returns whether normalised words offer a choice of licences (GNU's "or (at your option) any later version" does not).</summary>
        public static bool OffersChoice(IReadOnlyList<string> words)
        {
            for (int i = 0; i < words.Count; i++)
            {
                if (ChoicePhrases.Any(phrase => IsAt(words, i, phrase)))
                {
                    return true;
                }

                if (IsAt(words, i, new[] { "at", "your", "option" }) && !IsAt(words, i + 3, new[] { "any", "later" }))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Markdown headings: ATX (<c># Title</c>, level by the number of #), setext (underlined with = or -), and lines
        /// that are bold and nothing else (level 7, below any other).</summary>
        private static List<(int Line, int Level, string Text)> Headings(string[] lines)
        {
            var headings = new List<(int Line, int Level, string Text)>();
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim().Trim('\uFEFF');
                if (line.Length == 0)
                {
                    continue;
                }

                int hashes = line.TakeWhile(c => c == '#').Count();
                if (hashes is >= 1 and <= 6 && line.Length > hashes && line[hashes] == ' ')
                {
                    headings.Add((i, hashes, Clean(line.Substring(hashes))));
                }
                else if (i + 1 < lines.Length && IsUnderline(lines[i + 1].Trim()))
                {
                    headings.Add((i, lines[i + 1].Trim()[0] == '=' ? 1 : 2, Clean(line)));
                    i++;
                }
                else if (line.Length > 4 && line.Length <= 120 && line.StartsWith("**", StringComparison.Ordinal) && line.EndsWith("**", StringComparison.Ordinal)
                    && line.IndexOf("**", 2, StringComparison.Ordinal) == line.Length - 2)
                {
                    headings.Add((i, 7, Clean(line)));
                }
            }

            return headings;
        }

        private static bool IsUnderline(string line) => line.Length >= 3 && (line.All(c => c == '=') || line.All(c => c == '-'));

        private static string Clean(string heading) => heading.Trim().Trim('#', '*', '_', '`', ':', ' ').Trim();

        private static bool IsAt(IReadOnlyList<string> words, int index, string[] phrase)
        {
            if (index + phrase.Length > words.Count)
            {
                return false;
            }

            for (int j = 0; j < phrase.Length; j++)
            {
                if (words[index + j] != phrase[j])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
