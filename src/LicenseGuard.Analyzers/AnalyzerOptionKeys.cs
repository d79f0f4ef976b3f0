namespace LicenseGuard.Analyzers
{
    /// <summary>Keys LicenseGuard reads from <c>.editorconfig</c> / <c>.globalconfig</c>. The docs quote these constants.</summary>
    public static class AnalyzerOptionKeys
    {
        /// <summary>
        /// <c>licenseguard.analyze_generated_code = false</c> stops LG1001–LG1003 in generated code. Default true: generated API
        /// clients (OpenAPI, Kiota) carry endpoints and SDK calls too.
        /// </summary>
        public const string AnalyzeGeneratedCode = "licenseguard.analyze_generated_code";

        /// <summary>Set by the build targets when the project's <c>licenseguard.json</c> is a folder, not a file (LG9001).</summary>
        public const string RulesFolder = "build_property.LicenseGuardRulesFolder";
    }
}
