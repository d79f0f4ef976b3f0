using Microsoft.CodeAnalysis;

namespace LicenseGuard.Analyzers
{
    /// <summary>Every LicenseGuard descriptor, shared by analyzers, code fixes, docs and reports.</summary>
    public static class Descriptors
    {
        /// <summary>Category of findings about proprietary AI use in code.</summary>
        public const string ProprietaryAiCategory = "LicenseGuard.ProprietaryAi";

        /// <summary>Category of rules-file and setup problems.</summary>
        public const string ConfigurationCategory = "LicenseGuard.Configuration";

        /// <summary>LG1001.</summary>
        public static readonly DiagnosticDescriptor ProprietaryAiCall = new DiagnosticDescriptor(
            DiagnosticIds.ProprietaryAiCall,
            title: "Call into a proprietary AI service's SDK",
            messageFormat: "'{0}' calls {1} ({2}). Open alternatives: {3}.",
            ProprietaryAiCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The code calls the SDK of a proprietary, API-only AI service: prompts and data leave your control, the model cannot be shipped or audited, and the vendor's terms apply. The message names open-weight models and the .NET runtimes that can replace it.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.ProprietaryAiCall));

        /// <summary>LG1002.</summary>
        public static readonly DiagnosticDescriptor ProprietaryEndpoint = new DiagnosticDescriptor(
            DiagnosticIds.ProprietaryEndpoint,
            title: "Proprietary AI service endpoint in code",
            messageFormat: "'{0}' is an endpoint of {1} ({2}). Open alternatives: {3}.",
            ProprietaryAiCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A string names the host of a proprietary AI service, so requests (raw HTTP or an OpenAI-compatible client) go to that service. Local and self-hosted endpoints are not reported.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.ProprietaryEndpoint));

        /// <summary>LG1003.</summary>
        public static readonly DiagnosticDescriptor ClosedModelId = new DiagnosticDescriptor(
            DiagnosticIds.ClosedModelId,
            title: "Closed-weight model identifier in code",
            messageFormat: "'{0}' names {1}, a closed-weight model of {2} ({3}). Open alternatives: {4}.",
            ProprietaryAiCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A string is the id of a model whose weights are not published, so the code depends on the vendor's API. Open-weight model ids are not reported.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.ClosedModelId));

        /// <summary>LG9001, reported from the rules file itself.</summary>
        public static readonly DiagnosticDescriptor RulesFileInvalid = new DiagnosticDescriptor(
            DiagnosticIds.RulesFileInvalid,
            title: "Invalid LicenseGuard rules file",
            messageFormat: "{0}",
            ConfigurationCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A licenseguard*.json rules file has a syntax error, an unknown key, a value of the wrong type or an invalid symbol id or pattern. The part named in the message was ignored; everything else still applies.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.RulesFileInvalid));

        /// <summary>LG9001, reported at compilation end for hosts that do not run additional-file actions.</summary>
        public static readonly DiagnosticDescriptor RulesFileInvalidAtCompilationEnd = new DiagnosticDescriptor(
            DiagnosticIds.RulesFileInvalid,
            title: "Invalid LicenseGuard rules file",
            messageFormat: "{0}",
            ConfigurationCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A licenseguard*.json rules file has a syntax error, an unknown key, a value of the wrong type or an invalid symbol id or pattern. The part named in the message was ignored; everything else still applies.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.RulesFileInvalid),
            customTags: WellKnownDiagnosticTags.CompilationEnd);
    }
}
