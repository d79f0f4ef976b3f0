using System.Collections.Generic;

namespace LicenseGuard.Json
{
    /// <summary>The kind of a <see cref="JsonNode"/>.</summary>
    public enum JsonKind
    {
        /// <summary>A JSON object.</summary>
        Object,
        /// <summary>A JSON array.</summary>
        Array,
        /// <summary>A JSON string.</summary>
        String,
        /// <summary>A JSON number (kept as its source text).</summary>
        Number,
        /// <summary><c>true</c> or <c>false</c>.</summary>
        Boolean,
        /// <summary><c>null</c>.</summary>
        Null,
    }

    /// <summary>
    /// A JSON value that remembers where it stands in its file, so every rules-file problem can point at a line and column.
    /// </summary>
    public sealed class JsonNode
    {
        internal JsonNode(JsonKind kind, SourceSpan span)
        {
            Kind = kind;
            Span = span;
        }

        /// <summary>Gets the kind of value.</summary>
        public JsonKind Kind { get; }

        /// <summary>Gets where the value stands.</summary>
        public SourceSpan Span { get; }

        /// <summary>Gets the string value, the number's text, or "true"/"false".</summary>
        public string? Text { get; internal set; }

        /// <summary>Gets the members of an object, in file order.</summary>
        public IReadOnlyList<JsonProperty> Properties { get; internal set; } = System.Array.Empty<JsonProperty>();

        /// <summary>Gets the items of an array.</summary>
        public IReadOnlyList<JsonNode> Items { get; internal set; } = System.Array.Empty<JsonNode>();

        /// <summary>Gets the boolean value when <see cref="Kind"/> is <see cref="JsonKind.Boolean"/>.</summary>
        public bool BooleanValue => Kind == JsonKind.Boolean && Text == "true";

        /// <summary>Finds a member of an object by name (last one wins, as in most JSON readers).</summary>
        public JsonProperty? Find(string name)
        {
            JsonProperty? found = null;
            foreach (var property in Properties)
            {
                if (property.Name == name)
                {
                    found = property;
                }
            }

            return found;
        }
    }

    /// <summary>A member of a JSON object, with the position of its name.</summary>
    public sealed class JsonProperty
    {
        internal JsonProperty(string name, SourceSpan nameSpan, JsonNode value)
        {
            Name = name;
            NameSpan = nameSpan;
            Value = value;
        }

        /// <summary>Gets the member name.</summary>
        public string Name { get; }

        /// <summary>Gets where the member name (with its quotes) stands.</summary>
        public SourceSpan NameSpan { get; }

        /// <summary>Gets the value.</summary>
        public JsonNode Value { get; }
    }
}
