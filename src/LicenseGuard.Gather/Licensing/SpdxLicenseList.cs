using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace LicenseGuard.Gather.Licensing
{
    /// <summary>One licence of the SPDX License List, reduced to what the matcher compares.</summary>
    public sealed class SpdxLicense
    {
        internal SpdxLicense(string id, string name, bool osiApproved, long[] bigrams)
        {
            Id = id;
            Name = name;
            OsiApproved = osiApproved;
            Bigrams = bigrams;
        }

        /// <summary>Gets the SPDX id.</summary>
        public string Id { get; }

        /// <summary>Gets the full name.</summary>
        public string Name { get; }

        /// <summary>Gets a value indicating whether the OSI approved it.</summary>
        public bool OsiApproved { get; }

        /// <summary>Gets the distinct word pairs of the normalised text, sorted.</summary>
        internal long[] Bigrams { get; }
    }

    /// <summary>
    /// The SPDX License List (every current licence text, and the exception ids), embedded from rules/spdx/ and loaded once
    /// per process on first use.
    /// </summary>
    public sealed class SpdxLicenseList
    {
        private static readonly Lazy<SpdxLicenseList> Embedded = new Lazy<SpdxLicenseList>(Load);

        private readonly Dictionary<string, int> vocabulary;

        private SpdxLicenseList(List<SpdxLicense> licenses, HashSet<string> exceptions, Dictionary<string, int> vocabulary, string source)
        {
            Licenses = licenses;
            Exceptions = exceptions;
            this.vocabulary = vocabulary;
            Source = source;
        }

        /// <summary>Gets the list embedded in this assembly.</summary>
        public static SpdxLicenseList Instance => Embedded.Value;

        /// <summary>Gets the licences (deprecated ids left out: their texts are their successors').</summary>
        public IReadOnlyList<SpdxLicense> Licenses { get; }

        /// <summary>Gets the ids of the SPDX licence exceptions (the right-hand side of <c>WITH</c>).</summary>
        public IReadOnlyCollection<string> Exceptions { get; }

        /// <summary>Gets the versions of the data, as its first line says.</summary>
        public string Source { get; }

        /// <summary>Returns the distinct word pairs of a text; words the list never uses get ids of their own.</summary>
        internal HashSet<long> BigramsOf(IReadOnlyList<string> words)
        {
            var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
            var set = new HashSet<long>();
            for (int i = 1; i < words.Count; i++)
            {
                set.Add(Pair(IdOf(words[i - 1], unknown), IdOf(words[i], unknown)));
            }

            return set;
        }

        private int IdOf(string word, Dictionary<string, int> unknown)
        {
            if (vocabulary.TryGetValue(word, out int id))
            {
                return id;
            }

            if (!unknown.TryGetValue(word, out id))
            {
                id = -1 - unknown.Count;
                unknown[word] = id;
            }

            return id;
        }

        private static long Pair(int first, int second) => ((long)first << 32) ^ (uint)second;

        /// <summary>The embedded texts themselves, for tests that match every SPDX text.</summary>
        internal static IEnumerable<(string Id, string Text)> EmbeddedTexts()
        {
            using var reader = OpenEmbedded();
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                var fields = line.Split('\t');
                if (fields[0] == "L" && fields.Length >= 5)
                {
                    yield return (fields[1], Unescape(fields[4]));
                }
            }
        }

        private static StreamReader OpenEmbedded()
        {
            var stream = typeof(SpdxLicenseList).Assembly.GetManifestResourceStream("LicenseGuard.Gather.spdx-licenses.tsv.gz")
                ?? throw new InvalidOperationException("The SPDX licence data is not embedded in LicenseGuard.Gather.");
            return new StreamReader(new GZipStream(stream, CompressionMode.Decompress), Encoding.UTF8);
        }

        private static SpdxLicenseList Load()
        {
            using var reader = OpenEmbedded();
            var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
            var licenses = new List<SpdxLicense>(700);
            var exceptions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            string source = string.Empty;
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                if (line.StartsWith("#", StringComparison.Ordinal))
                {
                    source = line.TrimStart('#', ' ');
                    continue;
                }

                var fields = line.Split('\t');
                if (fields[0] == "E" && fields.Length >= 2)
                {
                    exceptions.Add(fields[1]);
                }
                else if (fields[0] == "L" && fields.Length >= 5)
                {
                    var words = LicenseText.Words(Unescape(fields[4]));
                    var bigrams = new HashSet<long>();
                    for (int i = 1; i < words.Count; i++)
                    {
                        bigrams.Add(Pair(Intern(words[i - 1], vocabulary), Intern(words[i], vocabulary)));
                    }

                    var sorted = new long[bigrams.Count];
                    bigrams.CopyTo(sorted);
                    Array.Sort(sorted);
                    licenses.Add(new SpdxLicense(fields[1], Unescape(fields[2]), fields[3] == "1", sorted));
                }
            }

            return new SpdxLicenseList(licenses, exceptions, vocabulary, source);
        }

        private static int Intern(string word, Dictionary<string, int> vocabulary)
        {
            if (!vocabulary.TryGetValue(word, out int id))
            {
                id = vocabulary.Count;
                vocabulary[word] = id;
            }

            return id;
        }

        private static string Unescape(string value)
        {
            if (value.IndexOf('\\') < 0)
            {
                return value;
            }

            var builder = new StringBuilder(value.Length);
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '\\' && i + 1 < value.Length)
                {
                    char next = value[++i];
                    builder.Append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }
}
