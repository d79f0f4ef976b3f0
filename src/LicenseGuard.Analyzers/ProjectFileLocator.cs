using System;
using Microsoft.CodeAnalysis.Text;

namespace LicenseGuard.Analyzers
{
    /// <summary>Finds the element of a project or props file that names a package or project, by text (no XML parser in the compiler).</summary>
    internal sealed class ProjectFileLocator
    {
        private readonly string text;

        public ProjectFileLocator(SourceText source)
        {
            text = source.ToString();
        }

        /// <summary>Finds <c>&lt;elementName Include|Update="id"</c> and returns the span of its start tag.</summary>
        public TextSpan? FindElement(string elementName, string id)
        {
            foreach (var attribute in new[] { "Include", "Update" })
            {
                foreach (var quote in new[] { "\"", "'" })
                {
                    string needle = attribute + "=" + quote + id + quote;
                    for (int at = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.OrdinalIgnoreCase))
                    {
                        int open = text.LastIndexOf('<', at);
                        if (open >= 0 && string.Compare(text, open + 1, elementName, 0, elementName.Length, StringComparison.OrdinalIgnoreCase) == 0 && char.IsWhiteSpace(text[open + 1 + elementName.Length]))
                        {
                            int close = text.IndexOf('>', at);
                            return TextSpan.FromBounds(open, close < 0 ? at + needle.Length : close + 1);
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>Finds a <c>&lt;ProjectReference&gt;</c> whose file name (without extension) is <paramref name="projectName"/>.</summary>
        public TextSpan? FindProjectReference(string projectName)
        {
            for (int open = text.IndexOf("<ProjectReference", StringComparison.OrdinalIgnoreCase); open >= 0; open = text.IndexOf("<ProjectReference", open + 1, StringComparison.OrdinalIgnoreCase))
            {
                int close = text.IndexOf('>', open);
                if (close < 0)
                {
                    break;
                }

                string tag = text.Substring(open, close - open);
                int include = tag.IndexOf("Include=", StringComparison.OrdinalIgnoreCase);
                if (include < 0 || include + 9 >= tag.Length)
                {
                    continue;
                }

                char quote = tag[include + 8];
                int end = tag.IndexOf(quote, include + 9);
                if (end < 0)
                {
                    continue;
                }

                string path = tag.Substring(include + 9, end - include - 9).Replace('\\', '/');
                string name = path.Substring(path.LastIndexOf('/') + 1);
                int dot = name.LastIndexOf('.');
                if (string.Equals(dot > 0 ? name.Substring(0, dot) : name, projectName, StringComparison.OrdinalIgnoreCase))
                {
                    return TextSpan.FromBounds(open, close + 1);
                }
            }

            return null;
        }
    }
}
