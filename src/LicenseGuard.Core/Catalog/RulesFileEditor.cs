using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LicenseGuard.Json;

namespace LicenseGuard.Catalog
{
    /// <summary>
    /// Adds entries to a rules file as text, keeping everything else (comments, order, formatting) as the user wrote it.
    /// Used by the "add an exception to licenseguard.json" code fix.
    /// </summary>
    public static class RulesFileEditor
    {
        /// <summary>The schema URL new rules files point at, for completion and validation in editors.</summary>
        public const string SchemaUrl = "https://raw.githubusercontent.com/licenseguard/licenseguard/main/rules/schema/licenseguard.schema.json";

        /// <summary>The text of a new, empty rules file.</summary>
        public static string NewFile(string newLine = "\n") => "{" + newLine + "  \"$schema\": \"" + SchemaUrl + "\"" + newLine + "}" + newLine;

        /// <summary>
        /// Appends <paramref name="itemJson"/> to the array at <paramref name="path"/> (e.g. <c>policy</c>, <c>exceptions</c>),
        /// creating the objects and the array that are missing. Returns null when the file is not a JSON object or a value on
        /// the path has another type; an item already in the array is not added twice.
        /// </summary>
        public static string? AddToArray(string text, IReadOnlyList<string> path, string itemJson)
        {
            JsonNode root;
            try
            {
                root = JsonReader.Parse("licenseguard.json", text);
            }
            catch (JsonParseException)
            {
                return null;
            }

            if (root.Kind != JsonKind.Object || path.Count == 0)
            {
                return null;
            }

            string newLine = text.Contains("\r\n") ? "\r\n" : "\n";
            var current = root;
            for (int i = 0; i < path.Count; i++)
            {
                var property = current.Find(path[i]);
                if (property == null)
                {
                    return Insert(text, current, "\"" + path[i] + "\": " + Nest(path.Skip(i + 1).ToList(), itemJson), newLine);
                }

                current = property.Value;
                var expected = i == path.Count - 1 ? JsonKind.Array : JsonKind.Object;
                if (current.Kind != expected)
                {
                    return null;
                }
            }

            string item = Canonical(itemJson);
            return current.Items.Any(existing => Canonical(text.Substring(existing.Span.Start, existing.Span.Length)) == item)
                ? text
                : Insert(text, current, itemJson, newLine);
        }

        private static string Nest(IReadOnlyList<string> rest, string itemJson)
        {
            string value = "[ " + itemJson + " ]";
            for (int i = rest.Count - 1; i >= 0; i--)
            {
                value = "{ \"" + rest[i] + "\": " + value + " }";
            }

            return value;
        }

        /// <summary>Inserts a member before the container's closing bracket, on its own line, indented like its siblings.</summary>
        private static string Insert(string text, JsonNode container, string member, string newLine)
        {
            int open = container.Span.Start;
            int close = container.Span.Start + container.Span.Length - 1;
            string ownIndent = IndentOfLine(text, open);
            var members = container.Kind == JsonKind.Object
                ? container.Properties.Select(p => (p.NameSpan.Start, p.Value.Span.Start + p.Value.Span.Length)).ToList()
                : container.Items.Select(v => (v.Span.Start, v.Span.Start + v.Span.Length)).ToList();
            if (members.Count == 0)
            {
                string childIndent = ownIndent + "  ";
                return text.Substring(0, open + 1) + newLine + childIndent + member + newLine + ownIndent + text.Substring(close);
            }

            var last = members[members.Count - 1];
            bool multiline = text.IndexOf('\n', open, close - open) >= 0;
            string separator = multiline ? "," + newLine + IndentOfLine(text, last.Item1) : ", ";
            return text.Substring(0, last.Item2) + separator + member + text.Substring(last.Item2);
        }

        private static string IndentOfLine(string text, int position)
        {
            int lineStart = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
            int end = lineStart;
            while (end < text.Length && (text[end] == ' ' || text[end] == '\t'))
            {
                end++;
            }

            return text.Substring(lineStart, end - lineStart);
        }

        private static string Canonical(string json)
        {
            var builder = new StringBuilder();
            bool inString = false;
            for (int i = 0; i < json.Length; i++)
            {
                char c = json[i];
                if (c == '"' && (i == 0 || json[i - 1] != '\\'))
                {
                    inString = !inString;
                }

                if (inString || !char.IsWhiteSpace(c))
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }
}
