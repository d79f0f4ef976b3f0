using System.CommandLine;
using System.Text;
using System.Text.Json;
using LicenseGuard.Catalog;
using LicenseGuard.Gather;
using LicenseGuard.Cli.Migration;
using LicenseGuard.Cli.Scanning;
using Microsoft.CodeAnalysis;

namespace LicenseGuard.Cli;

/// <summary>
/// <c>licenseguard migrate [project] [--to runtime|model@runtime] [--dry-run]</c>: moves a project's proprietary AI calls to an
/// open runtime. In a copy of the project's folder beside it, it adds the runtime's package, applies LG1001's code fix to every
/// finding it can rewrite, removes the proprietary SDK packages nothing uses any more, and builds; only a copy that builds is
/// written back. <c>--dry-run</c> shows the diff and writes nothing.
/// </summary>
internal static class MigrateCommand
{
    private static readonly Argument<string> ProjectArgument = new("project") { Description = "The project (.csproj) or its folder (default: the current folder).", DefaultValueFactory = _ => "." };

    private static readonly Option<string?> ToOption = new("--to") { Description = "The alternative to move to: a runtime id (ollamasharp, llamasharp, onnxruntime-genai) or model@runtime from a finding's list (default: the runtime that can take the most findings)." };

    private static readonly Option<bool> DryRunOption = new("--dry-run") { Description = "Show the changes as a diff and write nothing." };

    private static readonly Option<bool> NoBuildOption = new("--no-build") { Description = "Write the changes without building the migrated project first." };

    public static Command Create()
    {
        var command = new Command("migrate", "Move a project's proprietary AI calls to an open runtime: add its package, apply the code fixes, remove unused proprietary SDKs, build.")
        {
            ProjectArgument, ToOption, DryRunOption, NoBuildOption, ScanCommand.FrameworkOption, CommonOptions.Json, CommonOptions.Verbosity,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var console = new ToolConsole(parse.GetValue(CommonOptions.Verbosity)!);
        var projects = ProjectLocator.Find(parse.GetValue(ProjectArgument)!);
        if (projects.Count != 1 || !projects[0].EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"migrate takes one project; {parse.GetValue(ProjectArgument)} names {projects.Count}: give the .csproj.");
        }

        string original = projects[0];

        // The project's rules files feed the analyzer that finds what to migrate: a broken one is fixed first, as for check.
        var rules = RulesCatalog.Load(RulesFileLocator.Find(Path.GetDirectoryName(original)!));
        if (rules.Problems.Count > 0)
        {
            foreach (var problem in rules.Problems)
            {
                console.Error(RulesCommand.FormatProblem(problem.Span, problem.Message));
            }

            console.Error($"{Path.GetFileName(original)}: fix the rules file first; nothing was changed.");
            return ExitCodes.InvalidRulesFile;
        }

        string? to = parse.GetValue(ToOption);
        bool dryRun = parse.GetValue(DryRunOption);
        string? framework = parse.GetValue(ScanCommand.FrameworkOption);
        var catalog = RulesCatalog.BuiltIn;
        if (to != null && catalog.FindRuntime(to.Split('@').Last()) == null)
        {
            throw new UsageException($"--to '{to}': no runtime '{to.Split('@').Last()}' in the catalog (runtimes: {string.Join(", ", catalog.Runtimes.Select(r => r.Id))}).");
        }

        var centralFile = FindAbove(Path.GetDirectoryName(original)!, "Directory.Packages.props");
        byte[]? centralBytes = centralFile == null ? null : await File.ReadAllBytesAsync(centralFile, cancellationToken).ConfigureAwait(false);
        string? centralBefore = centralBytes == null ? null : System.Text.Encoding.UTF8.GetString(centralBytes);
        using var copy = WorkingCopy.Create(Path.GetDirectoryName(original)!);
        string project = copy.InCopy(original);
        var report = new MigrationReport(Path.GetFileName(original), dryRun);
        try
        {
            // 1. The findings and the runtime to move to.
            console.Progress("Loading the project…");
            var code = CodeMigration.Load(await MSBuildProject.LoadAsync(project, framework, [], cancellationToken).ConfigureAwait(false), cancellationToken);
            var findings = await code.FindingsAsync(cancellationToken).ConfigureAwait(false);
            var rewrites = new List<(string Model, string Runtime, IReadOnlyList<string> Packages)>();
            foreach (var finding in findings)
            {
                rewrites.AddRange(await code.RewritesForAsync(finding, cancellationToken).ConfigureAwait(false));
            }

            string? runtime = to?.Split('@').Last() ?? rewrites.GroupBy(r => r.Runtime).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
            if (findings.Count > 0 && (runtime == null || rewrites.All(r => r.Runtime != runtime)))
            {
                foreach (var finding in findings)
                {
                    var position = finding.Location.GetLineSpan();
                    console.Error($"  {Path.GetRelativePath(copy.Root, position.Path)}:{position.StartLinePosition.Line + 1}: {await code.WhyNoRewriteAsync(finding, cancellationToken).ConfigureAwait(false)}");
                }
            }

            if (findings.Count == 0 || runtime == null || rewrites.All(r => r.Runtime != runtime))
            {
                console.Error(findings.Count == 0
                    ? $"{report.Project}: no LG1001 finding, nothing to migrate."
                    : $"{report.Project}: none of its {findings.Count} LG1001 finding(s) has an automatic rewrite{(to == null ? string.Empty : " to " + to)}; the findings name the alternatives to move to by hand.");
                return ExitCodes.UsageError;
            }

            report.Runtime = catalog.FindRuntime(runtime)!.Name;

            // 2. The runtime's packages, then the fixes.
            foreach (string package in rewrites.Where(r => r.Runtime == runtime).SelectMany(r => r.Packages).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!References(project, package) && !await code.CompilesAgainstAsync(package, cancellationToken).ConfigureAwait(false))
                {
                    console.Progress($"Adding {package}…");
                    await DotnetAsync(["add", project, "package", package], cancellationToken).ConfigureAwait(false);
                    report.Added.Add(package);
                }
            }

            console.Progress("Applying the code fixes…");
            code = CodeMigration.Load(await MSBuildProject.LoadAsync(project, framework, [], cancellationToken).ConfigureAwait(false), cancellationToken);
            var before = code.Solution;
            string? preferredModel = to != null && to.Contains('@') ? to.Split('@')[0] : null;
            report.Findings.AddRange(await code.ApplyAsync(runtime, models => models.FirstOrDefault(m => m == preferredModel), cancellationToken).ConfigureAwait(false));
            if (report.Findings.Any(f => f.NotFixed == null))
            {
                await code.RemoveUnusedProviderObjectsAsync(report.Findings, cancellationToken).ConfigureAwait(false);
            }

            await code.WriteChangedDocumentsAsync(before, cancellationToken).ConfigureAwait(false);

            // 3. Proprietary SDKs nothing uses any more.
            string projectBeforeRemoval = await File.ReadAllTextAsync(project, cancellationToken).ConfigureAwait(false);
            if (report.Findings.Any(f => f.NotFixed == null))
            {
                foreach (string unused in await UnusedSdkPackagesAsync(code, project, catalog, cancellationToken).ConfigureAwait(false))
                {
                    console.Progress($"Removing {unused}…");
                    await DotnetAsync(["remove", project, "package", unused], cancellationToken).ConfigureAwait(false);
                    report.Removed.Add(unused);
                }
            }

            // 4. Build the copy; a copy that does not build changes nothing of the user's.
            if (!parse.GetValue(NoBuildOption))
            {
                console.Progress("Building the migrated copy…");
                var build = await DotnetAsync(["build", project, "-nologo", "-verbosity:quiet", "-clp:NoSummary"], cancellationToken, check: false).ConfigureAwait(false);
                report.Built = build.ExitCode == 0;
                if (!report.Built.Value && report.Removed.Count > 0)
                {
                    // Perhaps the code still needs something a removed package brought: put the project file back as it was
                    // (same versions, same place) and build again; the packages are kept only if that build passes.
                    await File.WriteAllTextAsync(project, projectBeforeRemoval, cancellationToken).ConfigureAwait(false);
                    build = await DotnetAsync(["build", project, "-nologo", "-verbosity:quiet", "-clp:NoSummary"], cancellationToken, check: false).ConfigureAwait(false);
                    report.Built = build.ExitCode == 0;
                    if (report.Built.Value)
                    {
                        report.Kept.AddRange(report.Removed);
                    }

                    report.Removed.Clear();
                }

                if (!report.Built.Value)
                {
                    report.BuildErrors.AddRange(build.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Take(10)
                        .Select(l => l.Replace(copy.Root, copy.OriginalRoot, StringComparison.Ordinal)));
                }
            }

            console.Progress(null);
            var changed = copy.ChangedFiles();
            foreach (string relative in changed)
            {
                string originalFile = Path.Combine(copy.OriginalRoot, relative);
                report.Diff.Append(UnifiedDiff.Of(relative.Replace('\\', '/'), File.Exists(originalFile) ? await File.ReadAllTextAsync(originalFile, cancellationToken).ConfigureAwait(false) : string.Empty, await File.ReadAllTextAsync(Path.Combine(copy.Root, relative), cancellationToken).ConfigureAwait(false)));
            }

            if (centralFile != null && centralBefore != null)
            {
                report.Diff.Append(UnifiedDiff.Of(Path.GetRelativePath(copy.OriginalRoot, centralFile).Replace('\\', '/'), centralBefore, await File.ReadAllTextAsync(centralFile, cancellationToken).ConfigureAwait(false)));
            }

            report.Written = !dryRun && report.Built != false && changed.Count > 0;
            if (report.Written)
            {
                copy.CopyBack(changed);
            }
        }
        catch (ProjectLoadException e)
        {
            // Restore or evaluation failed (a package not in the sources, a downgrade error): the project's problem, not a finding.
            console.Error($"{report.Project}: could not be restored or evaluated, nothing was changed: {e.Reason.Replace(copy.Root, copy.OriginalRoot, StringComparison.Ordinal)}");
            return ExitCodes.UsageError;
        }
        finally
        {
            console.Progress(null);
            if (centralFile != null && centralBytes != null && (dryRun || report.Built == false || !report.Written)
                && !(await File.ReadAllBytesAsync(centralFile, CancellationToken.None).ConfigureAwait(false)).AsSpan().SequenceEqual(centralBytes))
            {
                // The SDK's `dotnet add package` writes the version into Directory.Packages.props, outside the copy: put it back
                // byte for byte.
                await File.WriteAllBytesAsync(centralFile, centralBytes, CancellationToken.None).ConfigureAwait(false);
            }
        }

        Console.Out.Write(parse.GetValue(CommonOptions.Json) ? report.ToJson() : report.ToText());
        if (report.Built == false)
        {
            console.Error($"{report.Project}: the migrated copy does not build; nothing was written.");
            return ExitCodes.Findings;
        }

        return report.Findings.Any(f => f.NotFixed != null) ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>
    /// The direct package references that are catalogued proprietary SDKs and none of whose SDK assemblies (its own, or those of
    /// the SDK packages it brings) the fixed code uses.
    /// </summary>
    private static async Task<IReadOnlyList<string>> UnusedSdkPackagesAsync(CodeMigration code, string project, RulesCatalog catalog, CancellationToken cancellationToken)
    {
        var used = await code.ReferencedAssemblyFilesAsync(cancellationToken).ConfigureAwait(false);
        string assets = Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json");
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(assets, cancellationToken).ConfigureAwait(false));
        var root = document.RootElement;
        var direct = root.GetProperty("project").GetProperty("frameworks").EnumerateObject().SelectMany(f => f.Value.TryGetProperty("dependencies", out var d) ? d.EnumerateObject().Select(p => p.Name) : []).Distinct(StringComparer.OrdinalIgnoreCase);
        var libraries = root.GetProperty("targets").EnumerateObject().First().Value;
        var unused = new List<string>();
        foreach (string package in direct.Where(p => catalog.FindServiceByPackage(p) != null))
        {
            var closure = Closure(libraries, package).Where(p => catalog.FindServiceByPackage(p) != null);
            if (!closure.Any(sdk => used.Any(path => path.Replace('\\', '/').Contains("/" + sdk.ToLowerInvariant() + "/", StringComparison.Ordinal))))
            {
                unused.Add(package);
            }
        }

        return unused;
    }

    private static HashSet<string> Closure(JsonElement libraries, string package)
    {
        var closure = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>([package]);
        while (queue.Count > 0)
        {
            string id = queue.Dequeue();
            if (!closure.Add(id))
            {
                continue;
            }

            var library = libraries.EnumerateObject().FirstOrDefault(l => l.Name.StartsWith(id + "/", StringComparison.OrdinalIgnoreCase));
            if (library.Value.ValueKind == JsonValueKind.Object && library.Value.TryGetProperty("dependencies", out var dependencies))
            {
                foreach (var dependency in dependencies.EnumerateObject())
                {
                    queue.Enqueue(dependency.Name);
                }
            }
        }

        return closure;
    }

    /// <summary>
    /// Whether the project file already names the package: a runtime package with no assembly to compile against (a native
    /// backend such as LLamaSharp.Backend.Cpu) is not seen by the compiler, and `dotnet add package` would move it to the newest version.
    /// </summary>
    private static bool References(string project, string package) =>
        File.ReadAllText(project).Contains($"Include=\"{package}\"", StringComparison.OrdinalIgnoreCase);

    private static string? FindAbove(string directory, string fileName)
    {
        for (var current = new DirectoryInfo(directory); current != null; current = current.Parent)
        {
            string candidate = Path.Combine(current.FullName, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<(int ExitCode, string Output)> DotnetAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool check = true)
    {
        var (exitCode, stdout, stderr) = await DotnetProcess.RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        string output = stdout + stderr;
        if (check && exitCode != 0)
        {
            throw new CommandException(ExitCodes.FeedFailure, $"dotnet {string.Join(' ', arguments.Take(4))} failed: {output.Trim().Split('\n').LastOrDefault()?.Trim()}");
        }

        return (exitCode, output);
    }

    /// <summary>What a migration did, for people (text with a diff) and machines (JSON).</summary>
    private sealed class MigrationReport(string project, bool dryRun)
    {
        public string Project { get; } = project;

        public string? Runtime { get; set; }

        public List<MigratedFinding> Findings { get; } = [];

        public List<string> Added { get; } = [];

        public List<string> Removed { get; } = [];

        public List<string> Kept { get; } = [];

        public bool? Built { get; set; }

        public List<string> BuildErrors { get; } = [];

        public bool Written { get; set; }

        public StringBuilder Diff { get; } = new();

        public string ToText()
        {
            var text = new StringBuilder();
            int fixedCount = Findings.Count(f => f.NotFixed == null);
            text.AppendLine($"{Project} → {Runtime}: {fixedCount} of {Findings.Count} LG1001 finding(s) rewritten{(dryRun ? " (dry run: nothing written)" : Written ? ", written" : ", nothing written")}.");
            foreach (var finding in Findings)
            {
                text.AppendLine(finding.Removed
                    ? $"  removed    {finding.File}:{finding.Line}  {Short(finding.Code)}: unused after the rewrite"
                    : finding.NotFixed == null
                    ? $"  fixed      {finding.File}:{finding.Line}  {Short(finding.Code)} → {finding.Model}"
                    : $"  not fixed  {finding.File}:{finding.Line}  {Short(finding.Code)}: {finding.NotFixed}");
            }

            if (Added.Count + Removed.Count + Kept.Count > 0)
            {
                text.AppendLine($"  packages   {string.Join(", ", Added.Select(p => "+ " + p).Concat(Removed.Select(p => "- " + p)))}{(Kept.Count > 0 ? $" (kept {string.Join(", ", Kept)}: the code still needs what it brings)" : string.Empty)}");
            }

            text.AppendLine(Built switch
            {
                true => "  build      the migrated project builds",
                false => "  build      FAILED: " + string.Join(Environment.NewLine + "             ", BuildErrors),
                _ => "  build      not run (--no-build)",
            });
            if (Diff.Length > 0)
            {
                text.AppendLine().Append(Diff);
            }

            return text.ToString();
        }

        public string ToJson()
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteNumber("version", 1);
                json.WriteString("project", Project);
                json.WriteString("runtime", Runtime);
                json.WriteBoolean("dryRun", dryRun);
                json.WriteBoolean("written", Written);
                if (Built is { } built)
                {
                    json.WriteBoolean("built", built);
                }
                else
                {
                    json.WriteNull("built");
                }

                json.WriteStartArray("findings");
                foreach (var finding in Findings)
                {
                    json.WriteStartObject();
                    json.WriteString("file", finding.File);
                    json.WriteNumber("line", finding.Line);
                    json.WriteString("code", finding.Code);
                    json.WriteBoolean("fixed", finding.NotFixed == null);
                    json.WriteBoolean("removed", finding.Removed);
                    json.WriteString("model", finding.Model);
                    json.WriteString("reason", finding.NotFixed);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                WriteStrings(json, "packagesAdded", Added);
                WriteStrings(json, "packagesRemoved", Removed);
                WriteStrings(json, "packagesKept", Kept);
                WriteStrings(json, "buildErrors", BuildErrors);
                json.WriteString("diff", Diff.ToString());
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
        }

        private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
        {
            json.WriteStartArray(name);
            foreach (string value in values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }

        private static string Short(string code)
        {
            string line = string.Join(' ', code.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
            return line.Length <= 70 ? line : line[..67] + "...";
        }
    }
}
