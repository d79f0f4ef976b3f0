using LicenseGuard.Inventory;

namespace LicenseGuard.Cli.Scanning;

/// <summary>One LicenseGuard finding, as the reports show it.</summary>
internal sealed record Finding(
    string Id,
    string Severity,
    string Message,
    string Project,
    string? File,
    int Line,
    int Column,
    IReadOnlyDictionary<string, string?> Properties,
    string Fingerprint,
    string? HelpUri)
{
    /// <summary>Gets what the finding is about: <c>ai-api</c>, <c>weights</c>, <c>dependencies</c> or <c>configuration</c>.</summary>
    public string Kind => KindOf(Id);

    public string? Property(string name) => Properties.TryGetValue(name, out string? value) && !string.IsNullOrEmpty(value) ? value : null;

    public static string KindOf(string id) => id.Length >= 3 ? id[..3] switch
    {
        "LG1" => "ai-api",
        "LG2" => "weights",
        "LG3" => "dependencies",
        _ => "configuration",
    } : "configuration";

    public static int Rank(string severity) => severity switch
    {
        "error" => 3,
        "warning" => 2,
        "info" => 1,
        _ => 0,
    };
}

/// <summary>What the scan found in one project.</summary>
internal sealed class ProjectScan(string project)
{
    public string Project { get; } = project;

    public string? TargetFramework { get; set; }

    /// <summary>Gets findings that are reported (not in the baseline), including stale baseline entries (LG9003).</summary>
    public List<Finding> Findings { get; } = [];

    /// <summary>Gets findings the project's baseline accepts.</summary>
    public List<Finding> Baselined { get; } = [];

    public ProjectInventory? Inventory { get; set; }

    /// <summary>Gets or sets why the project could not be scanned (fully: see <see cref="Partial"/>).</summary>
    public string? Error { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the project was scanned only in part: it could not be loaded but its sources and
    /// project file were checked for what needs no restore (see <see cref="PartialAnalysis"/>), or its compilation was
    /// incomplete; <see cref="Error"/> says why and <see cref="PartialLimits"/> what was not checked.
    /// </summary>
    public bool Partial { get; set; }

    /// <summary>Gets or sets what a partial scan could not check (said next to <see cref="Error"/> in every format).</summary>
    public string? PartialLimits { get; set; }

    public int SourceFiles { get; set; }

    public TimeSpan LoadTime { get; set; }

    public TimeSpan AnalysisTime { get; set; }
}

/// <summary>The whole scan.</summary>
internal sealed record ScanResult(string Root, IReadOnlyList<ProjectScan> Projects, bool CodeAnalyzed, TimeSpan Elapsed)
{
    public IEnumerable<Finding> Findings => Projects.SelectMany(p => p.Findings);
}
