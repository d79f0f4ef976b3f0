using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LicenseGuard.Analyzers
{
    /// <summary>
    /// The project's JSON configuration files, where apps keep model ids and service endpoints: <c>appsettings*.json</c> (also an
    /// Aspire app host's parameters and connection strings), Azure Functions' <c>local.settings*.json</c>,
    /// <c>Properties/launchSettings.json</c> (environment variables) and user-secrets templates (<c>*secrets*.json</c> in the project
    /// folder). The package's targets hand them to the compiler as AdditionalFiles; a project adds its own with a
    /// <c>LicenseGuardConfigurationFile</c> item, which arrives with the <c>LicenseGuardConfiguration</c> metadata.
    /// </summary>
    public static class ConfigurationFiles
    {
        /// <summary>The AdditionalFiles metadata the targets give every configuration file they add.</summary>
        public const string MetadataKey = "build_metadata.AdditionalFiles.LicenseGuardConfiguration";

        /// <summary>Whether an additional file is a configuration file: by its metadata when the targets gave it some, else by its name.</summary>
        public static bool IsConfiguration(AdditionalText file, AnalyzerConfigOptionsProvider options)
        {
            if (options.GetOptions(file).TryGetValue(MetadataKey, out string? value) && !string.IsNullOrEmpty(value))
            {
                return string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
            }

            return HasConfigurationName(file.Path);
        }

        /// <summary>Whether a file is one of the configuration files every .NET app template and host reads, by its name.</summary>
        public static bool HasConfigurationName(string path)
        {
            string name = Path.GetFileName(path);
            if (!name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("local.settings", StringComparison.OrdinalIgnoreCase)
                || name.Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase)
                || name.IndexOf("secrets", StringComparison.OrdinalIgnoreCase) >= 0;
        }
    }
}
