using System.Text;
using LicenseGuard.Catalog;

namespace LicenseGuard.Cli.Reports;

/// <summary>
/// The catalog as a markdown page (<c>licenseguard rules catalog</c>): what is covered, what each task is offered, and what
/// the models' licences demand. <c>docs/catalog.md</c> is this page for the built-in catalog, kept equal by a test.
/// </summary>
internal static class CatalogMarkdown
{
    public static string Write(RulesCatalog catalog)
    {
        var md = new StringBuilder();
        md.Append("# What the LicenseGuard catalog covers\n\n");
        md.Append("Generated from the rules files by `licenseguard rules catalog` (for this page: the built-in `rules/`, with\n");
        md.Append("`dotnet run --project src/LicenseGuard.Cli -- rules catalog -o docs/catalog.md` at the repository root); a test keeps it\n");
        md.Append("equal to the catalog. Run the command in your own repository to see the catalog with your rules files layered on top.\n\n");
        md.Append("The built-in facts are dated ").Append(Sources.Date).Append(". Each service's and closed model's sources (the vendor's documentation,\n");
        md.Append("or the package version the facts were read from) are in the tables below and in `rules/sources/catalog-sources.json`; the\n");
        md.Append("registry's AI packages are classified in `rules/coverage/`. How to refresh both: `rules/README.md`.\n\n");

        md.Append("## Proprietary AI services\n\n");
        md.Append("Calls into their SDKs are LG1001, their endpoints LG1002, their closed model ids LG1003, their SDK packages LG3003.\n\n");
        md.Append("| Service | Id | Tasks | SDK packages | Endpoint hosts | Sources |\n|---|---|---|---|---|---|\n");
        foreach (var service in catalog.Services)
        {
            Row(md, service.Name, Code(service.Id), string.Join(", ", service.Tasks.Select(t => TaskName(catalog, t))), Codes(service.Packages), Codes(service.Hosts), Sources.Of("services", service.Id));
        }

        md.Append("\n## Tasks and their open alternatives\n\n");
        md.Append("A finding offers the alternatives of the task its code shows: the SDK member called or the type created, the path of an\n");
        md.Append("endpoint URL, the task of a closed model id, or (for shipped weights) the model's catalog entry or its model card's\n");
        md.Append("`pipeline_tag` or GGUF architecture. A service's own alternatives come first for its models' main task. When the code does not show the\n");
        md.Append("task, the finding lists the tasks the service covers instead of guessing.\n");
        foreach (var task in catalog.Tasks)
        {
            md.Append("\n### ").Append(Capitalise(task.Name)).Append(" (").Append(Code(task.Id)).Append(")\n\n");
            var shows = new List<string>();
            if (task.Symbols.Count > 0)
            {
                shows.Add("SDK members and types " + Codes(task.Symbols));
            }

            if (task.Paths.Count > 0)
            {
                shows.Add("URL paths ending in " + Codes(task.Paths));
            }

            if (task.PipelineTags.Count > 0)
            {
                shows.Add("model cards tagged " + Codes(task.PipelineTags));
            }

            if (task.GgufArchitectures.Count > 0)
            {
                shows.Add("GGUF architectures " + Codes(task.GgufArchitectures));
            }

            md.Append("Shown by: ").Append(shows.Count == 0 ? "closed model ids of this task only" : string.Join("; ", shows)).Append(".\n\n");
            if (task.Alternatives.Count == 0)
            {
                md.Append("No open alternative: ").Append(Escape(task.Note.Length > 0 ? task.Note : "none listed in the catalog.")).Append('\n');
                continue;
            }

            md.Append("| Alternative | Licence | Class | Conditions | .NET runtime | Packages |\n|---|---|---|---|---|---|\n");
            foreach (var alternative in task.Alternatives)
            {
                var model = catalog.FindModel(alternative.Model);
                var runtime = catalog.FindRuntime(alternative.Runtime);
                if (model == null || runtime == null)
                {
                    continue;
                }

                var license = catalog.FindLicense(model.License);
                Row(md, model.Name, license?.DisplayId ?? model.License, license?.Class ?? LicenseClasses.Unknown, license?.Conditions ?? string.Empty,
                    runtime.Name + " (" + Code(model.Run.FirstOrDefault(r => r.Runtime == runtime.Id)?.Reference ?? string.Empty) + ")", Codes(runtime.Packages));
            }
        }

        md.Append("\n## Closed models\n\n");
        md.Append("| Model | Id | Service | Tasks | Model ids in code | Sources |\n|---|---|---|---|---|---|\n");
        foreach (var model in catalog.Models.Where(m => !m.OpenWeights))
        {
            Row(md, model.Name, Code(model.Id), model.Service == null ? model.Vendor : catalog.FindService(model.Service)?.Name ?? model.Service,
                string.Join(", ", model.Tasks.Select(t => TaskName(catalog, t))), Codes(model.Ids), Sources.Of("models", model.Id));
        }

        md.Append("\n## Open-weight models\n\n");
        md.Append("| Model | Id | Vendor | Tasks | Licence | Class | Conditions | .NET runtimes |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var model in catalog.Models.Where(m => m.OpenWeights))
        {
            var license = catalog.FindLicense(model.License);
            Row(md, model.Name, Code(model.Id), model.Vendor, string.Join(", ", model.Tasks.Select(t => TaskName(catalog, t))),
                license?.DisplayId ?? model.License, license?.Class ?? LicenseClasses.Unknown, license?.Conditions ?? string.Empty,
                string.Join(", ", model.Run.Select(r => catalog.FindRuntime(r.Runtime)?.Name ?? r.Runtime)));
        }

        md.Append("\n## .NET runtimes for open models\n\n");
        md.Append("| Runtime | Id | Packages | Implements |\n|---|---|---|---|\n");
        foreach (var runtime in catalog.Runtimes)
        {
            Row(md, runtime.Name, Code(runtime.Id), Codes(runtime.Packages), string.Join(", ", runtime.Implements));
        }

        return md.ToString();
    }

    /// <summary>Gets the date of the built-in catalog's sources.</summary>
    public static string CatalogDate => Sources.Date;

    /// <summary>The built-in catalog's sources (rules/sources/catalog-sources.json, embedded): its date and each entry's sources.</summary>
    private static class Sources
    {
        private static readonly System.Text.Json.Nodes.JsonNode Document = System.Text.Json.Nodes.JsonNode.Parse(
            typeof(CatalogMarkdown).Assembly.GetManifestResourceStream("LicenseGuard.CatalogSources.json")!)!;

        public static string Date => Document["date"]!.GetValue<string>();

        /// <summary>An entry's sources as links (a package as its id and version); none for entries the built-in catalog does not have.</summary>
        public static string Of(string kind, string id) => Document[kind]?[id] is System.Text.Json.Nodes.JsonArray sources
            ? string.Join(", ", sources.Select(s => s!.GetValue<string>()).Select(s => s.StartsWith("package:", StringComparison.Ordinal)
                ? Code(s.Substring("package:".Length).Replace("@", " ", StringComparison.Ordinal))
                : "[" + Escape(new Uri(s).Host + new Uri(s).AbsolutePath.TrimEnd('/')) + "](" + s + ")"))
            : string.Empty;
    }

    private static void Row(StringBuilder md, params string[] cells) =>
        md.Append("| ").Append(string.Join(" | ", cells.Select(c => c.Length == 0 ? "—" : c))).Append(" |\n");

    private static string TaskName(RulesCatalog catalog, string id) => catalog.FindTask(id)?.Name ?? id;

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    private static string Codes(IEnumerable<string> values) => string.Join(", ", values.Select(Code));

    private static string Code(string value) => value.Length == 0 ? string.Empty : "`" + value.Replace("|", "\\|", StringComparison.Ordinal) + "`";

    private static string Escape(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
