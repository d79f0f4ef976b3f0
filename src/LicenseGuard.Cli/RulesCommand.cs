using LicenseGuard;
using System.CommandLine;
using LicenseGuard.Catalog;
using LicenseGuard.Cli.Reports;
using LicenseGuard.Gather;
using LicenseGuard.Json;

namespace LicenseGuard.Cli;

/// <summary><c>licenseguard rules validate [file]</c> and <c>licenseguard rules show &lt;id&gt;</c>.</summary>
internal static class RulesCommand
{
    private static readonly Argument<string[]> FilesArgument = new("file") { Description = "Rules files to validate (default: the ones the build would use from the current folder).", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Argument<string> IdArgument = new("id") { Description = "A service, model, task, licence (id or alias such as llama3.1) or runtime id." };

    public static Command Create()
    {
        var validate = new Command("validate", "Check rules files against the schema and the catalog, with file, line and column for every problem.") { FilesArgument, CommonOptions.Format, CommonOptions.Json };
        validate.SetAction(Validate);
        var show = new Command("show", "Show what the catalog (with your rules files layered on top) says about a service, model, task, licence or runtime, with the open alternatives for each task.") { IdArgument, CommonOptions.Format, CommonOptions.Json };
        show.SetAction(Show);
        var catalog = new Command("catalog", "Print the whole catalog (with your rules files layered on top) as a markdown page: services, tasks and their alternatives, models, runtimes.") { CommonOptions.Output };
        catalog.SetAction(Catalog);
        return new Command("rules", "Work with LicenseGuard rules files and the catalog.") { validate, show, catalog };
    }

    /// <summary>LG9001's severity as the build reports it by default (the descriptor's), so the tool never says otherwise.</summary>
    internal static readonly string RulesProblemSeverity = Analyzers.Descriptors.RulesFileInvalid.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error ? "error" : "warning";

    /// <summary>A rules-file problem in the compiler's format, as the build prints it.</summary>
    internal static string FormatProblem(SourceSpan span, string message) => $"{span}: {RulesProblemSeverity} LG9001: {message}";

    private static int Validate(ParseResult parse)
    {
        var files = parse.GetValue(FilesArgument) ?? Array.Empty<string>();
        var sources = new List<RulesSource>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                Console.Error.WriteLine(Directory.Exists(file) ? $"{file} is a folder; name the rules files in it." : $"{file}: no such file.");
                return ExitCodes.UsageError;
            }

            sources.Add(new RulesSource(Path.GetFullPath(file), File.ReadAllText(file)));
        }

        if (files.Length == 0)
        {
            sources.AddRange(RulesFileLocator.Find(Directory.GetCurrentDirectory()));
        }

        var catalog = RulesCatalog.Load(sources);
        bool json = parse.GetValue(CommonOptions.Json) || parse.GetValue(CommonOptions.Format) == "json";
        if (json)
        {
            var writer = new JsonWriter().StartObject().Property("version", CheckReport.FormatVersion).Property("files", sources.Select(s => s.Path)).Name("problems").StartArray();
            foreach (var problem in catalog.Problems)
            {
                writer.StartObject().Property("id", "LG9001").Property("severity", RulesProblemSeverity).Property("file", problem.Span.Path).Property("line", problem.Span.Line).Property("column", problem.Span.Column).Property("message", problem.Message).EndObject();
            }

            Console.Out.Write(writer.EndArray().EndObject() + "\n");
        }
        else
        {
            foreach (var problem in catalog.Problems)
            {
                Console.Out.WriteLine(FormatProblem(problem.Span, problem.Message));
            }

            Console.Error.WriteLine(sources.Count == 0
                ? "No rules files found; the built-in catalog applies as it is."
                : $"{sources.Count} rules file(s), {catalog.Problems.Count} problem(s).");
        }

        return catalog.Problems.Count == 0 ? ExitCodes.Success : ExitCodes.InvalidRulesFile;
    }

    private static int Show(ParseResult parse)
    {
        var catalog = RulesCatalog.Load(RulesFileLocator.Find(Directory.GetCurrentDirectory()));
        string id = parse.GetValue(IdArgument)!;
        bool json = parse.GetValue(CommonOptions.Json) || parse.GetValue(CommonOptions.Format) == "json";
        var facts = new List<(string Key, object Value)>();
        string kind;
        if (catalog.FindService(id) is { } service)
        {
            kind = "service";
            facts.AddRange(new (string, object)[]
            {
                ("id", service.Id), ("name", service.Name), ("vendor", service.Vendor), ("access", service.Access),
                ("license", $"{service.License} ({catalog.ClassOf(service.License)})"), ("packages", string.Join(", ", service.Packages)),
                ("symbols", string.Join(", ", service.Symbols)), ("hosts", string.Join(", ", service.Hosts)), ("tasks", string.Join(", ", service.Tasks)),
            });
            foreach (var task in service.Tasks.Count > 0 ? service.Tasks : new[] { string.Empty })
            {
                var choice = catalog.ChooseAlternatives(service, task.Length == 0 ? null : task);
                facts.Add((task.Length == 0 ? "alternatives" : "alternatives." + task, catalog.DescribeChoice(choice, service, int.MaxValue)));
            }
        }
        else if (catalog.FindModel(id) is { } model)
        {
            kind = "model";
            facts.AddRange(new (string, object)[]
            {
                ("id", model.Id), ("name", model.Name), ("vendor", model.Vendor), ("family", model.Family), ("openWeights", (object)model.OpenWeights),
                ("license", $"{model.License} ({catalog.ClassOf(model.License)})"), ("service", model.Service ?? string.Empty), ("ids", string.Join(", ", model.Ids)),
                ("files", string.Join(", ", model.Files)), ("run", string.Join(", ", model.Run.Select(r => $"{r.Runtime}: {r.Reference}"))), ("tasks", string.Join(", ", model.Tasks)),
            });
            if (!model.OpenWeights && model.Tasks.Count > 0)
            {
                var owner = model.Service == null ? null : catalog.FindService(model.Service);
                facts.Add(("alternatives", catalog.DescribeChoice(catalog.ChooseAlternatives(owner, model.Tasks[0]), owner, int.MaxValue)));
            }
        }
        else if (catalog.FindLicense(id) is { } license)
        {
            kind = "license";
            facts.AddRange(new (string, object)[]
            {
                ("id", license.Id), ("name", license.Name), ("class", license.Class), ("osi", (object)license.Osi),
                ("conditions", license.Conditions), ("aliases", string.Join(", ", license.Aliases)), ("urls", string.Join(", ", license.Urls)),
                ("titles", string.Join(", ", license.Titles)), ("headings", string.Join(", ", license.Headings)), ("obligations", string.Join(" ", license.Obligations)),
            });
        }
        else if (catalog.FindTask(id) is { } taskEntry)
        {
            kind = "task";
            facts.AddRange(new (string, object)[]
            {
                ("id", taskEntry.Id), ("name", taskEntry.Name), ("symbols", string.Join(", ", taskEntry.Symbols)), ("paths", string.Join(", ", taskEntry.Paths)),
                ("pipelineTags", string.Join(", ", taskEntry.PipelineTags)), ("alternatives", catalog.DescribeChoice(catalog.ChooseAlternatives(null, taskEntry.Id), null, int.MaxValue)),
                ("services", string.Join(", ", catalog.Services.Where(s => s.Tasks.Contains(taskEntry.Id)).Select(s => s.Id))),
            });
        }
        else if (catalog.FindRuntime(id) is { } runtime)
        {
            kind = "runtime";
            facts.AddRange(new (string, object)[] { ("id", runtime.Id), ("name", runtime.Name), ("packages", string.Join(", ", runtime.Packages)), ("implements", string.Join(", ", runtime.Implements)), ("example", runtime.Example) });
        }
        else
        {
            Console.Error.WriteLine($"'{id}' is not a service, model, task, licence or runtime id in the catalog. Services: {string.Join(", ", catalog.Services.Select(s => s.Id))}. Tasks: {string.Join(", ", catalog.Tasks.Select(t => t.Id))}.");
            return ExitCodes.UsageError;
        }

        if (json)
        {
            var writer = new JsonWriter().StartObject().Property("version", CheckReport.FormatVersion).Property("kind", kind);
            foreach (var (key, value) in facts)
            {
                if (value is bool flag)
                {
                    writer.Property(key, flag);
                }
                else
                {
                    writer.Property(key, (string)value);
                }
            }

            Console.Out.Write(writer.EndObject() + "\n");
        }
        else
        {
            Console.Out.WriteLine($"{kind} {facts[0].Value}");
            var shown = facts.Skip(1).Where(f => f.Value is bool || ((string)f.Value).Length > 0).ToList();
            int width = shown.Max(f => f.Key.Length) + 1;
            foreach (var (key, value) in shown)
            {
                Console.Out.WriteLine($"  {key.PadRight(width)}{(value is bool flag ? (flag ? "yes" : "no") : value)}");
            }
        }

        return ExitCodes.Success;
    }

    private static int Catalog(ParseResult parse)
    {
        var catalog = RulesCatalog.Load(RulesFileLocator.Find(Directory.GetCurrentDirectory()));
        foreach (var problem in catalog.Problems)
        {
            Console.Error.WriteLine(FormatProblem(problem.Span, problem.Message));
        }

        string markdown = CatalogMarkdown.Write(catalog);
        string? output = parse.GetValue(CommonOptions.Output);
        if (output == null)
        {
            Console.Out.Write(markdown);
        }
        else
        {
            File.WriteAllText(output, markdown);
            Console.Error.WriteLine($"Wrote {output}.");
        }

        return catalog.Problems.Count == 0 ? ExitCodes.Success : ExitCodes.InvalidRulesFile;
    }
}
