using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LicenseGuard.Inventory;

namespace LicenseGuard.Gather.Weights
{
    /// <summary>An item that ends up in build output, publish output, the package or the assembly.</summary>
    public sealed class WeightCandidate
    {
        /// <summary>Gets or sets the item as written (project-relative).</summary>
        public string Item { get; set; } = string.Empty;

        /// <summary>Gets or sets the full path.</summary>
        public string FullPath { get; set; } = string.Empty;

        /// <summary>Gets or sets the item type.</summary>
        public string ItemType { get; set; } = string.Empty;

        /// <summary>Gets or sets the file that defines the item.</summary>
        public string DefinedIn { get; set; } = string.Empty;

        /// <summary>Gets the destinations (output, publish, package, assembly).</summary>
        public List<string> Destinations { get; } = new List<string>();
    }

    /// <summary>Adds the shipped weight files among a project's items to its inventory, reading headers, cards and notices.</summary>
    public static class WeightsGatherer
    {
        private const int MaxMetadataEntries = 64;
        private const int MaxMetadataValueLength = 1024;

        /// <summary>Inspects every candidate; files that are not weights are left out.</summary>
        public static void AddWeights(ProjectInventory inventory, IEnumerable<WeightCandidate> candidates)
        {
            foreach (var group in candidates.GroupBy(c => c.FullPath, StringComparer.Ordinal))
            {
                var candidate = group.First();
                var facts = WeightFileReader.Inspect(candidate.FullPath);
                if (facts == null)
                {
                    continue;
                }

                var weight = new WeightFact
                {
                    Item = candidate.Item,
                    FullPath = candidate.FullPath,
                    ItemType = candidate.ItemType,
                    DefinedIn = candidate.DefinedIn,
                    Format = facts.Format,
                    Size = facts.Size,
                    Problem = facts.Problem,
                };
                weight.Destinations.AddRange(group.SelectMany(c => c.Destinations).Distinct(StringComparer.Ordinal));
                foreach (var pair in facts.Metadata.Take(MaxMetadataEntries))
                {
                    weight.Metadata[pair.Key] = pair.Value.Length > MaxMetadataValueLength ? pair.Value.Substring(0, MaxMetadataValueLength) : pair.Value;
                }

                string directory = Path.GetDirectoryName(candidate.FullPath) ?? string.Empty;
                var card = ModelCardReader.Read(directory);
                if (card != null)
                {
                    weight.CardPath = card.Path;
                    weight.CardLicense = card.License;
                    weight.CardLicenseName = card.LicenseName;
                    weight.CardPipelineTag = card.PipelineTag;
                    weight.CardBaseModels.AddRange(card.BaseModels);
                    weight.CardDatasets.AddRange(card.Datasets);
                }

                weight.NoticeFiles.AddRange(ModelCardReader.NoticeFiles(directory));
                inventory.Weights.Add(weight);
            }
        }
    }
}
