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

    /// <summary>A package's licence as the baseline recorded it, so a later change of licence class is reported (LG3005).</summary>
    public sealed class BaselinePackage
    {
        /// <summary>Gets or sets the package id.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>Gets or sets the version the baseline saw.</summary>
        public string Version { get; set; } = string.Empty;

        /// <summary>Gets or sets the licence expression as LicenseGuard resolved it (<c>unknown</c> when it could not).</summary>
        public string License { get; set; } = string.Empty;

        /// <summary>Gets or sets the licence class, or the classes of the expression's terms joined by " / ".</summary>
        public string Class { get; set; } = string.Empty;

        /// <summary>Reads a JSON array of recorded packages (the baseline's <c>packages</c>, the inventory's <c>baselinePackages</c>).</summary>
        internal static List<BaselinePackage> ReadAll(JsonNode? array) =>
            (array == null || array.Kind != JsonKind.Array ? Enumerable.Empty<JsonNode>() : array.Items)
                .Select(item => new BaselinePackage
                {
                    Id = item.Find("id")?.Value.Text ?? string.Empty,
                    Version = item.Find("version")?.Value.Text ?? string.Empty,
                    License = item.Find("license")?.Value.Text ?? string.Empty,
                    Class = item.Find("class")?.Value.Text ?? string.Empty,
                })
                .Where(p => p.Id.Length > 0 && p.Class.Length > 0)
                .ToList();

        /// <summary>Writes recorded packages as a JSON array, sorted by id.</summary>
        internal static void WriteAll(JsonWriter writer, IEnumerable<BaselinePackage> packages)
        {
            writer.StartArray();
            foreach (var package in packages.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase))
            {
                writer.StartObject()
                    .Property("id", package.Id)
                    .Property("version", package.Version)
                    .Property("license", package.License)
                    .Property("class", package.Class)
                    .EndObject();
            }

            writer.EndArray();
        }
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
        public const int Version = 2;

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

        /// <summary>Reads the packages a baseline recorded; none for a baseline written before packages were recorded.</summary>
        /// <exception cref="JsonParseException">The text is not well-formed JSON.</exception>
        public static IReadOnlyList<BaselinePackage> ParsePackages(string path, string text) =>
            BaselinePackage.ReadAll(JsonReader.Parse(path, text).Find("packages")?.Value);

        /// <summary>Writes entries (and the packages' licences) in a stable order, so the file diffs well in review.</summary>
        public static string ToJson(IEnumerable<BaselineEntry> entries, IEnumerable<BaselinePackage>? packages = null)
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

            writer.EndArray();
            if (packages != null)
            {
                BaselinePackage.WriteAll(writer.Name("packages"), packages);
            }

            return writer.EndObject().ToString() + "\n";
        }
    }
}
