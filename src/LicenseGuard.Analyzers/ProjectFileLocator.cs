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

        /// <summary>
        /// Finds the item element (None, Content, EmbeddedResource) whose Include or Update names <paramref name="item"/>, literally
        /// or through a wildcard; the literal match wins.
        /// </summary>
        public TextSpan? FindItem(string item)
        {
            string wanted = item.Replace('\\', '/');
            TextSpan? wildcard = null;
            foreach (var element in new[] { "<None", "<Content", "<EmbeddedResource" })
            {
                for (int open = text.IndexOf(element, StringComparison.OrdinalIgnoreCase); open >= 0; open = text.IndexOf(element, open + 1, StringComparison.OrdinalIgnoreCase))
                {
                    int close = text.IndexOf('>', open);
                    if (close < 0)
                    {
                        break;
                    }

                    string tag = text.Substring(open, close - open);
                    foreach (var attribute in new[] { "Include=", "Update=" })
                    {
                        int at = tag.IndexOf(attribute, StringComparison.OrdinalIgnoreCase);
                        if (at < 0 || at + attribute.Length >= tag.Length)
                        {
                            continue;
                        }

                        char quote = tag[at + attribute.Length];
                        int end = tag.IndexOf(quote, at + attribute.Length + 1);
                        if (end < 0)
                        {
                            continue;
                        }

                        foreach (var spec in tag.Substring(at + attribute.Length + 1, end - at - attribute.Length - 1).Split(';'))
                        {
                            string pattern = WithoutLeadingProperty(spec.Trim().Replace('\\', '/').Replace("**/", "*"));
                            if (pattern.Length == 0)
                            {
                                continue;
                            }

                            // Items may be absolute ($(MSBuildThisFileDirectory)models/x.gguf): compare by the path's end too.
                            if (string.Equals(pattern, wanted, StringComparison.OrdinalIgnoreCase) || wanted.EndsWith("/" + pattern, StringComparison.OrdinalIgnoreCase))
                            {
                                return TextSpan.FromBounds(open, close + 1);
                            }

                            if (wildcard == null && pattern.IndexOf('*') >= 0 && (LicenseGuard.Matching.Glob.IsMatch(pattern, wanted) || LicenseGuard.Matching.Glob.IsMatch("*/" + pattern, wanted)))
                            {
                                wildcard = TextSpan.FromBounds(open, close + 1);
                            }
                        }
                    }
                }
            }

            return wildcard;
        }

        private static string WithoutLeadingProperty(string pattern)
        {
            while (pattern.StartsWith("$(", StringComparison.Ordinal))
            {
                int end = pattern.IndexOf(')');
                if (end < 0)
                {
                    return pattern;
                }

                pattern = pattern.Substring(end + 1);
            }

            return pattern.TrimStart('/');
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
