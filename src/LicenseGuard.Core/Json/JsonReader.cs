using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LicenseGuard.Json
{
    /// <summary>Thrown when a rules file is not well-formed JSON; carries the position of the first error.</summary>
    public sealed class JsonParseException : Exception
    {
        internal JsonParseException(string message, SourceSpan span)
            : base(message)
        {
            Span = span;
        }

        /// <summary>Gets where the error stands.</summary>
        public SourceSpan Span { get; }
    }

    /// <summary>
    /// Reads JSON with comments (<c>//</c>, <c>/* */</c>) and trailing commas into <see cref="JsonNode"/>s that keep their positions.
    /// </summary>
    /// <remarks>
    /// Written here rather than taken from System.Text.Json: the analyzer must load in every compiler host without shipping
    /// extra assemblies, and rules-file diagnostics need the exact line and column of every key, which JsonDocument does not keep.
    /// </remarks>
    public sealed class JsonReader
    {
        private const int MaxDepth = 64;

        private readonly string path;
        private readonly string text;
        private int position;
        private int line = 1;
        private int lineStart;

        private JsonReader(string path, string text)
        {
            this.path = path;
            this.text = text;
        }

        /// <summary>Parses one JSON document.</summary>
        /// <exception cref="JsonParseException">The text is not well-formed.</exception>
        public static JsonNode Parse(string path, string text)
        {
            var reader = new JsonReader(path, text);
            reader.SkipTrivia();
            var root = reader.ReadValue(0);
            reader.SkipTrivia();
            if (reader.position < text.Length)
            {
                throw reader.Error("Unexpected text after the end of the JSON document.");
            }

            return root;
        }

        private JsonNode ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error($"JSON is nested deeper than {MaxDepth} levels.");
            }

            if (position >= text.Length)
            {
                throw Error("Unexpected end of file; a value was expected.");
            }

            char c = text[position];
            switch (c)
            {
                case '{':
                    return ReadObject(depth);
                case '[':
                    return ReadArray(depth);
                case '"':
                    {
                        int start = position, startLine = line, startColumn = Column;
                        string value = ReadString();
                        return new JsonNode(JsonKind.String, Span(start, startLine, startColumn)) { Text = value };
                    }

                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber();
                    }

                    if (TryReadLiteral("true", JsonKind.Boolean, out var node) ||
                        TryReadLiteral("false", JsonKind.Boolean, out node) ||
                        TryReadLiteral("null", JsonKind.Null, out node))
                    {
                        return node!;
                    }

                    throw Error($"Unexpected character '{c}'; a value was expected.");
            }
        }

        private JsonNode ReadObject(int depth)
        {
            int start = position, startLine = line, startColumn = Column;
            position++;
            var properties = new List<JsonProperty>();
            SkipTrivia();
            while (true)
            {
                if (position >= text.Length)
                {
                    throw Error("Unexpected end of file inside an object; '}' was expected.");
                }

                if (text[position] == '}')
                {
                    position++;
                    break;
                }

                if (text[position] != '"')
                {
                    throw Error($"Unexpected character '{text[position]}'; a property name in double quotes was expected.");
                }

                int nameStart = position, nameLine = line, nameColumn = Column;
                string name = ReadString();
                var nameSpan = Span(nameStart, nameLine, nameColumn);
                SkipTrivia();
                Expect(':');
                SkipTrivia();
                var value = ReadValue(depth + 1);
                properties.Add(new JsonProperty(name, nameSpan, value));
                SkipTrivia();
                if (position < text.Length && text[position] == ',')
                {
                    position++;
                    SkipTrivia();
                }
                else if (position < text.Length && text[position] != '}')
                {
                    throw Error($"Unexpected character '{text[position]}'; ',' or '}}' was expected.");
                }
            }

            return new JsonNode(JsonKind.Object, Span(start, startLine, startColumn)) { Properties = properties };
        }

        private JsonNode ReadArray(int depth)
        {
            int start = position, startLine = line, startColumn = Column;
            position++;
            var items = new List<JsonNode>();
            SkipTrivia();
            while (true)
            {
                if (position >= text.Length)
                {
                    throw Error("Unexpected end of file inside an array; ']' was expected.");
                }

                if (text[position] == ']')
                {
                    position++;
                    break;
                }

                items.Add(ReadValue(depth + 1));
                SkipTrivia();
                if (position < text.Length && text[position] == ',')
                {
                    position++;
                    SkipTrivia();
                }
                else if (position < text.Length && text[position] != ']')
                {
                    throw Error($"Unexpected character '{text[position]}'; ',' or ']' was expected.");
                }
            }

            return new JsonNode(JsonKind.Array, Span(start, startLine, startColumn)) { Items = items };
        }

        private string ReadString()
        {
            position++; // opening quote
            var builder = new StringBuilder();
            while (true)
            {
                if (position >= text.Length)
                {
                    throw Error("Unexpected end of file inside a string.");
                }

                char c = text[position];
                if (c == '"')
                {
                    position++;
                    return builder.ToString();
                }

                if (c == '\n' || c == '\r')
                {
                    throw Error("A string must not span lines; close it with '\"'.");
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    position++;
                    continue;
                }

                if (position + 1 >= text.Length)
                {
                    throw Error("Unexpected end of file inside a string escape.");
                }

                char escape = text[position + 1];
                position += 2;
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (position + 4 > text.Length ||
                            !int.TryParse(text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            position -= 2;
                            throw Error("Invalid \\u escape; four hexadecimal digits were expected.");
                        }

                        builder.Append((char)code);
                        position += 4;
                        break;
                    default:
                        position -= 2;
                        throw Error($"Invalid escape '\\{escape}' in a string.");
                }
            }
        }

        private JsonNode ReadNumber()
        {
            int start = position, startLine = line, startColumn = Column;
            if (text[position] == '-')
            {
                position++;
            }

            int digitsStart = position;
            while (position < text.Length && (char.IsDigit(text[position]) || text[position] == '.' || text[position] == 'e' || text[position] == 'E' || text[position] == '+' || text[position] == '-'))
            {
                position++;
            }

            string number = text.Substring(start, position - start);
            if (position == digitsStart || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                position = start;
                throw Error($"Invalid number '{number}'.");
            }

            return new JsonNode(JsonKind.Number, Span(start, startLine, startColumn)) { Text = number };
        }

        private bool TryReadLiteral(string literal, JsonKind kind, out JsonNode? node)
        {
            node = null;
            if (string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0)
            {
                return false;
            }

            int start = position, startLine = line, startColumn = Column;
            position += literal.Length;
            node = new JsonNode(kind, Span(start, startLine, startColumn)) { Text = kind == JsonKind.Null ? null : literal };
            return true;
        }

        private void Expect(char expected)
        {
            if (position >= text.Length || text[position] != expected)
            {
                string found = position >= text.Length ? "end of file" : $"'{text[position]}'";
                throw Error($"Unexpected {found}; '{expected}' was expected.");
            }

            position++;
        }

        private void SkipTrivia()
        {
            while (position < text.Length)
            {
                char c = text[position];
                if (c == '\n')
                {
                    position++;
                    line++;
                    lineStart = position;
                }
                else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF')
                {
                    position++;
                }
                else if (c == '/' && position + 1 < text.Length && text[position + 1] == '/')
                {
                    while (position < text.Length && text[position] != '\n')
                    {
                        position++;
                    }
                }
                else if (c == '/' && position + 1 < text.Length && text[position + 1] == '*')
                {
                    int end = text.IndexOf("*/", position + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw Error("Unterminated /* comment.");
                    }

                    for (int i = position; i < end; i++)
                    {
                        if (text[i] == '\n')
                        {
                            line++;
                            lineStart = i + 1;
                        }
                    }

                    position = end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private int Column => position - lineStart + 1;

        private SourceSpan Span(int start, int startLine, int startColumn) =>
            new SourceSpan(path, start, position - start, startLine, startColumn);

        private JsonParseException Error(string message)
        {
            int length = position < text.Length ? 1 : 0;
            return new JsonParseException(message, new SourceSpan(path, position, length, line, Column));
        }
    }
}
