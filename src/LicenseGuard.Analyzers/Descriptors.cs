using Microsoft.CodeAnalysis;

namespace LicenseGuard.Analyzers
{
    /// <summary>Every LicenseGuard descriptor, shared by analyzers, code fixes, docs and reports.</summary>
    public static class Descriptors
    {
        /// <summary>Category of findings about proprietary AI use in code.</summary>
        public const string ProprietaryAiCategory = "LicenseGuard.ProprietaryAi";

        /// <summary>Category of model-weight findings.</summary>
        public const string ModelWeightsCategory = "LicenseGuard.ModelWeights";

        /// <summary>Category of NuGet dependency findings.</summary>
        public const string DependenciesCategory = "LicenseGuard.Dependencies";

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
            title: "Proprietary AI service endpoint in code or configuration",
            messageFormat: "'{0}' is an endpoint of {1} ({2}). Open alternatives: {3}.",
            ProprietaryAiCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A string names the host of a proprietary AI service, so requests (raw HTTP or an OpenAI-compatible client) go to that service. Local and self-hosted endpoints are not reported.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.ProprietaryEndpoint));

        /// <summary>LG1003.</summary>
        public static readonly DiagnosticDescriptor ClosedModelId = new DiagnosticDescriptor(
            DiagnosticIds.ClosedModelId,
            title: "Closed-weight model identifier in code or configuration",
            messageFormat: "'{0}' names {1}, a closed-weight model of {2} ({3}). Open alternatives: {4}.",
            ProprietaryAiCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A string is the id of a model whose weights are not published, so the code depends on the vendor's API. Open-weight model ids are not reported.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.ClosedModelId));

        /// <summary>LG1002 in a configuration file, reported at compilation end by hosts that run no additional-file actions.</summary>
        public static readonly DiagnosticDescriptor ProprietaryEndpointAtCompilationEnd = AtCompilationEnd(ProprietaryEndpoint);

        /// <summary>LG1003 in a configuration file, reported at compilation end by hosts that run no additional-file actions.</summary>
        public static readonly DiagnosticDescriptor ClosedModelIdAtCompilationEnd = AtCompilationEnd(ClosedModelId);

        /// <summary>LG2001.</summary>
        public static readonly DiagnosticDescriptor ModelWeightsShipped = new DiagnosticDescriptor(
            DiagnosticIds.ModelWeightsShipped,
            title: "Model weights shipped with the build",
            messageFormat: "'{0}' ({1}) ships model weights to {2}: {3}, {4}. {5}. Open alternatives that allow redistribution: {6}.",
            ModelWeightsCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "An item copies model weights into build output, publish output, the package or the assembly. Closed and non-commercial weights are errors; restricted open weights (Llama, Gemma, OpenRAIL) are warnings that list their conditions; permissive weights are an informational reminder of the notice obligation; an unknown licence is a warning.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.ModelWeightsShipped));

        /// <summary>LG2001 at compilation end.</summary>
        public static readonly DiagnosticDescriptor ModelWeightsShippedAtCompilationEnd = AtCompilationEnd(ModelWeightsShipped);

        /// <summary>LG2002.</summary>
        public static readonly DiagnosticDescriptor ModelWeightsCopied = new DiagnosticDescriptor(
            DiagnosticIds.ModelWeightsCopied,
            title: "Code copies, archives, uploads or serves model weights",
            messageFormat: "'{0}' {1} {2} from {3} {4}. Redistributing model weights must follow their licence: {5}.",
            ModelWeightsCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Code hands model weights to a sink that takes them off the machine or out of the app: a copy or move elsewhere, an archive, a network send, a cloud upload, an HTTP response or static-file serving. Sinks are catalog data (rules/sinks.json; a project adds its own under \"sinks\"); where the weights come from is followed through locals, fields, properties, options, records, collections, streams and the project's own methods. Downloads into a local cache, copies within the temp folder or a per-user cache, and reading or hashing weights are not reported.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.ModelWeightsCopied));

        /// <summary>LG2003.</summary>
        public static readonly DiagnosticDescriptor PackageCarriesWeights = new DiagnosticDescriptor(
            DiagnosticIds.PackageCarriesWeights,
            title: "Referenced package carries model weights",
            messageFormat: "Package {0} carries model weights: {1}. Packing or publishing this project redistributes them under licence {2} ({3}). Open alternatives that allow redistribution: {4}.",
            ModelWeightsCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A direct or transitive package contains model-weight files (found by content in the restored package) or is listed in the catalog as bundling a model, and the project is packable or an application that gets published, so the weights ship with it.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.PackageCarriesWeights));

        /// <summary>LG2003 at compilation end.</summary>
        public static readonly DiagnosticDescriptor PackageCarriesWeightsAtCompilationEnd = AtCompilationEnd(PackageCarriesWeights);

        /// <summary>LG3001.</summary>
        public static readonly DiagnosticDescriptor LicenseNotAllowed = new DiagnosticDescriptor(
            DiagnosticIds.LicenseNotAllowed,
            title: "Package licence not allowed by the licence policy",
            messageFormat: "Package {0} is licensed {1} ({2}), which the licence policy flags ({3}). Licence recognised from: {4}. Accept it with an exception and a reason in licenseguard.json, or replace the package.",
            DependenciesCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A direct or transitive NuGet package has a licence that the policy warns about or denies (by licence id or licence class). A policy rule 'warn' reports a warning, 'deny' an error. Transitive packages are reported at the direct reference that brings them, with the path.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.LicenseNotAllowed));

        /// <summary>LG3001 at compilation end.</summary>
        public static readonly DiagnosticDescriptor LicenseNotAllowedAtCompilationEnd = AtCompilationEnd(LicenseNotAllowed);

        /// <summary>LG3002.</summary>
        public static readonly DiagnosticDescriptor LicenseUnknown = new DiagnosticDescriptor(
            DiagnosticIds.LicenseUnknown,
            title: "Package licence cannot be determined",
            messageFormat: "The licence of package {0} cannot be determined: {1}. Pin it with a \"clarify\" entry in licenseguard.json, or accept the package with an exception.",
            DependenciesCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The package declares no licence, an invalid expression, a licence file whose text is not recognised, or a licenseUrl LicenseGuard does not know. Policy class 'unknown' decides the severity.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.LicenseUnknown));

        /// <summary>LG3002 at compilation end.</summary>
        public static readonly DiagnosticDescriptor LicenseUnknownAtCompilationEnd = AtCompilationEnd(LicenseUnknown);

        /// <summary>LG3003.</summary>
        public static readonly DiagnosticDescriptor ProprietaryAiPackage = new DiagnosticDescriptor(
            DiagnosticIds.ProprietaryAiPackage,
            title: "Package is an SDK of a proprietary AI service",
            messageFormat: "Package {0} is an SDK of {1} ({2}). Open alternatives: {3}.",
            DependenciesCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The project depends on the SDK of a proprietary, API-only AI service, even if no code calls it yet. The message names open-weight models and the .NET runtimes that can replace it.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.ProprietaryAiPackage));

        /// <summary>LG3003 at compilation end.</summary>
        public static readonly DiagnosticDescriptor ProprietaryAiPackageAtCompilationEnd = AtCompilationEnd(ProprietaryAiPackage);

        /// <summary>LG3004.</summary>
        public static readonly DiagnosticDescriptor PolicyExceptionUnusedOrExpired = new DiagnosticDescriptor(
            DiagnosticIds.PolicyExceptionUnusedOrExpired,
            title: "Licence-policy exception is unused or expired",
            messageFormat: "The licence exception for '{0}' {1}; remove it, or renew it with a new date and reason",
            ConfigurationCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "An entry of policy.exceptions silences nothing in this project (the package is gone, or now passes), or its expiry date has passed, so it no longer applies. Keeping exceptions current keeps the policy honest.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.PolicyExceptionUnusedOrExpired));

        /// <summary>LG3004 at compilation end.</summary>
        public static readonly DiagnosticDescriptor PolicyExceptionUnusedOrExpiredAtCompilationEnd = AtCompilationEnd(PolicyExceptionUnusedOrExpired);

        /// <summary>LG3005.</summary>
        public static readonly DiagnosticDescriptor LicenseChangedSinceBaseline = new DiagnosticDescriptor(
            DiagnosticIds.LicenseChangedSinceBaseline,
            title: "Package licence changed since the baseline",
            messageFormat: "Package {0} is now licensed {1} ({2}): {3}. Review the new licence, then run 'licenseguard baseline' to record it.",
            DependenciesCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "licenseguard.baseline.json records each package's licence and class. A package whose class is now different (usually a version bump that moved it to a commercial, non-commercial or copyleft licence) is reported at its PackageReference, whatever the policy says of the new class, so the change is reviewed before it ships.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.LicenseChangedSinceBaseline));

        /// <summary>LG3005 at compilation end.</summary>
        public static readonly DiagnosticDescriptor LicenseChangedSinceBaselineAtCompilationEnd = AtCompilationEnd(LicenseChangedSinceBaseline);

        /// <summary>LG9002.</summary>
        public static readonly DiagnosticDescriptor BuildIntegrationMissing = new DiagnosticDescriptor(
            DiagnosticIds.BuildIntegrationMissing,
            title: "LicenseGuard's build step did not run",
            messageFormat: "NuGet dependencies were not checked: {0}",
            ConfigurationCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The package's build target gathers the restored packages into obj/licenseguard.inventory.json before compiling. It did not run (the project was not restored, or LicenseGuardGather=false), or what it wrote cannot be read, so LG3001-LG3004 could not be checked.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.BuildIntegrationMissing));

        /// <summary>LG9002 at compilation end.</summary>
        public static readonly DiagnosticDescriptor BuildIntegrationMissingAtCompilationEnd = AtCompilationEnd(BuildIntegrationMissing);

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
        public static readonly DiagnosticDescriptor RulesFileInvalidAtCompilationEnd = AtCompilationEnd(RulesFileInvalid);

        /// <summary>
        /// LG9003. Only <c>licenseguard scan</c> reports it: an entry is stale when no analyzer reports its finding, which no
        /// single analyzer in a build can know.
        /// </summary>
        public static readonly DiagnosticDescriptor BaselineEntryStale = new DiagnosticDescriptor(
            DiagnosticIds.BaselineEntryStale,
            title: "Baseline entry no longer matches a finding",
            messageFormat: "{0}",
            ConfigurationCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "An entry of licenseguard.baseline.json matches no current finding: the code or package it accepted was changed or removed. Remove the entry (or rewrite the file with 'licenseguard baseline') so the baseline only shrinks.",
            helpLinkUri: DiagnosticIds.GetHelpUri(DiagnosticIds.BaselineEntryStale));
    
        /// <summary>
        /// The twin of a descriptor for diagnostics reported at compilation end (hosts that skip additional-file actions); the
        /// tag tells the IDE to expect them only from full analysis.
        /// </summary>
        private static DiagnosticDescriptor AtCompilationEnd(DiagnosticDescriptor descriptor) => new DiagnosticDescriptor(
            descriptor.Id,
            descriptor.Title,
            descriptor.MessageFormat,
            descriptor.Category,
            descriptor.DefaultSeverity,
            descriptor.IsEnabledByDefault,
            descriptor.Description,
            descriptor.HelpLinkUri,
            WellKnownDiagnosticTags.CompilationEnd);
    }
}
