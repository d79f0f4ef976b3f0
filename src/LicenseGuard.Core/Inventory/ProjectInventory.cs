using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGuard.Json;

namespace LicenseGuard.Inventory
{
    /// <summary>How a package declares its licence in its .nuspec.</summary>
    public enum LicenseSource
    {
        /// <summary>Nothing declared.</summary>
        None,
        /// <summary><c>&lt;license type="expression"&gt;</c>.</summary>
        Expression,
        /// <summary><c>&lt;license type="file"&gt;</c>: a licence text inside the package.</summary>
        File,
        /// <summary>Legacy <c>&lt;licenseUrl&gt;</c>.</summary>
        Url,
    }

    /// <summary>The licence a package declares, as declared (judgement happens in the evaluator).</summary>
    public sealed class DeclaredLicense
    {
        /// <summary>Gets or sets where the licence comes from.</summary>
        public LicenseSource Source { get; set; }

        /// <summary>Gets or sets the expression, the file path inside the package, or the URL.</summary>
        public string? Value { get; set; }

        /// <summary>Gets or sets, for licence files, the SPDX id whose whole text the file matches (null when not recognised or unreadable).</summary>
        public string? DetectedInFile { get; set; }

        /// <summary>
        /// Gets or sets, for licence files, the similarity of the file to the closest SPDX text (0 to 1, invariant culture, e.g.
        /// "0.993"), whether or not it was enough to recognise it.
        /// </summary>
        public string? MatchScore { get; set; }

        /// <summary>Gets or sets, for licence files no SPDX text matches, the closest SPDX licence (for the message, never for the verdict).</summary>
        public string? NearestInFile { get; set; }

        /// <summary>Gets or sets, for licence files, the file's first line (how catalogued non-SPDX licences are recognised).</summary>
        public string? FileTitle { get; set; }

        /// <summary>
        /// Gets or sets, when the package declares a licence URL or nothing, the licence file at the package's root
        /// (<c>LICENSE.TXT</c>, as the System.* 4.x packages ship beside a <c>licenseUrl</c>); the fields above then describe
        /// that file. The evaluator reads it only when the URL is not one it knows.
        /// </summary>
        public string? PackageFile { get; set; }

        /// <summary>
        /// Gets, for a licence file no SPDX text matches whose opening offers a choice of licences ("multi-licensed", "dual
        /// licensed", "you may choose"), the headings of its sections in order; empty for any other file. The evaluator
        /// makes an OR expression of them when every heading names a catalogued licence.
        /// </summary>
        public List<string> FileSections { get; } = new List<string>();

        /// <summary>
        /// Gets, for a licence file no SPDX text matches whose opening is a short notice saying what the package is licensed
        /// under ("licensed under a Creative Commons Attribution 4.0 International License, http://creativecommons.org/…"),
        /// the URLs of that notice. The evaluator recognises them as it recognises a declared licence URL; empty otherwise.
        /// </summary>
        public List<string> NoticeUrls { get; } = new List<string>();

        /// <summary>
        /// Gets or sets, when <see cref="DetectedInFile"/> was recognised with its replaceable text edited (a holder's name in
        /// place of "the copyright holder", a title above, a credit below), how many words differ from the SPDX text.
        /// </summary>
        public string? EditedWords { get; set; }
    }

    /// <summary>One resolved package of a project.</summary>
    public sealed class PackageFact
    {
        /// <summary>Gets or sets the package id.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>Gets or sets the resolved version.</summary>
        public string Version { get; set; } = string.Empty;

        /// <summary>Gets the target frameworks it is resolved for.</summary>
        public List<string> Frameworks { get; } = new List<string>();

        /// <summary>Gets or sets a value indicating whether a PackageReference names it.</summary>
        public bool Direct { get; set; }

        /// <summary>Gets or sets a value indicating whether it is development-only (nuspec developmentDependency, or reached only through such packages).</summary>
        public bool Development { get; set; }

        /// <summary>Gets or sets a value indicating whether it reaches the project only through PrivateAssets="all" references.</summary>
        public bool PrivateAssets { get; set; }

        /// <summary>Gets the shortest chain that brings it, from the direct reference to its parent (empty for direct packages), as "Id Version".</summary>
        public List<string> Path { get; } = new List<string>();

        /// <summary>Gets or sets the declared licence.</summary>
        public DeclaredLicense License { get; set; } = new DeclaredLicense();

        /// <summary>Gets the model-weight files inside the package ("path (format)").</summary>
        public List<string> WeightFiles { get; } = new List<string>();

        /// <summary>Gets the id of the direct reference that brings the package.</summary>
        public string DirectReference => Path.Count == 0 ? Id : Path[0].Split(' ')[0];

        /// <summary>Gets "Id Version".</summary>
        public string Display => Id + " " + Version;
    }

    /// <summary>A model-weight file that an item puts into build output, publish output or the package.</summary>
    public sealed class WeightFact
    {
        /// <summary>Gets or sets the item as written in the project (<c>models/llama.gguf</c>), relative to the project folder.</summary>
        public string Item { get; set; } = string.Empty;

        /// <summary>Gets or sets the full path of the file.</summary>
        public string FullPath { get; set; } = string.Empty;

        /// <summary>Gets or sets the item type (None, Content, EmbeddedResource).</summary>
        public string ItemType { get; set; } = string.Empty;

        /// <summary>Gets the outputs the file goes to: output, publish, package, assembly (embedded).</summary>
        public List<string> Destinations { get; } = new List<string>();

        /// <summary>Gets or sets the file that defines the item (the project, or a .props/.targets it imports).</summary>
        public string DefinedIn { get; set; } = string.Empty;

        /// <summary>Gets or sets the detected format (gguf, safetensors, onnx, …, or possible).</summary>
        public string Format { get; set; } = string.Empty;

        /// <summary>Gets or sets the size in bytes.</summary>
        public long Size { get; set; }

        /// <summary>Gets or sets why the header could not be read, if it could not.</summary>
        public string? Problem { get; set; }

        /// <summary>Gets header metadata (licence, names, base models, source).</summary>
        public Dictionary<string, string> Metadata { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Gets or sets the sibling model card's path, if any.</summary>
        public string? CardPath { get; set; }

        /// <summary>Gets or sets the model card's <c>license</c>.</summary>
        public string? CardLicense { get; set; }

        /// <summary>Gets or sets the model card's <c>license_name</c>.</summary>
        public string? CardLicenseName { get; set; }

        /// <summary>Gets or sets the model card's <c>pipeline_tag</c> (what the model does).</summary>
        public string? CardPipelineTag { get; set; }

        /// <summary>Gets the model card's <c>base_model</c> entries.</summary>
        public List<string> CardBaseModels { get; } = new List<string>();

        /// <summary>Gets the model card's <c>datasets</c> entries.</summary>
        public List<string> CardDatasets { get; } = new List<string>();

        /// <summary>Gets licence and notice files next to the weights.</summary>
        public List<string> NoticeFiles { get; } = new List<string>();

        /// <summary>Gets the file name.</summary>
        public string FileName => System.IO.Path.GetFileName(FullPath.Length > 0 ? FullPath : Item);
    }

    /// <summary>The facts the build gathers about one project, written to <c>obj/…/licenseguard.inventory.json</c>.</summary>
    public sealed class ProjectInventory
    {
        /// <summary>The inventory format version.</summary>
        public const int CurrentFormat = 1;

        /// <summary>The file name the analyzer looks for.</summary>
        public const string FileName = "licenseguard.inventory.json";

        /// <summary>Gets or sets the project file path.</summary>
        public string Project { get; set; } = string.Empty;

        /// <summary>Gets or sets a value indicating whether the project redistributes its dependencies (it is packable or an application that gets published).</summary>
        public bool Redistributes { get; set; }

        /// <summary>Gets or sets the Directory.Packages.props path under central package management.</summary>
        public string? CentralPackagesFile { get; set; }

        /// <summary>Gets the packages, sorted by id.</summary>
        public List<PackageFact> Packages { get; } = new List<PackageFact>();

        /// <summary>Gets the model-weight files the project ships.</summary>
        public List<WeightFact> Weights { get; } = new List<WeightFact>();

        /// <summary>Gets problems met while gathering (unreadable nuspec, missing assets file…).</summary>
        public List<string> Problems { get; } = new List<string>();

        /// <summary>
        /// Gets or sets the dependency findings as the gather step evaluated them, under the fingerprint of its rules, day and
        /// LicenseGuard build (null when it did not evaluate: a problem in the inventory or a rules file).
        /// </summary>
        public Policy.DependencyVerdict? DependencyVerdict { get; set; }

        /// <summary>
        /// Gets or sets the effective catalog (the built-in rules with the project's rules files layered on top) in the compiled
        /// form, under <see cref="Policy.RulesFingerprint.OfCatalog"/> of the rules texts, when the project has rules files that load
        /// without problems: the compiler reads it instead of parsing, validating and layering the JSON again in every process.
        /// </summary>
        public HandedOverCatalog? EffectiveCatalog { get; set; }

        /// <summary>Gets the packages' licences as the project's licenseguard.baseline.json recorded them (LG3005).</summary>
        public List<Baselines.BaselinePackage> BaselinePackages { get; } = new List<Baselines.BaselinePackage>();

        /// <summary>Writes the inventory as JSON.</summary>
        public string ToJson()
        {
            var writer = new JsonWriter().StartObject()
                .Property("format", CurrentFormat)
                .Property("summary", InventorySummary.Of(this).ToString())
                .Property("project", Project)
                .Property("centralPackagesFile", CentralPackagesFile)
                .Property("redistributes", Redistributes)
                .Property("problems", Problems)
                .Name("packages").StartArray();
            foreach (var package in Packages.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Version, StringComparer.Ordinal))
            {
                writer.StartObject()
                    .Property("id", package.Id)
                    .Property("version", package.Version)
                    .Property("frameworks", package.Frameworks)
                    .Property("direct", package.Direct)
                    .Property("development", package.Development)
                    .Property("privateAssets", package.PrivateAssets)
                    .Property("path", package.Path)
                    .Property("weightFiles", package.WeightFiles)
                    .Name("license").StartObject()
                        .Property("source", NameOf(package.License.Source))
                        .Property("value", package.License.Value)
                        .Property("detectedInFile", package.License.DetectedInFile)
                        .Property("matchScore", package.License.MatchScore)
                        .Property("nearestInFile", package.License.NearestInFile)
                        .Property("fileTitle", package.License.FileTitle)
                        .Property("packageFile", package.License.PackageFile)
                        .Property("editedWords", package.License.EditedWords);
                if (package.License.FileSections.Count > 0)
                {
                    writer.Property("fileSections", package.License.FileSections);
                }

                if (package.License.NoticeUrls.Count > 0)
                {
                    writer.Property("noticeUrls", package.License.NoticeUrls);
                }

                writer.EndObject().EndObject();
            }

            Baselines.BaselinePackage.WriteAll(writer.EndArray().Name("baselinePackages"), BaselinePackages);
            writer.Name("dependencyVerdict");
            if (DependencyVerdict == null)
            {
                writer.Value((string?)null);
            }
            else
            {
                DependencyVerdict.WriteTo(writer);
            }

            writer.Name("effectiveCatalog");
            if (EffectiveCatalog == null)
            {
                writer.Value((string?)null);
            }
            else
            {
                writer.StartObject().Property("under", EffectiveCatalog.Under).Property("text", EffectiveCatalog.Text).EndObject();
            }

            writer.Name("weights").StartArray();
            foreach (var weight in Weights.OrderBy(w => w.Item, StringComparer.Ordinal))
            {
                writer.StartObject()
                    .Property("item", weight.Item)
                    .Property("fullPath", weight.FullPath)
                    .Property("itemType", weight.ItemType)
                    .Property("destinations", weight.Destinations)
                    .Property("definedIn", weight.DefinedIn)
                    .Property("format", weight.Format)
                    .Property("size", weight.Size)
                    .Property("problem", weight.Problem)
                    .Name("metadata").StartObject();
                foreach (var pair in weight.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.Property(pair.Key, pair.Value);
                }

                writer.EndObject()
                    .Property("cardPath", weight.CardPath)
                    .Property("cardLicense", weight.CardLicense)
                    .Property("cardLicenseName", weight.CardLicenseName)
                    .Property("cardPipelineTag", weight.CardPipelineTag)
                    .Property("cardBaseModels", weight.CardBaseModels)
                    .Property("cardDatasets", weight.CardDatasets)
                    .Property("noticeFiles", weight.NoticeFiles)
                    .EndObject();
            }

            return writer.EndArray().EndObject().ToString() + "\n";
        }

        /// <summary>
        /// Reads the summary an inventory written by <see cref="ToJson"/> starts with, without parsing the rest; null when the
        /// text does not start like one (then parse it whole).
        /// </summary>
        public static InventorySummary? ReadSummary(string text)
        {
            const string Key = "\"summary\": \"";
            int start = text.IndexOf(Key, StringComparison.Ordinal);
            if (start < 0 || start > 64)
            {
                return null;
            }

            start += Key.Length;
            int end = text.IndexOf('"', start);
            return end < 0 ? null : InventorySummary.Parse(text.Substring(start, end - start));
        }

        /// <summary>Reads a licence source by name, case-insensitively (without <c>Enum.TryParse</c>, reflection on a cold start).</summary>
        private static LicenseSource? SourceNamed(string? name)
        {
            foreach (var source in new[] { LicenseSource.None, LicenseSource.Expression, LicenseSource.File, LicenseSource.Url })
            {
                if (string.Equals(name, NameOf(source), StringComparison.OrdinalIgnoreCase))
                {
                    return source;
                }
            }

            return null;
        }

        private static string NameOf(LicenseSource source) => source switch
        {
            LicenseSource.Expression => "expression",
            LicenseSource.File => "file",
            LicenseSource.Url => "url",
            _ => "none",
        };

        /// <summary>Reads an inventory written by <see cref="ToJson"/>.</summary>
        /// <exception cref="JsonParseException">The text is not JSON.</exception>
        /// <exception cref="FormatException">The JSON is not an inventory of a supported format.</exception>
        public static ProjectInventory Parse(string path, string text)
        {
            var root = JsonReader.Parse(path, text);
            if (root.Kind != JsonKind.Object || root.Find("format")?.Value.Text != CurrentFormat.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new FormatException($"{path} is not a LicenseGuard inventory of format {CurrentFormat}.");
            }

            var inventory = new ProjectInventory
            {
                Project = root.Find("project")?.Value.Text ?? string.Empty,
                CentralPackagesFile = root.Find("centralPackagesFile")?.Value.Text,
                Redistributes = root.Find("redistributes")?.Value.BooleanValue ?? false,
                DependencyVerdict = Policy.DependencyVerdict.Read(root.Find("dependencyVerdict")?.Value),
                EffectiveCatalog = root.Find("effectiveCatalog")?.Value is { Kind: JsonKind.Object } handedOver
                    && handedOver.Find("under")?.Value.Text is { } under && handedOver.Find("text")?.Value.Text is { } compiled
                    ? new HandedOverCatalog(under, compiled) : null,
            };
            inventory.Problems.AddRange(Strings(root.Find("problems")?.Value));
            foreach (var item in root.Find("packages")?.Value.Items ?? Array.Empty<JsonNode>())
            {
                var package = new PackageFact
                {
                    Id = item.Find("id")?.Value.Text ?? string.Empty,
                    Version = item.Find("version")?.Value.Text ?? string.Empty,
                    Direct = item.Find("direct")?.Value.BooleanValue ?? false,
                    Development = item.Find("development")?.Value.BooleanValue ?? false,
                    PrivateAssets = item.Find("privateAssets")?.Value.BooleanValue ?? false,
                };
                package.Frameworks.AddRange(Strings(item.Find("frameworks")?.Value));
                package.Path.AddRange(Strings(item.Find("path")?.Value));
                package.WeightFiles.AddRange(Strings(item.Find("weightFiles")?.Value));
                var license = item.Find("license")?.Value;
                if (license != null && SourceNamed(license.Find("source")?.Value.Text) is { } source)
                {
                    package.License = new DeclaredLicense
                    {
                        Source = source,
                        Value = license.Find("value")?.Value.Text,
                        DetectedInFile = license.Find("detectedInFile")?.Value.Text,
                        MatchScore = license.Find("matchScore")?.Value.Text,
                        NearestInFile = license.Find("nearestInFile")?.Value.Text,
                        FileTitle = license.Find("fileTitle")?.Value.Text,
                        PackageFile = license.Find("packageFile")?.Value.Text,
                        EditedWords = license.Find("editedWords")?.Value.Text,
                    };
                    package.License.FileSections.AddRange(Strings(license.Find("fileSections")?.Value));
                    package.License.NoticeUrls.AddRange(Strings(license.Find("noticeUrls")?.Value));
                }

                if (package.Id.Length > 0)
                {
                    inventory.Packages.Add(package);
                }
            }

            inventory.BaselinePackages.AddRange(Baselines.BaselinePackage.ReadAll(root.Find("baselinePackages")?.Value));

            foreach (var item in root.Find("weights")?.Value.Items ?? Array.Empty<JsonNode>())
            {
                var weight = new WeightFact
                {
                    Item = item.Find("item")?.Value.Text ?? string.Empty,
                    FullPath = item.Find("fullPath")?.Value.Text ?? string.Empty,
                    ItemType = item.Find("itemType")?.Value.Text ?? string.Empty,
                    DefinedIn = item.Find("definedIn")?.Value.Text ?? string.Empty,
                    Format = item.Find("format")?.Value.Text ?? string.Empty,
                    Size = long.TryParse(item.Find("size")?.Value.Text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long size) ? size : 0,
                    Problem = item.Find("problem")?.Value.Text,
                    CardPath = item.Find("cardPath")?.Value.Text,
                    CardLicense = item.Find("cardLicense")?.Value.Text,
                    CardLicenseName = item.Find("cardLicenseName")?.Value.Text,
                    CardPipelineTag = item.Find("cardPipelineTag")?.Value.Text,
                };
                weight.Destinations.AddRange(Strings(item.Find("destinations")?.Value));
                weight.CardBaseModels.AddRange(Strings(item.Find("cardBaseModels")?.Value));
                weight.CardDatasets.AddRange(Strings(item.Find("cardDatasets")?.Value));
                weight.NoticeFiles.AddRange(Strings(item.Find("noticeFiles")?.Value));
                foreach (var pair in item.Find("metadata")?.Value.Properties ?? Array.Empty<JsonProperty>())
                {
                    if (pair.Value.Kind == JsonKind.String)
                    {
                        weight.Metadata[pair.Name] = pair.Value.Text!;
                    }
                }

                inventory.Weights.Add(weight);
            }

            return inventory;
        }

        private static IEnumerable<string> Strings(JsonNode? node) =>
            node?.Items.Where(i => i.Kind == JsonKind.String).Select(i => i.Text!) ?? Enumerable.Empty<string>();
    }

    /// <summary>
    /// What an inventory holds, in a line it starts with: enough for the analyzers to see that it has nothing for them (no
    /// problem, no weights, an empty dependency verdict under a fingerprint) without parsing the JSON, whose first parse is
    /// most of a fresh compiler process's cost for a project that has nothing to report.
    /// </summary>
    public sealed class InventorySummary
    {
        private InventorySummary(string? verdictUnder, int findings, int problems, int weights)
        {
            VerdictUnder = verdictUnder;
            Findings = findings;
            Problems = problems;
            Weights = weights;
        }

        /// <summary>Gets the fingerprint the dependency verdict was reached under, or null without a verdict.</summary>
        public string? VerdictUnder { get; }

        /// <summary>Gets the number of findings in the dependency verdict.</summary>
        public int Findings { get; }

        /// <summary>Gets the number of problems met while gathering.</summary>
        public int Problems { get; }

        /// <summary>Gets the number of model-weight files the project ships.</summary>
        public int Weights { get; }

        /// <summary>Summarises an inventory.</summary>
        public static InventorySummary Of(ProjectInventory inventory) =>
            new InventorySummary(inventory.DependencyVerdict?.Under, inventory.DependencyVerdict?.Findings.Count ?? 0, inventory.Problems.Count, inventory.Weights.Count);

        /// <summary>Parses <see cref="ToString"/>'s form; null for anything else.</summary>
        public static InventorySummary? Parse(string text)
        {
            var parts = text.Split(' ');
            if (parts.Length != 4 || !Count(parts[1], "findings=", out int findings) || !Count(parts[2], "problems=", out int problems) || !Count(parts[3], "weights=", out int weights)
                || !parts[0].StartsWith("verdict=", StringComparison.Ordinal))
            {
                return null;
            }

            string under = parts[0].Substring("verdict=".Length);
            return new InventorySummary(under == "none" ? null : under, findings, problems, weights);
        }

        /// <inheritdoc/>
        public override string ToString() =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, "verdict={0} findings={1} problems={2} weights={3}", VerdictUnder ?? "none", Findings, Problems, Weights);

        private static bool Count(string part, string name, out int value)
        {
            value = 0;
            return part.StartsWith(name, StringComparison.Ordinal)
                && int.TryParse(part.Substring(name.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
        }
    }

    /// <summary>A catalog in the compiled form, handed from the gather step to the compiler under a fingerprint of its rules.</summary>
    public sealed class HandedOverCatalog
    {
        /// <summary>Initializes a new instance of the <see cref="HandedOverCatalog"/> class.</summary>
        public HandedOverCatalog(string under, string text)
        {
            Under = under;
            Text = text;
        }

        /// <summary>Gets the fingerprint of the rules texts and the LicenseGuard build the catalog was layered from.</summary>
        public string Under { get; }

        /// <summary>Gets the catalog as <see cref="Catalog.CompiledCatalog.Write"/> wrote it.</summary>
        public string Text { get; }
    }
}
