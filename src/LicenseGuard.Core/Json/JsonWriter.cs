using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LicenseGuard.Json
{
    /// <summary>A small indented JSON writer for the inventory and reports (no dependencies, deterministic output).</summary>
    public sealed class JsonWriter
    {
        private readonly StringBuilder builder = new StringBuilder();
        private readonly Stack<bool> first = new Stack<bool>();
        private bool pendingName;

        /// <summary>Starts an object (as a value or after <see cref="Name"/>).</summary>
        public JsonWriter StartObject() => Open('{');

        /// <summary>Ends the current object.</summary>
        public JsonWriter EndObject() => Close('}');

        /// <summary>Starts an array.</summary>
        public JsonWriter StartArray() => Open('[');

        /// <summary>Ends the current array.</summary>
        public JsonWriter EndArray() => Close(']');

        /// <summary>Writes a property name; the next call writes its value.</summary>
        public JsonWriter Name(string name)
        {
            Separate();
            WriteString(name);
            builder.Append(": ");
            pendingName = true;
            return this;
        }

        /// <summary>Writes a string or null.</summary>
        public JsonWriter Value(string? value)
        {
            Separate();
            if (value == null)
            {
                builder.Append("null");
            }
            else
            {
                WriteString(value);
            }

            return this;
        }

        /// <summary>Writes a boolean.</summary>
        public JsonWriter Value(bool value)
        {
            Separate();
            builder.Append(value ? "true" : "false");
            return this;
        }

        /// <summary>Writes a number.</summary>
        public JsonWriter Value(long value)
        {
            Separate();
            builder.Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        /// <summary>Writes a property with a string value.</summary>
        public JsonWriter Property(string name, string? value) => Name(name).Value(value);

        /// <summary>Writes a property with a boolean value.</summary>
        public JsonWriter Property(string name, bool value) => Name(name).Value(value);

        /// <summary>Writes a property with a number value.</summary>
        public JsonWriter Property(string name, long value) => Name(name).Value(value);

        /// <summary>Writes a property with an array of strings.</summary>
        public JsonWriter Property(string name, IEnumerable<string> values)
        {
            Name(name).StartArray();
            foreach (var value in values)
            {
                Value(value);
            }

            return EndArray();
        }

        /// <inheritdoc/>
        public override string ToString() => builder.ToString();

        private JsonWriter Open(char bracket)
        {
            Separate();
            builder.Append(bracket);
            first.Push(true);
            return this;
        }

        private JsonWriter Close(char bracket)
        {
            bool empty = first.Pop();
            if (!empty)
            {
                NewLine();
            }

            builder.Append(bracket);
            return this;
        }

        private void Separate()
        {
            if (pendingName)
            {
                pendingName = false;
                return;
            }

            if (first.Count == 0)
            {
                return;
            }

            if (!first.Peek())
            {
                builder.Append(',');
            }

            first.Pop();
            first.Push(false);
            NewLine();
        }

        private void NewLine() => builder.Append('\n').Append(' ', first.Count * 2);

        private void WriteString(string value)
        {
            builder.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < ' ')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
        }
    }
}
