using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGuard.Json;

namespace LicenseGuard.Baselines
{
    /// <summary>One accepted finding in <c>licenseguard.baseline.json</c>.</summary>
    public sealed class BaselineEntry
    {
        /// <summary>Gets or sets the diagnostic ID, e.g. <c>LG1001</c>.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>Gets or sets the fingerprint that matches the finding (see FindingFingerprint in the analyzer).</summary>
        public string Fingerprint { get; set; } = string.Empty;

        /// <summary>Gets or sets the file of the finding, relative to the baseline's folder (for people; matching uses the fingerprint).</summary>
        public string File { get; set; } = string.Empty;

        /// <summary>Gets or sets the finding's message when it was accepted (for people).</summary>
        public string Message { get; set; } = string.Empty;

        /// <summary>Gets or sets where the entry is in the baseline file, for reporting it as stale.</summary>
        public SourceSpan Span { get; set; }
    }

    /// <summary>
    /// <c>licenseguard.baseline.json</c>: the findings a team accepted when it adopted LicenseGuard. The build and
    /// <c>licenseguard scan</c> do not report them; <c>scan</c> reports entries that no longer match anything (LG9003).
    /// </summary>
    public static class BaselineFile
    {
        /// <summary>The file name, in the project folder.</summary>
        public const string FileName = "licenseguard.baseline.json";

        /// <summary>The format version this code reads and writes.</summary>
        public const int Version = 1;

        /// <summary>Returns whether a path names a baseline file.</summary>
        public static bool IsBaseline(string path) =>
            string.Equals(System.IO.Path.GetFileName(path), FileName, StringComparison.OrdinalIgnoreCase);

        /// <summary>Reads a baseline file; entries without an id or fingerprint are skipped.</summary>
        /// <exception cref="JsonParseException">The text is not well-formed JSON.</exception>
        public static IReadOnlyList<BaselineEntry> Parse(string path, string text)
        {
            var root = JsonReader.Parse(path, text);
            var findings = root.Find("findings")?.Value;
            if (findings == null || findings.Kind != JsonKind.Array)
            {
                return Array.Empty<BaselineEntry>();
            }

            var entries = new List<BaselineEntry>();
            foreach (var item in findings.Items)
            {
                string? id = item.Find("id")?.Value.Text;
                string? fingerprint = item.Find("fingerprint")?.Value.Text;
                if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(fingerprint))
                {
                    continue;
                }

                entries.Add(new BaselineEntry
                {
                    Id = id!,
                    Fingerprint = fingerprint!,
                    File = item.Find("file")?.Value.Text ?? string.Empty,
                    Message = item.Find("message")?.Value.Text ?? string.Empty,
                    Span = item.Span,
                });
            }

            return entries;
        }

        /// <summary>Writes entries in a stable order, so the file diffs well in review.</summary>
        public static string ToJson(IEnumerable<BaselineEntry> entries)
        {
            var writer = new JsonWriter().StartObject()
                .Property("$comment", "Findings accepted when LicenseGuard was adopted; they are not reported. Regenerate with 'licenseguard baseline'; new findings are still reported.")
                .Property("version", Version)
                .Name("findings").StartArray();
            foreach (var entry in entries
                .GroupBy(e => e.Id + "\n" + e.Fingerprint, StringComparer.Ordinal).Select(g => g.First())
                .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal))
            {
                writer.StartObject()
                    .Property("id", entry.Id)
                    .Property("fingerprint", entry.Fingerprint)
                    .Property("file", entry.File)
                    .Property("message", entry.Message)
                    .EndObject();
            }

            return writer.EndArray().EndObject().ToString() + "\n";
        }
    }
}
