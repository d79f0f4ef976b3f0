using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LicenseGuard.Catalog;

namespace LicenseGuard.Gather
{
    /// <summary>Finds the rules files the build would hand to the analyzer, for tools that run outside the build.</summary>
    public static class RulesFileLocator
    {
        /// <summary>
        /// Every <c>licenseguard*.json</c> in <paramref name="directory"/> (not the inventory or baseline files) and the nearest
        /// <c>licenseguard.json</c> in a directory above it.
        /// </summary>
        public static IReadOnlyList<RulesSource> Find(string directory)
        {
            var files = new List<string>();
            var start = new DirectoryInfo(Path.GetFullPath(directory));
            if (start.Exists)
            {
                files.AddRange(start.GetFiles("licenseguard*.json")
                    .Select(f => f.FullName)
                    .Where(f => !f.EndsWith("licenseguard.inventory.json", StringComparison.OrdinalIgnoreCase) && !f.EndsWith("licenseguard.baseline.json", StringComparison.OrdinalIgnoreCase)));
            }

            for (var parent = start.Parent; parent != null; parent = parent.Parent)
            {
                string candidate = Path.Combine(parent.FullName, "licenseguard.json");
                if (File.Exists(candidate))
                {
                    files.Add(candidate);
                    break;
                }
            }

            return files.Select(f => new RulesSource(f, File.ReadAllText(f))).ToList();
        }
    }
}
