using System.CommandLine;
using LicenseGuard.Catalog;
using LicenseGuard.Gather;
using LicenseGuard.Inventory;
using LicenseGuard.Json;
using LicenseGuard.Policy;
using NuGet.Frameworks;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace LicenseGuard.Cli;

/// <summary><c>licenseguard check &lt;PackageId&gt;</c>: judges a package and its dependency closure before it is installed.</summary>
internal static class CheckCommand
{
    private const int MaxPackages = 2_000;

    private static readonly Argument<string> PackageArgument = new("package-id") { Description = "The NuGet package id to check." };
    private static readonly Option<string?> VersionOption = new("--version") { Description = "The version to check (default: the newest stable version, or the newest with --prerelease)." };
    private static readonly Option<string[]> SourceOption = new("--source", "-s") { Description = "A package source (URL or folder) to use instead of the NuGet.Config sources; repeatable.", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<bool> PrereleaseOption = new("--prerelease") { Description = "Allow prerelease versions when no --version is given." };
    private static readonly Option<string?> FrameworkOption = new("--framework", "-f") { Description = "The target framework whose dependency group is followed (default: the frameworks of the project in the current folder or --project, else the .NET this tool runs on)." };
    private static readonly Option<string?> ProjectOption = new("--project") { Description = "A restored project (file or folder) that references the package: its licence there is compared with the checked version's (default: the project in the current folder, if there is one)." };

    static CheckCommand()
    {
        PackageArgument.Validators.Add(result =>
        {
            string? id = result.GetValueOrDefault<string>();
            if (id == null || id.Length > PackageIdValidator.MaxPackageIdLength || !PackageIdValidator.IsValidPackageId(id))
            {
                result.AddError($"'{id}' is not a valid NuGet package id (letters, digits, '.', '-' and '_'; at most 100 characters).");
            }
        });
    }

    public static Command Create()
    {
        var command = new Command("check", "Judge a NuGet package and its dependencies against the licence policy before installing it.")
        {
            PackageArgument, VersionOption, SourceOption, PrereleaseOption, FrameworkOption, ProjectOption,
            CommonOptions.Format, CommonOptions.Json, CommonOptions.Output, CommonOptions.FailOn, CommonOptions.NoPaths, CommonOptions.Verbosity,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var console = new ToolConsole(parse.GetValue(CommonOptions.Verbosity)!);
        string id = parse.GetValue(PackageArgument)!;
        var frameworks = (parse.GetValue(FrameworkOption) is { } named ? [named] : ProjectFrameworks.Of(parse.GetValue(ProjectOption)))
            .Select(f => (Text: f, Framework: NuGetFramework.Parse(f)))
            .ToList();
        if (frameworks.FirstOrDefault(f => f.Framework.IsUnsupported) is { Text: { } unsupported })
        {
            console.Error($"'{unsupported}' is not a target framework (examples: net8.0, net10.0, netstandard2.0).");
            return ExitCodes.UsageError;
        }

        NuGetVersion? requested = null;
        string? versionText = parse.GetValue(VersionOption);
        if (versionText != null && !NuGetVersion.TryParse(versionText, out requested))
        {
            console.Error($"'{versionText}' is not a NuGet version.");
            return ExitCodes.UsageError;
        }

        var rulesFiles = RulesFileLocator.Find(Directory.GetCurrentDirectory());
        var catalog = RulesCatalog.Load(rulesFiles);
        if (catalog.Problems.Count > 0)
        {
            foreach (var problem in catalog.Problems)
            {
                console.Error(RulesCommand.FormatProblem(problem.Span, problem.Message));
            }

            return ExitCodes.InvalidRulesFile;
        }

        if (rulesFiles.Count > 0)
        {
            console.Info($"Policy: the built-in catalog with {string.Join(", ", rulesFiles.Select(f => Path.GetRelativePath(Directory.GetCurrentDirectory(), f.Path)))}.");
        }

        using var feed = NuGetFeed.Create(Directory.GetCurrentDirectory(), parse.GetValue(SourceOption) ?? Array.Empty<string>());
        var packages = new List<PackageFact>();
        try
        {
            var versions = await feed.GetVersionsAsync(id, cancellationToken);
            var chosen = requested != null
                ? versions.FirstOrDefault(v => v.Version == requested)
                : versions.Where(v => parse.GetValue(PrereleaseOption) || !v.Version.IsPrerelease).LastOrDefault();
            if (chosen.Version == null)
            {
                console.Error(versions.Count == 0
                    ? $"Package '{id}' was not found in {string.Join(", ", feed.SourceNames)}."
                    : $"Package '{id}' has no {(requested != null ? "version " + requested : parse.GetValue(PrereleaseOption) ? "version" : "stable version (try --prerelease)")} in {string.Join(", ", feed.SourceNames)}.");
                return ExitCodes.FeedFailure;
            }

            var resolved = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            string? assets = ProjectFrameworks.AssetsOf(parse.GetValue(ProjectOption));
            foreach (var (_, framework) in frameworks)
            {
                var provided = FrameworkProvidedPackages.For(framework, assets, out string? missing);
                if (missing != null)
                {
                    console.Warn(missing + ".");
                }
                else if (provided != null)
                {
                    console.Detail($"{framework.GetShortFolderName()}: {provided.Count} package(s) the framework provides are pruned as restore prunes them ({provided.Source}).");
                }

                var closure = new List<PackageFact>();
                await ResolveClosureAsync(feed, new PackageIdentity(id, chosen.Version), chosen.Source, framework, provided, closure, console, cancellationToken);
                packages.AddRange(closure.Where(p => resolved.Add(p.Id + "/" + p.Version)));
            }
        }
        catch (FeedException e)
        {
            console.Error(e.Message);
            return ExitCodes.FeedFailure;
        }

        // LG3004 (an exception that silences nothing) needs the whole project: build and scan report it, check does not.
        var accepted = new List<AcceptedPackage>();
        var findings = DependencyEvaluator.Evaluate(packages, catalog, DateTime.UtcNow.Date, accepted: accepted).Where(f => f.RuleId != DependencyEvaluator.ExceptionUnusedOrExpired).ToList();
        var referenced = ReferencedPackage.Find(parse.GetValue(ProjectOption), id, console);
        var report = new CheckReport(id, string.Join(", ", frameworks.Select(f => f.Framework.GetShortFolderName())), packages, findings, catalog, !parse.GetValue(CommonOptions.NoPaths), referenced, accepted);
        if (report.LicenseChange is { } change)
        {
            console.Warn(change);
        }

        string format = parse.GetValue(CommonOptions.Json) ? "json" : parse.GetValue(CommonOptions.Format)!;
        string rendered = format == "json" ? report.ToJson() : report.ToTable();
        string? output = parse.GetValue(CommonOptions.Output);
        if (output != null)
        {
            File.WriteAllText(output, rendered);
            console.Info($"Wrote {output}.");
        }
        else
        {
            Console.Out.Write(rendered);
        }

        var failOn = parse.GetValue(CommonOptions.FailOn) == "warning" ? PolicyAction.Warn : PolicyAction.Deny;
        return findings.Any(f => f.Action >= failOn) ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>
    /// Breadth-first over the dependency groups for the framework, taking for each dependency the lowest version its range
    /// allows (NuGet's own rule), so each package is met on its shortest path; a dependency the framework provides is pruned
    /// with what only it brings, as restore prunes it.
    /// </summary>
    private static async Task ResolveClosureAsync(NuGetFeed feed, PackageIdentity root, NuGet.Protocol.Core.Types.SourceRepository rootSource, NuGetFramework framework, FrameworkProvidedPackages? provided, List<PackageFact> packages, ToolConsole console, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { root.Id };
        var queue = new Queue<(PackageIdentity Identity, NuGet.Protocol.Core.Types.SourceRepository Source, List<string> Path)>();
        queue.Enqueue((root, rootSource, new List<string>()));
        while (queue.Count > 0 && packages.Count < MaxPackages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (identity, source, path) = queue.Dequeue();
            console.Progress($"Checking {identity.Id} {identity.Version} ({packages.Count + 1} resolved, {queue.Count} queued)");
            var fact = new PackageFact { Id = identity.Id, Version = identity.Version.ToNormalizedString(), Direct = path.Count == 0 };
            fact.Frameworks.Add(framework.GetShortFolderName());
            fact.Path.AddRange(path);
            fact.License = await feed.GetLicenseAsync(source, identity, cancellationToken);
            packages.Add(fact);

            foreach (var dependency in await feed.GetDependenciesAsync(source, identity, framework, cancellationToken))
            {
                if (!seen.Add(dependency.Id))
                {
                    continue;
                }

                var candidates = await feed.GetVersionsAsync(dependency.Id, cancellationToken);
                var best = candidates.Where(c => dependency.VersionRange.Satisfies(c.Version)).OrderBy(c => c.Version).FirstOrDefault();
                if (provided != null && provided.Provides(dependency.Id, best.Version ?? dependency.VersionRange.MinVersion ?? new NuGetVersion(0, 0, 0)))
                {
                    continue;
                }

                var childPath = new List<string>(path) { identity.Id + " " + identity.Version.ToNormalizedString() };
                if (best.Version == null)
                {
                    var missing = new PackageFact { Id = dependency.Id, Version = dependency.VersionRange.ToShortString() };
                    missing.Path.AddRange(childPath);
                    packages.Add(missing);
                    console.Warn($"{dependency.Id} {dependency.VersionRange} (needed by {identity.Id}) is in none of the sources; its licence is unknown.");
                    continue;
                }

                queue.Enqueue((new PackageIdentity(dependency.Id, best.Version), best.Source, childPath));
            }
        }

        console.Progress(null);
    }
}
