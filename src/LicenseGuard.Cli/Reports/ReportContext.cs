using LicenseGuard.Catalog;
using LicenseGuard.Cli.Scanning;
using LicenseGuard.Gather;

namespace LicenseGuard.Cli.Reports;

/// <summary>What every scan report needs: the result, paths relative to the scan root, and each project's catalog.</summary>
internal sealed class ReportContext(ScanResult result, string failOn, bool showPaths)
{
    private readonly Dictionary<string, RulesCatalog> catalogs = new(StringComparer.Ordinal);

    public ScanResult Result { get; } = result;

    public string FailOn { get; } = failOn;

    public bool ShowPaths { get; } = showPaths;

    /// <summary>Gets a path relative to the scan root with forward slashes (reports never carry the machine's absolute paths).</summary>
    public string Relative(string? path) =>
        path == null ? string.Empty : Path.GetRelativePath(Result.Root, path).Replace('\\', '/');

    /// <summary>Gets the effective catalog of a project (built-in rules plus its licenseguard.json files).</summary>
    public RulesCatalog CatalogOf(ProjectScan project)
    {
        if (!catalogs.TryGetValue(project.Project, out var catalog))
        {
            catalog = RulesCatalog.Load(RulesFileLocator.Find(Path.GetDirectoryName(project.Project)!));
            catalogs[project.Project] = catalog;
        }

        return catalog;
    }

    /// <summary>
    /// Gets the rules files layered over the built-in catalog for any scanned project, relative to the scan root, each with the
    /// SHA-256 of its text: what a report says it was judged against.
    /// </summary>
    public IReadOnlyList<(string Path, string Digest)> RulesFiles() =>
        Result.Projects
            .SelectMany(project => RulesFileLocator.Find(Path.GetDirectoryName(project.Project)!))
            .GroupBy(source => source.Path, StringComparer.Ordinal)
            .Select(group => (Relative(group.Key), Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(group.First().Text))).ToLowerInvariant()))
            .OrderBy(file => file.Item1, StringComparer.Ordinal)
            .ToList();

    public static string KindTitle(string kind) => kind switch
    {
        "ai-api" => "Proprietary AI APIs",
        "weights" => "Model weights",
        "dependencies" => "Dependencies",
        _ => "Configuration",
    };
}
