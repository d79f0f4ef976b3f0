namespace LicenseGuard.Analyzers
{
    /// <summary>The stable LicenseGuard diagnostic ids. Never reuse an id for another meaning.</summary>
    public static class DiagnosticIds
    {
        /// <summary>A call into a proprietary AI service's SDK.</summary>
        public const string ProprietaryAiCall = "LG1001";

        /// <summary>A proprietary AI service endpoint used in code.</summary>
        public const string ProprietaryEndpoint = "LG1002";

        /// <summary>A closed-weight model identifier used in code.</summary>
        public const string ClosedModelId = "LG1003";

        /// <summary>Model weights put into build output, publish output or the package.</summary>
        public const string ModelWeightsShipped = "LG2001";

        /// <summary>Code that copies, archives, uploads or serves model weights.</summary>
        public const string ModelWeightsCopied = "LG2002";

        /// <summary>A referenced package carries model weights.</summary>
        public const string PackageCarriesWeights = "LG2003";

        /// <summary>A package's licence is not allowed by the policy.</summary>
        public const string LicenseNotAllowed = "LG3001";

        /// <summary>A package's licence cannot be determined.</summary>
        public const string LicenseUnknown = "LG3002";

        /// <summary>A package is an SDK of a proprietary AI service.</summary>
        public const string ProprietaryAiPackage = "LG3003";

        /// <summary>A licence-policy exception is unused or expired.</summary>
        public const string PolicyExceptionUnusedOrExpired = "LG3004";

        /// <summary>A package's licence class is not the one the baseline recorded (an upgrade changed its licence).</summary>
        public const string LicenseChangedSinceBaseline = "LG3005";

        /// <summary>Build integration did not run, or its facts are missing or unreadable.</summary>
        public const string BuildIntegrationMissing = "LG9002";

        /// <summary>A rules file is invalid.</summary>
        public const string RulesFileInvalid = "LG9001";

        /// <summary>A baseline entry no longer matches a finding (reported by <c>licenseguard scan</c>, which sees every finding).</summary>
        public const string BaselineEntryStale = "LG9003";

        /// <summary>Gets the documentation page of a rule.</summary>
        public static string GetHelpUri(string id) => $"https://github.com/licenseguard/licenseguard/blob/main/docs/rules/{id}.md";
    }
}
