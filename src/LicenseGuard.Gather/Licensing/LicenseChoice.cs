using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGuard.Gather.Licensing
{
    /// <summary>
    /// Reads a licence file that offers a choice of licences in prose, one section each, as Hangfire's LICENSE.md does
    /// ("multi-licensed under the terms of the licenses listed in this file. Recipients may choose…", then "LGPL v3 License"
    /// and "Commercial License" sections). Only the structure is read here: the section headings, and whether the opening
    /// offers a choice. Which licences the headings name is the evaluator's call, from the catalog; a section's text is never
    /// searched for licence names.
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

        /// <summary>
        /// Returns the headings of the file's sections when its opening (the text before the first section, after the file's
        /// own title) offers a choice and there are at least two sections at the first section's level; otherwise none.
        /// </summary>
        public static List<string> OfferedSections(string text)
        {
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

            if (headings.Count < 2)
            {
                return new List<string>();
            }

            int openingStart = firstContent < 0 ? 0 : firstContent;
            string opening = string.Join("\n", lines.Skip(openingStart).Take(headings[0].Line - openingStart));
            var openingWords = LicenseText.Words(opening);
            if (openingWords.Count > MaxOpeningWords || !OffersChoice(openingWords))
            {
                return new List<string>();
            }

            int level = headings[0].Level;
            return headings.Where(h => h.Level == level).Select(h => h.Text).ToList();
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
