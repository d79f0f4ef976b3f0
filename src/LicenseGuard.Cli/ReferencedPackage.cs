using LicenseGuard.Gather;
using LicenseGuard.Inventory;

namespace LicenseGuard.Cli;

/// <summary>
/// The version of a package a restored project references today, with the licence facts of that version, read from the
/// project's restore output and the packages folder (no network): what `check` compares a candidate upgrade against.
/// </summary>
internal sealed record ReferencedPackage(string Project, PackageFact Package)
{
    /// <summary>Finds the package in the project named by --project, or in the single project of the current folder.</summary>
    public static ReferencedPackage? Find(string? projectArgument, string packageId, ToolConsole console)
    {
        string? project = Locate(projectArgument ?? Directory.GetCurrentDirectory());
        if (project == null)
        {
            if (projectArgument != null)
            {
                throw new UsageException($"--project '{projectArgument}' is not a project file or a folder with exactly one project.");
            }

            return null;
        }

        string assets = Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            if (projectArgument != null)
            {
                console.Warn($"{Path.GetFileName(project)} is not restored (no obj/project.assets.json); run 'dotnet restore' to compare with the version it references.");
            }

            return null;
        }

        var package = InventoryBuilder.Build(assets).Packages.FirstOrDefault(p => string.Equals(p.Id, packageId, StringComparison.OrdinalIgnoreCase));
        return package == null ? null : new ReferencedPackage(project, package);
    }

    internal static string? Locate(string path)
    {
        string full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return full.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ? full : null;
        }

        if (!Directory.Exists(full))
        {
            return null;
        }

        var projects = Directory.GetFiles(full, "*.csproj");
        return projects.Length == 1 ? projects[0] : null;
    }
}
