using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace LicenseGuard.Gather.Licensing
{
    /// <summary>One licence text of the SPDX License List, reduced to what the matcher compares.</summary>
    public sealed class SpdxLicense
    {
        internal SpdxLicense(string id, string name, bool osiApproved, long[] bigrams, int[] words)
        {
            Id = id;
            Name = name;
            OsiApproved = osiApproved;
            Bigrams = bigrams;
            Words = words;
        }

        /// <summary>Gets the SPDX id.</summary>
        public string Id { get; }

        /// <summary>Gets the full name.</summary>
        public string Name { get; }

        /// <summary>Gets a value indicating whether the OSI approved it.</summary>
        public bool OsiApproved { get; }

        /// <summary>Gets the distinct word pairs of the normalised text, sorted.</summary>
        internal long[] Bigrams { get; }

        /// <summary>
        /// Gets the normalised words in order (vocabulary ids) for a short licence, whose templates have holders' names and
        /// similar replaceable text that an edited copy changes (<see cref="LicenseTextMatcher"/>); empty for a long one.
        /// </summary>
        internal int[] Words { get; }
    }

    /// <summary>
    /// The SPDX License List: every current licence text (some in two forms), reduced to sorted word-pair sets, and the
    /// exception ids. The texts themselves (rules/spdx/spdx-licenses.tsv.gz) are normalised once, when the data is
    /// regenerated (rules/spdx/update.sh), into a compact index embedded here, so the first licence file of a build costs
    /// a few milliseconds instead of normalising five megabytes of text; a test rebuilds the index from the texts and
    /// requires the embedded one to be identical.
    /// </summary>
    public sealed class SpdxLicenseList
    {
        private const string IndexResource = "LicenseGuard.Gather.spdx-index.bin.gz";
        private const string Magic = "LicenseGuard SPDX index 2";

        /// <summary>Licences of at most this many words keep their word sequence in the index (BSD, MIT, ISC and their kin).</summary>
        public const int MaxSequenceWords = 700;

        private static readonly Lazy<SpdxLicenseList> Embedded = new Lazy<SpdxLicenseList>(LoadEmbedded);

        private readonly Dictionary<string, int> vocabulary;
        private readonly string[] wordsById;

        private SpdxLicenseList(List<SpdxLicense> licenses, HashSet<string> exceptions, Dictionary<string, int> vocabulary, string source)
        {
            Licenses = licenses;
            Exceptions = exceptions;
            this.vocabulary = vocabulary;
            wordsById = new string[vocabulary.Count];
            foreach (var pair in vocabulary)
            {
                wordsById[pair.Value] = pair.Key;
            }

            Source = source;
        }

        /// <summary>Gets the list embedded in this assembly.</summary>
        public static SpdxLicenseList Instance => Embedded.Value;

        /// <summary>Gets the licence texts (deprecated ids left out: their texts are their successors').</summary>
        public IReadOnlyList<SpdxLicense> Licenses { get; }

        /// <summary>Gets the ids of the SPDX licence exceptions (the right-hand side of <c>WITH</c>).</summary>
        public IReadOnlyCollection<string> Exceptions { get; }

        /// <summary>Gets the versions of the data it was built from.</summary>
        public string Source { get; }

        /// <summary>Reads the texts file (rules/spdx/spdx-licenses.tsv.gz): its source line, licences and exception ids.</summary>
        public static (string Source, List<(string Id, string Name, bool Osi, string Text)> Licenses, List<string> Exceptions) ReadTexts(Stream gzip)
        {
            using var reader = new StreamReader(new GZipStream(gzip, CompressionMode.Decompress), Encoding.UTF8);
            var licenses = new List<(string, string, bool, string)>();
            var exceptions = new List<string>();
            string source = string.Empty;
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                var fields = line.Split('\t');
                if (line.StartsWith("#", StringComparison.Ordinal))
                {
                    source = line.TrimStart('#', ' ');
                }
                else if (fields[0] == "E" && fields.Length >= 2)
                {
                    exceptions.Add(fields[1]);
                }
                else if (fields[0] == "L" && fields.Length >= 5)
                {
                    licenses.Add((fields[1], Unescape(fields[2]), fields[3] == "1", Unescape(fields[4])));
                }
            }

            return (source, licenses, exceptions);
        }

        /// <summary>Builds the compact index (gzip) from the texts: the one place texts are normalised for the list.</summary>
        public static byte[] BuildIndex(Stream textsGzip)
        {
            var (source, texts, exceptions) = ReadTexts(textsGzip);
            var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
            var words = new List<string>();
            var forms = new List<(string Id, string Name, bool Osi, long[] Bigrams, int[] Words)>();
            foreach (var (id, name, osi, text) in texts)
            {
                var tokens = LicenseText.Words(text);
                var bigrams = new HashSet<long>();
                for (int i = 1; i < tokens.Count; i++)
                {
                    bigrams.Add(Pair(Intern(tokens[i - 1]), Intern(tokens[i])));
                }

                var sorted = new long[bigrams.Count];
                bigrams.CopyTo(sorted);
                Array.Sort(sorted);
                forms.Add((id, name, osi, sorted, tokens.Count <= MaxSequenceWords ? tokens.Select(Intern).ToArray() : Array.Empty<int>()));
            }

            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            using (var writer = new BinaryWriter(gzip, Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(source);
                Write7BitEncoded(writer, words.Count);
                foreach (var word in words)
                {
                    writer.Write(word);
                }

                Write7BitEncoded(writer, exceptions.Count);
                foreach (var exception in exceptions)
                {
                    writer.Write(exception);
                }

                Write7BitEncoded(writer, forms.Count);
                foreach (var (id, name, osi, bigrams, sequence) in forms)
                {
                    writer.Write(id);
                    writer.Write(name);
                    writer.Write(osi);
                    Write7BitEncoded(writer, bigrams.Length);
                    long previous = 0;
                    foreach (long pair in bigrams)
                    {
                        WriteVarLong(writer, pair - previous);
                        previous = pair;
                    }

                    Write7BitEncoded(writer, sequence.Length);
                    foreach (int word in sequence)
                    {
                        Write7BitEncoded(writer, word);
                    }
                }
            }

            return output.ToArray();

            int Intern(string word)
            {
                if (!vocabulary.TryGetValue(word, out int wordId))
                {
                    wordId = words.Count;
                    vocabulary[word] = wordId;
                    words.Add(word);
                }

                return wordId;
            }
        }

        /// <summary>Reads an index written by <see cref="BuildIndex"/>.</summary>
        public static SpdxLicenseList ReadIndex(Stream indexGzip)
        {
            // Decompressed whole first: reading a GZipStream a byte at a time costs about a second for this index.
            var bytes = new MemoryStream();
            using (var gzip = new GZipStream(indexGzip, CompressionMode.Decompress))
            {
                gzip.CopyTo(bytes);
            }

            bytes.Position = 0;
            using var reader = new BinaryReader(bytes, Encoding.UTF8);
            if (reader.ReadString() != Magic)
            {
                throw new InvalidDataException("Not a LicenseGuard SPDX index.");
            }

            string source = reader.ReadString();
            int wordCount = Read7BitEncoded(reader);
            var vocabulary = new Dictionary<string, int>(wordCount, StringComparer.Ordinal);
            for (int i = 0; i < wordCount; i++)
            {
                vocabulary[reader.ReadString()] = i;
            }

            int exceptionCount = Read7BitEncoded(reader);
            var exceptions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < exceptionCount; i++)
            {
                exceptions.Add(reader.ReadString());
            }

            int formCount = Read7BitEncoded(reader);
            var licenses = new List<SpdxLicense>(formCount);
            for (int i = 0; i < formCount; i++)
            {
                string id = reader.ReadString();
                string name = reader.ReadString();
                bool osi = reader.ReadBoolean();
                var bigrams = new long[Read7BitEncoded(reader)];
                long previous = 0;
                for (int j = 0; j < bigrams.Length; j++)
                {
                    previous += ReadVarLong(reader);
                    bigrams[j] = previous;
                }

                var sequence = new int[Read7BitEncoded(reader)];
                for (int j = 0; j < sequence.Length; j++)
                {
                    sequence[j] = Read7BitEncoded(reader);
                }

                licenses.Add(new SpdxLicense(id, name, osi, bigrams, sequence));
            }

            return new SpdxLicenseList(licenses, exceptions, vocabulary, source);
        }

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

        /// <summary>Returns the vocabulary ids of a text's words in order; words the list never uses get ids of their own.</summary>
        internal int[] IdsOf(IReadOnlyList<string> words)
        {
            var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
            var ids = new int[words.Count];
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = IdOf(words[i], unknown);
            }

            return ids;
        }

        /// <summary>Returns the word a vocabulary id stands for (for messages and the replaceable-text rules).</summary>
        internal string WordOf(int id) => id >= 0 && id < wordsById.Length ? wordsById[id] : string.Empty;

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

        private static SpdxLicenseList LoadEmbedded()
        {
            using var stream = typeof(SpdxLicenseList).Assembly.GetManifestResourceStream(IndexResource)
                ?? throw new InvalidOperationException("The SPDX licence index is not embedded in LicenseGuard.Gather.");
            return ReadIndex(stream);
        }

        private static void Write7BitEncoded(BinaryWriter writer, int value) => WriteVarLong(writer, value);

        private static int Read7BitEncoded(BinaryReader reader) => checked((int)ReadVarLong(reader));

        private static void WriteVarLong(BinaryWriter writer, long value)
        {
            ulong v = (ulong)value;
            while (v >= 0x80)
            {
                writer.Write((byte)(v | 0x80));
                v >>= 7;
            }

            writer.Write((byte)v);
        }

        private static long ReadVarLong(BinaryReader reader)
        {
            ulong result = 0;
            for (int shift = 0; shift < 64; shift += 7)
            {
                byte b = reader.ReadByte();
                result |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return (long)result;
                }
            }

            throw new InvalidDataException("Malformed number in the SPDX index.");
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
