using System;
using System.Collections.Generic;
using LicenseGuard.Licensing;

namespace LicenseGuard.Policy
{
    /// <summary>What the policy says about a licence: allowed, reported as a warning, or denied.</summary>
    public enum PolicyAction
    {
        /// <summary>Allowed; nothing is reported.</summary>
        Allow = 0,
        /// <summary>Reported as a warning.</summary>
        Warn = 1,
        /// <summary>Reported as an error.</summary>
        Deny = 2,
    }

    /// <summary>An accepted package, with the reason; optionally limited to a version range and until a date.</summary>
    public sealed class PolicyException
    {
        /// <summary>Gets the package id pattern (<c>*</c> allowed).</summary>
        public string Package { get; internal set; } = string.Empty;

        /// <summary>Gets the weight-file pattern (project-relative path or file name, <c>*</c> allowed), for model weights.</summary>
        public string? File { get; internal set; }

        /// <summary>Gets the version range the exception covers.</summary>
        public PackageVersionRange Version { get; internal set; } = PackageVersionRange.All;

        /// <summary>Gets why the package is accepted.</summary>
        public string Reason { get; internal set; } = string.Empty;

        /// <summary>Gets the last day the exception applies, if any.</summary>
        public DateTime? Expires { get; internal set; }

        /// <summary>Gets where the exception is declared.</summary>
        public SourceSpan DeclaredAt { get; internal set; }
    }

    /// <summary>A licence pinned for a package whose metadata is missing or wrong.</summary>
    public sealed class PolicyClarification
    {
        /// <summary>Gets the package id pattern.</summary>
        public string Package { get; internal set; } = string.Empty;

        /// <summary>Gets the version range the clarification covers.</summary>
        public PackageVersionRange Version { get; internal set; } = PackageVersionRange.All;

        /// <summary>Gets the licence expression to use.</summary>
        public string License { get; internal set; } = string.Empty;

        /// <summary>Gets why the licence is known.</summary>
        public string Reason { get; internal set; } = string.Empty;

        /// <summary>
        /// Gets a value indicating whether the fact comes from the built-in catalog (rules/package-licenses.json): it fills in
        /// where a package declares no licence expression (a URL, a file, nothing), and never overrides one.
        /// </summary>
        public bool BuiltIn { get; internal set; }

        /// <summary>Gets where the clarification is declared.</summary>
        public SourceSpan DeclaredAt { get; internal set; }
    }

    /// <summary>
    /// The licence policy for NuGet dependencies, layered like the rest of the rules files. Evaluation order:
    /// exception, ignore, a rule for the licence id, a rule for the licence class.
    /// </summary>
    public sealed class LicensePolicy
    {
        /// <summary>Gets actions per licence class.</summary>
        public IDictionary<string, PolicyAction> Classes { get; } = new Dictionary<string, PolicyAction>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Gets actions per licence id (these win over class actions).</summary>
        public IDictionary<string, PolicyAction> Licenses { get; } = new Dictionary<string, PolicyAction>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Gets package id patterns that are not judged (first-party packages).</summary>
        public IList<string> Ignore { get; } = new List<string>();

        /// <summary>Gets accepted packages.</summary>
        public IList<PolicyException> Exceptions { get; } = new List<PolicyException>();

        /// <summary>Gets pinned licences.</summary>
        public IList<PolicyClarification> Clarifications { get; } = new List<PolicyClarification>();

        /// <summary>Gets a value indicating whether the product is non-commercial, so non-commercial model weights are warnings, not errors.</summary>
        public bool NonCommercialProduct { get; internal set; }

        /// <summary>Gets a value indicating whether development-only packages (analyzers, build tools) are judged too.</summary>
        public bool IncludeDevelopmentDependencies { get; internal set; }

        /// <summary>Parses an action name.</summary>
        public static bool TryParseAction(string text, out PolicyAction action)
        {
            switch (text)
            {
                case "allow": action = PolicyAction.Allow; return true;
                case "warn": action = PolicyAction.Warn; return true;
                case "deny": action = PolicyAction.Deny; return true;
                default: action = PolicyAction.Allow; return false;
            }
        }

        /// <summary>Gets the name of an action as written in rules files.</summary>
        public static string NameOf(PolicyAction action) => action switch
        {
            PolicyAction.Allow => "allow",
            PolicyAction.Warn => "warn",
            _ => "deny",
        };
    }
}
