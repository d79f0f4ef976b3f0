using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LicenseGuard.Inventory;
using LicenseGuard.Json;
using LicenseGuard.Licensing;

namespace LicenseGuard.Gather
{
    /// <summary>
    /// Builds a project's inventory from its restore output: every resolved package per target framework, the shortest path
    /// from a direct reference, and the licence each .nuspec declares (licence files are read and recognised, bounded in size).
    /// </summary>
    public static class InventoryBuilder
    {
        private const long MaxLicenseFileBytes = 256 * 1024;

        /// <summary>Builds the inventory of the project whose <c>project.assets.json</c> is given.</summary>
        public static ProjectInventory Build(string assetsFilePath, string? centralPackagesFile = null)
        {
            var inventory = new ProjectInventory { CentralPackagesFile = centralPackagesFile };
            if (!File.Exists(assetsFilePath))
            {
                inventory.Problems.Add($"The restore output {assetsFilePath} does not exist; run 'dotnet restore'.");
                return inventory;
            }

            AssetsFile assets;
            try
            {
                assets = AssetsFile.Parse(assetsFilePath, File.ReadAllText(assetsFilePath));
            }
            catch (JsonParseException e)
            {
                inventory.Problems.Add($"{e.Span}: the restore output is not valid JSON: {e.Message}");
                return inventory;
            }

            inventory.Project = assets.ProjectPath;
            if (!assets.CentralPackageManagement)
            {
                inventory.CentralPackagesFile = null;
            }

            var byKey = new Dictionary<string, PackageFact>(StringComparer.OrdinalIgnoreCase);
            foreach (var framework in assets.Frameworks)
            {
                foreach (var (node, path, privateAssets) in Walk(framework))
                {
                    string key = node.Id + "/" + node.Version;
                    if (!byKey.TryGetValue(key, out var package))
                    {
                        package = new PackageFact { Id = node.Id, Version = node.Version, PrivateAssets = privateAssets };
                        package.Path.AddRange(path);
                        ReadNuspec(assets, package, inventory.Problems);
                        FindWeightFiles(assets, package);
                        byKey[key] = package;
                    }
                    else
                    {
                        package.PrivateAssets &= privateAssets;
                        if (path.Count < package.Path.Count)
                        {
                            package.Path.Clear();
                            package.Path.AddRange(path);
                        }
                    }

                    package.Direct |= path.Count == 0;
                    if (!package.Frameworks.Contains(framework.Name))
                    {
                        package.Frameworks.Add(framework.Name);
                    }
                }
            }

            MarkDevelopmentDescendants(byKey);
            inventory.Packages.AddRange(byKey.Values);
            return inventory;
        }

        /// <summary>Breadth-first from the direct references, so each package is met first on its shortest path.</summary>
        private static IEnumerable<(GraphNode Node, List<string> Path, bool PrivateAssets)> Walk(FrameworkGraph framework)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var queue = new Queue<(GraphNode Node, List<string> Path, bool PrivateAssets)>();
            foreach (var direct in framework.DirectPackages.OrderBy(d => d.Key, StringComparer.OrdinalIgnoreCase))
            {
                if (framework.Nodes.TryGetValue(direct.Key, out var node) && seen.Add(node.Id))
                {
                    queue.Enqueue((node, new List<string>(), direct.Value));
                }
            }

            foreach (var project in framework.Nodes.Values.Where(n => n.IsProject).OrderBy(n => n.Id, StringComparer.OrdinalIgnoreCase))
            {
                if (seen.Add(project.Id))
                {
                    queue.Enqueue((project, new List<string>(), false));
                }
            }

            while (queue.Count > 0)
            {
                var (node, path, privateAssets) = queue.Dequeue();
                if (!node.IsProject)
                {
                    yield return (node, path, privateAssets);
                }

                foreach (var dependency in node.Dependencies)
                {
                    if (framework.Nodes.TryGetValue(dependency, out var child) && seen.Add(child.Id))
                    {
                        queue.Enqueue((child, new List<string>(path) { node.Display }, privateAssets));
                    }
                }
            }
        }

        private static void ReadNuspec(AssetsFile assets, PackageFact package, List<string> problems)
        {
            if (!assets.LibraryPaths.TryGetValue(package.Id + "/" + package.Version, out var relative))
            {
                return;
            }

            foreach (var folder in assets.PackageFolders)
            {
                string packageDirectory = Path.Combine(folder, relative);
                string nuspec = Path.Combine(packageDirectory, package.Id.ToLowerInvariant() + ".nuspec");
                if (!File.Exists(nuspec))
                {
                    continue;
                }

                try
                {
                    var (license, development) = NuspecReader.Read(File.ReadAllText(nuspec));
                    package.Development = development;
                    if (license.Source == LicenseSource.File && license.Value != null)
                    {
                        if (ReadLicenseFile(packageDirectory, license.Value) is { } text)
                        {
                            Licensing.LicenseFileFacts.Record(license, text);
                        }
                    }
                    else if (license.Source != LicenseSource.Expression && RootLicenseFile(packageDirectory) is { } rootFile
                        && ReadLicenseFile(packageDirectory, rootFile) is { } rootText)
                    {
                        Licensing.LicenseFileFacts.Record(license, rootText);
                        license.PackageFile = rootFile;
                    }

                    package.License = license;
                }
                catch (IOException e)
                {
                    problems.Add($"{nuspec}: {e.Message}");
                }
                catch (UnauthorizedAccessException e)
                {
                    problems.Add($"{nuspec}: {e.Message}");
                }

                return;
            }

            problems.Add($"The .nuspec of {package.Display} was not found in the package folders; its licence is unknown.");
        }

        /// <summary>
        /// Records the package licences a project's baseline file holds, for LG3005. A missing file records nothing, and so
        /// does a malformed one: the build and scan already report that file at its line (LG9001); an unreadable one is a
        /// problem in the inventory.
        /// </summary>
        public static void AddBaselinePackages(ProjectInventory inventory, string? baselineFile)
        {
            if (string.IsNullOrEmpty(baselineFile) || !File.Exists(baselineFile))
            {
                return;
            }

            try
            {
                inventory.BaselinePackages.AddRange(Baselines.BaselineFile.ParsePackages(baselineFile!, File.ReadAllText(baselineFile!)));
            }
            catch (JsonParseException)
            {
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                inventory.Problems.Add($"{baselineFile}: the recorded package licences could not be read: {e.Message}");
            }
        }

        private static string? RootLicenseFile(string packageDirectory) =>
            Directory.EnumerateFiles(packageDirectory).Select(Path.GetFileName).FirstOrDefault(name => Licensing.LicenseFileFacts.IsRootLicenseFile(name!));

        private static string? ReadLicenseFile(string packageDirectory, string relativeFile)
        {
            // A .nuspec written on Windows may name the file with backslashes (MAB.DotIgnore's licenses\LICENSE.md); the
            // package's files use forward slashes on every platform once extracted.
            string full = Path.GetFullPath(Path.Combine(packageDirectory, relativeFile.Replace('\\', '/')));
            if (!full.StartsWith(Path.GetFullPath(packageDirectory), StringComparison.Ordinal) || !File.Exists(full))
            {
                return null;
            }

            using var stream = File.OpenRead(full);
            var buffer = new byte[Math.Min(stream.Length, MaxLicenseFileBytes)];
            int read = 0;
            while (read < buffer.Length)
            {
                int n = stream.Read(buffer, read, buffer.Length - read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }

        /// <summary>Weight files inside a restored package, decided by content (headers only).</summary>
        private static void FindWeightFiles(AssetsFile assets, PackageFact package)
        {
            string key = package.Id + "/" + package.Version;
            if (!assets.LibraryFiles.TryGetValue(key, out var files) || !assets.LibraryPaths.TryGetValue(key, out var relative))
            {
                return;
            }

            foreach (var file in files.Where(f => LicenseGuard.Matching.WeightFileNames.HasWeightExtension(f)))
            {
                foreach (var folder in assets.PackageFolders)
                {
                    var facts = Weights.WeightFileReader.Inspect(Path.Combine(folder, relative, file));
                    if (facts != null)
                    {
                        package.WeightFiles.Add($"{file} ({facts.Format})");
                        break;
                    }
                }
            }
        }

        /// <summary>Packages reached only through development-only packages are development-only too.</summary>
        private static void MarkDevelopmentDescendants(Dictionary<string, PackageFact> byKey)
        {
            foreach (var package in byKey.Values.Where(p => !p.Development && p.Path.Count > 0))
            {
                var parents = package.Path.Select(p => p.Replace(' ', '/'));
                if (parents.Any(parent => byKey.TryGetValue(parent, out var ancestor) && ancestor.Development))
                {
                    package.Development = true;
                }
            }
        }
    }
}
