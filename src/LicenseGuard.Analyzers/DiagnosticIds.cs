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

        /// <summary>A rules file is invalid.</summary>
        public const string RulesFileInvalid = "LG9001";

        /// <summary>Gets the documentation page of a rule.</summary>
        public static string GetHelpUri(string id) => $"https://github.com/licenseguard/licenseguard/blob/main/docs/rules/{id}.md";
    }
}
