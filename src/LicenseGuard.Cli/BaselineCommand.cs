using System.CommandLine;
using LicenseGuard.Baselines;
using LicenseGuard.Catalog;
using LicenseGuard.Cli.Scanning;
using LicenseGuard.Gather;
using LicenseGuard.Policy;

namespace LicenseGuard.Cli;

/// <summary>
/// <c>licenseguard baseline [sln|csproj|dir]</c>: scans, then writes each project's current findings to
/// licenseguard.baseline.json in its folder, with each package's licence and class. The build and later scans report only
/// findings not in it, and packages whose licence class changed since (LG3005); entries that no longer match anything are
/// dropped when the file is rewritten.
/// </summary>
internal static class BaselineCommand
{
    public static Command Create()
    {
        var command = new Command("baseline", "Accept the current findings: write licenseguard.baseline.json next to each project, so only new findings are reported.")
        {
            // No --skip-code: a baseline written without the code findings would drop every accepted code finding as stale.
            ScanCommand.PathArgument, ScanCommand.FrameworkOption, ScanCommand.PropertyOption, CommonOptions.Verbosity,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var console = new ToolConsole(parse.GetValue(CommonOptions.Verbosity)!);
        var result = await ScanCommand.ScanAsync(parse, console, cancellationToken).ConfigureAwait(false);

        foreach (var project in result.Projects)
        {
            if (project.Error != null)
            {
                console.Error($"{project.Project}: not scanned, its baseline is unchanged: {project.Error}");
                continue;
            }

            string directory = Path.GetDirectoryName(project.Project)!;
            string path = Path.Combine(directory, BaselineFile.FileName);
            var accepted = project.Findings.Concat(project.Baselined)
                .Where(f => !f.Id.StartsWith("LG9", StringComparison.Ordinal) && f.Id != Analyzers.DiagnosticIds.LicenseChangedSinceBaseline && f.Fingerprint.Length > 0)
                .Select(f => new BaselineEntry
                {
                    Id = f.Id,
                    Fingerprint = f.Fingerprint,
                    File = f.File == null ? string.Empty : Path.GetRelativePath(directory, f.File).Replace('\\', '/'),
                    Message = f.Message,
                })
                .ToList();
            int stale = project.Findings.Count(f => f.Id == Analyzers.DiagnosticIds.BaselineEntryStale);

            // Each package's licence as it is today, so a later upgrade that changes its licence class is reported (LG3005).
            var catalog = RulesCatalog.Load(RulesFileLocator.Find(directory));
            var packages = (project.Inventory?.Packages ?? [])
                .Where(p => !p.Development)
                .Select(p =>
                {
                    var (license, licenseClass, _) = DependencyEvaluator.Describe(p, catalog);
                    return new BaselinePackage { Id = p.Id, Version = p.Version, License = license, Class = licenseClass };
                })
                .ToList();
            if (accepted.Count == 0 && packages.Count == 0 && !File.Exists(path))
            {
                console.Info($"{Path.GetFileName(project.Project)}: no findings and no packages, no baseline needed.");
                continue;
            }

            File.WriteAllText(path, BaselineFile.ToJson(accepted, packages));
            console.Info($"{Path.GetFileName(project.Project)}: wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), path)} with {accepted.Select(a => a.Id + a.Fingerprint).Distinct().Count()} entr(ies) for {accepted.Count} finding(s){(stale > 0 ? $", dropped {stale} stale entr(ies)" : string.Empty)}.");
        }

        return result.Projects.Any(p => p.Error != null) ? ExitCodes.UsageError : ExitCodes.Success;
    }
}
