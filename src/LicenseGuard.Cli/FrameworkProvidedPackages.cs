using System.Text.Json;
using NuGet.Frameworks;
using NuGet.Versioning;

namespace LicenseGuard.Cli;

/// <summary>
/// The packages a target framework already provides, which restore prunes from the graph (on by default from .NET 10): neither
/// restored nor shipped, so `check` leaves them out as the build does. From the project's own restore output when it has one
/// (what restore pruned there, ASP.NET Core's list included), else from the targeting pack of the SDK this tool runs with.
/// </summary>
internal sealed class FrameworkProvidedPackages
{
    private static readonly NuGetFramework FirstPrunedByDefault = NuGetFramework.Parse("net10.0");

    private readonly Dictionary<string, VersionRange> ranges;

    private FrameworkProvidedPackages(Dictionary<string, VersionRange> ranges, string source)
    {
        this.ranges = ranges;
        Source = source;
    }

    /// <summary>Gets where the list comes from, for the report's stderr line.</summary>
    public string Source { get; }

    public int Count => ranges.Count;

    /// <summary>Gets whether restore would prune this dependency: the framework provides that package at this version or later.</summary>
    public bool Provides(string id, NuGetVersion version) => ranges.TryGetValue(id, out var range) && range.Satisfies(version);

    /// <summary>
    /// The list for <paramref name="framework"/>: from <paramref name="projectAssets"/> (a restored project's assets file) when it
    /// lists the framework's pruned packages, else from the SDK's targeting pack for .NET 10 and later; null when restore would
    /// prune nothing (earlier frameworks) or the list cannot be found, with <paramref name="missing"/> saying why in the latter case.
    /// </summary>
    public static FrameworkProvidedPackages? For(NuGetFramework framework, string? projectAssets, out string? missing)
    {
        missing = null;
        if (projectAssets != null && FromAssets(projectAssets, framework) is { } fromProject)
        {
            return fromProject;
        }

        if (framework.Framework != FrameworkConstants.FrameworkIdentifiers.NetCoreApp || framework.Version < FirstPrunedByDefault.Version)
        {
            return null;
        }

        string? overrides = TargetingPackOverrides(framework);
        if (overrides == null)
        {
            missing = $"the .NET targeting pack for {framework.GetShortFolderName()} is not installed, so packages that framework provides are checked as if restore kept them";
            return null;
        }

        var ranges = new Dictionary<string, VersionRange>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in File.ReadLines(overrides))
        {
            string[] parts = line.Split('|');
            if (parts.Length == 2 && NuGetVersion.TryParse(parts[1].Trim(), out var version))
            {
                // Restore prunes up to the last patch of the listed minor version, as NuGet's PrunePackageReference items say.
                ranges[parts[0].Trim()] = new VersionRange(maxVersion: new NuGetVersion(version.Major, version.Minor, 32767), includeMaxVersion: true);
            }
        }

        return new FrameworkProvidedPackages(ranges, overrides);
    }

    private static FrameworkProvidedPackages? FromAssets(string assets, NuGetFramework framework)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(assets));
            if (!document.RootElement.TryGetProperty("project", out var project) || !project.TryGetProperty("frameworks", out var frameworks))
            {
                return null;
            }

            foreach (var entry in frameworks.EnumerateObject())
            {
                if (!NuGetFramework.Parse(entry.Name).Equals(framework) || !entry.Value.TryGetProperty("packagesToPrune", out var pruned))
                {
                    continue;
                }

                var ranges = new Dictionary<string, VersionRange>(StringComparer.OrdinalIgnoreCase);
                foreach (var package in pruned.EnumerateObject())
                {
                    if (package.Value.GetString() is { } text && VersionRange.TryParse(text, out var range))
                    {
                        ranges[package.Name] = range;
                    }
                }

                return new FrameworkProvidedPackages(ranges, assets);
            }
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException)
        {
            // An unreadable restore output falls back to the targeting pack.
        }

        return null;
    }

    private static string? TargetingPackOverrides(NuGetFramework framework)
    {
        string packs = Path.Combine(DotnetRoot(), "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs))
        {
            return null;
        }

        return Directory.EnumerateDirectories(packs)
            .Select(d => (Path: d, Version: NuGetVersion.TryParse(Path.GetFileName(d), out var v) ? v : null))
            .Where(d => d.Version != null && d.Version.Major == framework.Version.Major && d.Version.Minor == framework.Version.Minor)
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Path, "data", "PackageOverrides.txt"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The .NET installation this tool runs from: DOTNET_ROOT, else three folders above the shared runtime.</summary>
    private static string DotnetRoot() =>
        Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && Directory.Exists(Path.Combine(root, "packs"))
            ? root
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
}
