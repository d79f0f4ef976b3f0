using System.Text.Json;
using System.Text.RegularExpressions;

namespace LicenseGuard.Cli;

/// <summary>The target frameworks `check` follows by default: the project's own, so a check answers for the project it is run in.</summary>
internal static partial class ProjectFrameworks
{
    /// <summary>
    /// The frameworks of the project named by <paramref name="projectArgument"/> or alone in the current folder: from its restore
    /// output when restored (what the SDK resolved, Directory.Build.props included), else from its file; without a project, the
    /// framework of the .NET this tool runs on.
    /// </summary>
    public static IReadOnlyList<string> Of(string? projectArgument)
    {
        string? project = ReferencedPackage.Locate(projectArgument ?? Directory.GetCurrentDirectory());
        if (project != null)
        {
            var frameworks = AssetsBeside(project) is { } assets ? FromAssets(assets) : FromProjectFile(project);
            if (frameworks.Count > 0)
            {
                return frameworks;
            }
        }

        return [$"net{Environment.Version.Major}.0"];
    }

    /// <summary>The restore output of the project named by <paramref name="projectArgument"/> or alone in the current folder, if restored.</summary>
    public static string? AssetsOf(string? projectArgument)
    {
        string? project = ReferencedPackage.Locate(projectArgument ?? Directory.GetCurrentDirectory());
        return project == null ? null : AssetsBeside(project);
    }

    private static string? AssetsBeside(string project)
    {
        string assets = Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json");
        return File.Exists(assets) ? assets : null;
    }

    private static List<string> FromAssets(string assets)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(assets));
            return document.RootElement.TryGetProperty("project", out var project) && project.TryGetProperty("frameworks", out var frameworks)
                ? frameworks.EnumerateObject().Select(f => f.Name).ToList()
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static List<string> FromProjectFile(string project) =>
        TargetFrameworks().Matches(File.ReadAllText(project))
            .SelectMany(m => m.Groups[1].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(f => !f.Contains('$', StringComparison.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    [GeneratedRegex("<TargetFrameworks?>([^<]*)</TargetFrameworks?>", RegexOptions.IgnoreCase)]
    private static partial Regex TargetFrameworks();
}
