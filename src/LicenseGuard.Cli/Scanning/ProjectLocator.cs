using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LicenseGuard.Cli.Scanning;

/// <summary>Turns the scan argument (a solution, a project or a folder) into the C# project files to scan.</summary>
internal static partial class ProjectLocator
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "artifacts"];

    /// <summary>Returns the projects, or throws <see cref="UsageException"/> when the argument names none.</summary>
    public static IReadOnlyList<string> Find(string argument)
    {
        string path = Path.GetFullPath(argument);
        if (File.Exists(path))
        {
            return Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".csproj" => [path],
                ".sln" => FromSolution(path, File.ReadAllText(path)),
                ".slnx" => FromSolutionXml(path),
                _ => throw new UsageException($"{argument} is not a .sln, .slnx or .csproj file."),
            };
        }

        if (!Directory.Exists(path))
        {
            throw new UsageException(argument.StartsWith('-') ? $"'{argument}' is not an option of this command; see --help." : $"{argument} does not exist.");
        }

        var solutions = Directory.GetFiles(path, "*.sln").Concat(Directory.GetFiles(path, "*.slnx")).ToList();
        if (solutions.Count == 1)
        {
            return Find(solutions[0]);
        }

        var projects = Directory.GetFiles(path, "*.csproj").ToList();
        if (projects.Count == 0)
        {
            projects = EnumerateProjects(path).ToList();
        }

        if (projects.Count == 0)
        {
            throw new UsageException($"No .csproj under {argument}.");
        }

        return projects.OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> EnumerateProjects(string directory)
    {
        foreach (string project in Directory.EnumerateFiles(directory, "*.csproj"))
        {
            yield return project;
        }

        foreach (string child in Directory.EnumerateDirectories(directory))
        {
            string name = Path.GetFileName(child);
            if (!name.StartsWith('.') && !SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                foreach (string project in EnumerateProjects(child))
                {
                    yield return project;
                }
            }
        }
    }

    internal static IReadOnlyList<string> FromSolution(string solution, string text)
    {
        string directory = Path.GetDirectoryName(solution)!;
        return SolutionProjectLine().Matches(text)
            .Select(m => m.Groups["path"].Value.Replace('\\', Path.DirectorySeparatorChar))
            .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .Select(p => Path.GetFullPath(Path.Combine(directory, p)))
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static IReadOnlyList<string> FromSolutionXml(string solution)
    {
        string directory = Path.GetDirectoryName(solution)!;
        return XDocument.Load(solution).Descendants("Project")
            .Select(p => (string?)p.Attribute("Path"))
            .Where(p => p != null && p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .Select(p => Path.GetFullPath(Path.Combine(directory, p!.Replace('\\', Path.DirectorySeparatorChar))))
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex("""^Project\("\{[^}]+\}"\)\s*=\s*"[^"]*",\s*"(?<path>[^"]+)"\s*,""", RegexOptions.Multiline)]
    private static partial Regex SolutionProjectLine();
}
