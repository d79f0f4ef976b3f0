using System;
using System.Collections.Generic;
using System.Text;

namespace LicenseGuard.Gather.Licensing
{
    /// <summary>
    /// Normalises a licence text to the words that carry its meaning, the same way for the SPDX texts and for a package's
    /// licence file: case, white space, line wrapping, punctuation, markdown, bullets and numbering, URLs, copyright lines,
    /// template placeholders (<c>&lt;year&gt;</c>) and British spellings do not count.
    /// </summary>
    public static class LicenseText
    {
        /// <summary>Texts are read up to this many characters (licence files of real packages are far shorter).</summary>
        public const int MaxLength = 256 * 1024;

        private static readonly Dictionary<string, string> Spellings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["licence"] = "license", ["licences"] = "licenses", ["licenced"] = "licensed", ["licencing"] = "licensing",
            ["sublicence"] = "sublicense", ["authorised"] = "authorized", ["organisation"] = "organization", ["whilst"] = "while",
            ["labelled"] = "labeled", ["favour"] = "favor", ["behaviour"] = "behavior", ["acknowledgement"] = "acknowledgment",
        };

        /// <summary>Returns the text's words in order.</summary>
        public static List<string> Words(string text)
        {
            if (text.Length > MaxLength)
            {
                text = text.Substring(0, MaxLength);
            }

            var words = new List<string>(text.Length / 6);
            var word = new StringBuilder(32);
            int lineStart = 0;
            while (lineStart < text.Length)
            {
                int lineEnd = text.IndexOf('\n', lineStart);
                if (lineEnd < 0)
                {
                    lineEnd = text.Length;
                }

                if (!IsCopyrightLine(text, lineStart, lineEnd))
                {
                    AddWords(text, lineStart, lineEnd, word, words);
                }

                lineStart = lineEnd + 1;
            }

            return words;
        }

        /// <summary>The first line with words, without markdown marks: what a licence file calls itself.</summary>
        public static string? Title(string text)
        {
            int start = 0;
            while (start < text.Length && start < 4096)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    end = text.Length;
                }

                // A byte-order mark survives decoding with Encoding.UTF8 (Microsoft's EULAs start with one).
                string line = text.Substring(start, end - start).Trim().Trim('\uFEFF', '#', '*', '_', '=', '-', ' ', '\t', '\r').Trim();
                if (line.Length > 0)
                {
                    return line.Length <= 120 ? line : null;
                }

                start = end + 1;
            }

            return null;
        }

        private static bool IsCopyrightLine(string text, int start, int end)
        {
            while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == '#' || text[start] == '*' || text[start] == '>' || text[start] == '-'))
            {
                start++;
            }

            // A copyright line names a year, a holder "by" someone, a (c) or © mark, or a template field. MS-PL's "(A) Copyright
            // Grant- Subject to…" rewrapped to the start of a line, and its "(C) If you distribute…", are clauses and stay.
            string line = text.Substring(start, end - start);
            if (StartsWith(text, start, end, "copyright"))
            {
                return line.IndexOf("(c)", StringComparison.OrdinalIgnoreCase) >= 0 || line.IndexOf('\u00A9') >= 0 || line.IndexOf('<') >= 0
                    || line.IndexOf(" by ", StringComparison.OrdinalIgnoreCase) >= 0 || HasYear(line);
            }

            if (StartsWith(text, start, end, "(c)") || StartsWith(text, start, end, "\u00A9"))
            {
                return HasYear(line) || line.IndexOf("rights reserved", StringComparison.OrdinalIgnoreCase) >= 0 || line.IndexOf('<') >= 0;
            }

            return StartsWith(text, start, end, "all rights reserved") || StartsWith(text, start, end, "portions copyright");
        }

        private static bool HasYear(string line)
        {
            for (int i = 0; i + 4 <= line.Length; i++)
            {
                if ((line[i] == '1' && line[i + 1] == '9') || (line[i] == '2' && line[i + 1] == '0'))
                {
                    if (char.IsDigit(line[i + 2]) && char.IsDigit(line[i + 3]) && (i + 4 == line.Length || !char.IsDigit(line[i + 4])) && (i == 0 || !char.IsDigit(line[i - 1])))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool StartsWith(string text, int start, int end, string prefix) =>
            end - start >= prefix.Length && string.Compare(text, start, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

        private static void AddWords(string text, int start, int end, StringBuilder word, List<string> words)
        {
            for (int i = start; i <= end; i++)
            {
                char c = i < end ? text[i] : ' ';

                // URLs name where a licence lives, not what it says; <placeholders> are the SPDX template's fields.
                if (c == 'h' && word.Length == 0 && (IsAt(text, i, end, "http://") || IsAt(text, i, end, "https://")))
                {
                    i = SkipUntilSpace(text, i, end) - 1;
                    continue;
                }

                if (c == '<')
                {
                    int close = text.IndexOf('>', i);
                    if (close > i && close < end && close - i <= 60)
                    {
                        Flush(word, words);
                        i = close;
                        continue;
                    }
                }

                if (char.IsLetterOrDigit(c))
                {
                    word.Append(char.ToLowerInvariant(c));
                    continue;
                }

                Flush(word, words);
            }
        }

        private static void Flush(StringBuilder word, List<string> words)
        {
            if (word.Length == 0)
            {
                return;
            }

            // Single letters and bare numbers are list labels and section numbers, which editors renumber freely.
            if (word.Length > 1 && !IsDigits(word))
            {
                string w = word.ToString();
                words.Add(Spellings.TryGetValue(w, out var american) ? american : w);
            }

            word.Clear();
        }

        private static bool IsDigits(StringBuilder word)
        {
            for (int i = 0; i < word.Length; i++)
            {
                if (!char.IsDigit(word[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsAt(string text, int index, int end, string value) =>
            end - index >= value.Length && string.Compare(text, index, value, 0, value.Length, StringComparison.OrdinalIgnoreCase) == 0;

        private static int SkipUntilSpace(string text, int index, int end)
        {
            while (index < end && !char.IsWhiteSpace(text[index]))
            {
                index++;
            }

            return index;
        }
    }
}
