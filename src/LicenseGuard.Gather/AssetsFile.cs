using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGuard.Json;

namespace LicenseGuard.Gather
{
    /// <summary>A node of the restore graph: a package or a referenced project, with its dependencies.</summary>
    internal sealed class GraphNode
    {
        public GraphNode(string id, string version, bool isProject)
        {
            Id = id;
            Version = version;
            IsProject = isProject;
        }

        public string Id { get; }

        public string Version { get; }

        public bool IsProject { get; }

        public List<string> Dependencies { get; } = new List<string>();

        public string Display => Id + " " + Version;
    }

    /// <summary>The dependency graph of one target framework.</summary>
    internal sealed class FrameworkGraph
    {
        public FrameworkGraph(string name)
        {
            Name = name;
        }

        public string Name { get; }

        /// <summary>Gets the direct package references: id → whether PrivateAssets="all" (suppressParent All).</summary>
        public Dictionary<string, bool> DirectPackages { get; } = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Gets the graph nodes keyed by id.</summary>
        public Dictionary<string, GraphNode> Nodes { get; } = new Dictionary<string, GraphNode>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What LicenseGuard needs from <c>obj/project.assets.json</c>.</summary>
    internal sealed class AssetsFile
    {
        public string ProjectPath { get; private set; } = string.Empty;

        public bool CentralPackageManagement { get; private set; }

        public List<string> PackageFolders { get; } = new List<string>();

        /// <summary>Gets each package's folder relative to a package folder, keyed by "Id/Version".</summary>
        public Dictionary<string, string> LibraryPaths { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public List<FrameworkGraph> Frameworks { get; } = new List<FrameworkGraph>();

        /// <summary>Gets the files of each package keyed by "Id/Version", as the assets file lists them.</summary>
        public Dictionary<string, List<string>> LibraryFiles { get; } = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);

        public static AssetsFile Parse(string path, string text)
        {
            var root = JsonReader.Parse(path, text);
            var assets = new AssetsFile();
            var project = root.Find("project")?.Value;
            var restore = project?.Find("restore")?.Value;
            assets.ProjectPath = restore?.Find("projectPath")?.Value.Text ?? string.Empty;
            assets.CentralPackageManagement = restore?.Find("centralPackageVersionsManagementEnabled")?.Value.BooleanValue ?? false;
            assets.PackageFolders.AddRange((root.Find("packageFolders")?.Value.Properties ?? Array.Empty<JsonProperty>()).Select(p => p.Name));
            foreach (var library in root.Find("libraries")?.Value.Properties ?? Array.Empty<JsonProperty>())
            {
                var libraryPath = library.Value.Find("path")?.Value.Text;
                if (library.Value.Find("type")?.Value.Text == "package" && libraryPath != null)
                {
                    assets.LibraryPaths[library.Name] = libraryPath;
                    assets.LibraryFiles[library.Name] = (library.Value.Find("files")?.Value.Items ?? Array.Empty<JsonNode>())
                        .Where(f => f.Kind == JsonKind.String)
                        .Select(f => f.Text!)
                        .ToList();
                }
            }

            var targets = root.Find("targets")?.Value;
            foreach (var framework in project?.Find("frameworks")?.Value.Properties ?? Array.Empty<JsonProperty>())
            {
                string alias = framework.Name;
                string frameworkName = framework.Value.Find("framework")?.Value.Text ?? alias;
                var target = targets?.Find(alias)?.Value ?? targets?.Find(frameworkName)?.Value;
                var graph = new FrameworkGraph(alias);
                foreach (var dependency in framework.Value.Find("dependencies")?.Value.Properties ?? Array.Empty<JsonProperty>())
                {
                    bool privateAssets = string.Equals(dependency.Value.Find("suppressParent")?.Value.Text, "All", StringComparison.OrdinalIgnoreCase);
                    graph.DirectPackages[dependency.Name] = privateAssets;
                }

                foreach (var entry in target?.Properties ?? Array.Empty<JsonProperty>())
                {
                    int slash = entry.Name.IndexOf('/');
                    if (slash <= 0)
                    {
                        continue;
                    }

                    var node = new GraphNode(entry.Name.Substring(0, slash), entry.Name.Substring(slash + 1), entry.Value.Find("type")?.Value.Text == "project");
                    node.Dependencies.AddRange((entry.Value.Find("dependencies")?.Value.Properties ?? Array.Empty<JsonProperty>()).Select(d => d.Name));
                    graph.Nodes[node.Id] = node;
                }

                assets.Frameworks.Add(graph);
            }

            return assets;
        }
    }
}
