using System;
using System.IO;
using System.Linq;
using LicenseGuard.Gather;
using LicenseGuard.Gather.Weights;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace LicenseGuard.Build
{
    /// <summary>
    /// Writes <c>licenseguard.inventory.json</c> from the restore output before compilation; the analyzer judges it. The task
    /// never fails the build: anything unexpected becomes a warning and the analyzer reports the missing facts as LG9002.
    /// </summary>
    public sealed class GatherLicenseFacts : Task
    {
        /// <summary>Gets or sets the restore output, <c>$(ProjectAssetsFile)</c>.</summary>
        [Required]
        public string AssetsFile { get; set; } = string.Empty;

        /// <summary>Gets or sets where to write the inventory.</summary>
        [Required]
        public string InventoryFile { get; set; } = string.Empty;

        /// <summary>Gets or sets the Directory.Packages.props path under central package management.</summary>
        public string? CentralPackagesFile { get; set; }

        /// <summary>Gets or sets a value indicating whether the project redistributes its dependencies (packable, or an app that is published).</summary>
        public bool Redistributes { get; set; }

        /// <summary>
        /// Gets or sets the items that reach build output, publish output, the package or the assembly, with metadata
        /// <c>LicenseGuardItemType</c>, <c>LicenseGuardDefinedIn</c> and <c>LicenseGuardDestinations</c> (semicolon-separated).
        /// </summary>
        public ITaskItem[] WeightCandidates { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Gets or sets the project's licenseguard.baseline.json, whose recorded package licences LG3005 compares with.</summary>
        public string? BaselineFile { get; set; }

        /// <summary>Gets or sets the project's rules files (the licenseguard*.json the analyzers receive as additional files).</summary>
        public ITaskItem[] RulesFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Gets a value indicating whether the inventory now holds the current facts (false when gathering failed).</summary>
        [Output]
        public bool Gathered { get; private set; }

        /// <inheritdoc/>
        public override bool Execute()
        {
            try
            {
                var inventory = InventoryBuilder.Build(AssetsFile, string.IsNullOrEmpty(CentralPackagesFile) ? null : CentralPackagesFile);
                inventory.Redistributes = Redistributes;
                InventoryBuilder.AddBaselinePackages(inventory, BaselineFile);
                WeightsGatherer.AddWeights(inventory, WeightCandidates.Select(item =>
                {
                    var candidate = new WeightCandidate
                    {
                        Item = item.ItemSpec,
                        FullPath = item.GetMetadata("FullPath"),
                        ItemType = item.GetMetadata("LicenseGuardItemType"),
                        DefinedIn = item.GetMetadata("LicenseGuardDefinedIn"),
                    };
                    candidate.Destinations.AddRange(item.GetMetadata("LicenseGuardDestinations").Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries));
                    return candidate;
                }));
                DependencyPreEvaluation.Record(inventory, RulesFiles.Select(item => item.GetMetadata("FullPath")));
                bool written = InventoryWriter.WriteIfChanged(InventoryFile, inventory.ToJson());
                Gathered = true;
                Log.LogMessage(MessageImportance.Low, written
                    ? $"LicenseGuard: {inventory.Packages.Count} packages and {inventory.Weights.Count} weight files written to {InventoryFile}."
                    : $"LicenseGuard: {InventoryFile} already holds these facts; left as it is.");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is FormatException || e is ArgumentException)
            {
                Log.LogWarning(null, "LG9002", null, AssetsFile, 0, 0, 0, 0, $"LicenseGuard could not gather licence facts: {e.Message}");
                TryDelete(InventoryFile); // facts from an earlier build would pass for current ones; without them the analyzer reports LG9002
            }

            return true;
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                // Left as it is; the stamp is not touched, so the next build gathers again.
            }
        }
    }
}
