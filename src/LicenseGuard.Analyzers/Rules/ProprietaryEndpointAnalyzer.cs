using System.Linq;
using LicenseGuard.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LicenseGuard.Analyzers.Rules
{
    /// <summary>LG1002: a proprietary AI service endpoint in code. See docs/rules/LG1002.md.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ProprietaryEndpointAnalyzer : StringValueAnalyzerBase
    {
        private protected override DiagnosticDescriptor Descriptor => Descriptors.ProprietaryEndpoint;

        private protected override bool AnalyzesInterpolationShapes => true;

        private protected override bool IsActive(CatalogDigest digest) => !digest.Hosts.IsEmpty;

        private protected override bool CouldMatch(CatalogDigest digest, string value) => Could(digest, value);

        /// <summary>The cheap test before <see cref="Find"/>, from the digest.</summary>
        internal static bool Could(CatalogDigest digest, string value) =>
            value.Length >= 4 && value.IndexOf('.') >= 0 && digest.Hosts.CouldMatch(value);

        private protected override StringFinding? Match(CatalogSnapshot snapshot, string value) => Find(snapshot, value);

        /// <summary>The proprietary service whose endpoint a string value names, with message and properties.</summary>
        internal static StringFinding? Find(CatalogSnapshot snapshot, string value)
        {
            var service = snapshot.Hosts.Match(value, out string host);
            foreach (string setting in service == null ? ConnectionStrings.Values(value) : Enumerable.Empty<string>())
            {
                if ((service = snapshot.Hosts.Match(setting, out host)) != null)
                {
                    break;
                }
            }

            if (service == null)
            {
                return null;
            }

            var alternatives = snapshot.AlternativesFor(service, snapshot.Catalog.TaskOfUrl(value)?.Id);
            return new StringFinding(
                new object[] { host, service.Name, snapshot.AccessOf(service), alternatives.Text },
                snapshot.PropertiesFor(service, null, host, alternatives),
                service.Severity);
        }
    }
}
