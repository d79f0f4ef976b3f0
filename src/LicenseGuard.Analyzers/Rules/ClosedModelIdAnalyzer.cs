using LicenseGuard.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LicenseGuard.Analyzers.Rules
{
    /// <summary>LG1003: a closed-weight model identifier in code. See docs/rules/LG1003.md.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ClosedModelIdAnalyzer : StringValueAnalyzerBase
    {
        private protected override DiagnosticDescriptor Descriptor => Descriptors.ClosedModelId;

        private protected override bool AnalyzesInterpolationShapes => true;

        private protected override bool ShapeMayMatch(string text) =>
            text.IndexOf('/') >= 0 || text.IndexOf("\"model", System.StringComparison.OrdinalIgnoreCase) >= 0;

        private protected override bool ShapeMayMatchInLaterText => true;

        private protected override bool IsActive(CatalogDigest digest) => !digest.ClosedIds.IsEmpty;

        private protected override bool CouldMatch(CatalogDigest digest, string value) => Could(digest, value);

        /// <summary>The cheap test before <see cref="Find"/>, from the digest.</summary>
        internal static bool Could(CatalogDigest digest, string value) =>
            (value.Length >= 2 && value.Length <= ModelIdIndex.MaxIdLength && (digest.ClosedIds.CouldMatch(value) || (IsFineTuned(value) && digest.ClosedIds.CouldMatch(ModelIdIndex.TunedFrom(value)!))))
            || ModelIdIndex.CouldCarryModelId(value);

        // OpenAI's fine-tuned ids start with "ft:", not with their base; Azure's (base.ft-id) start with the base and pass as is.
        private static bool IsFineTuned(string value) => value.Length > 3 && value[0] == 'f' && value[1] == 't' && value[2] == ':' && ModelIdIndex.TunedFrom(value) != null;

        private protected override StringFinding? Match(CatalogSnapshot snapshot, string value) => Find(snapshot, value);

        /// <summary>The closed model a string value names (whole, or where APIs carry an id), with message and properties.</summary>
        internal static StringFinding? Find(CatalogSnapshot snapshot, string value)
        {
            // The whole string, else an id where APIs carry one: a URL path or query, a gateway id, a JSON request body.
            string id = value;
            var model = snapshot.Models.MatchClosed(value) ?? snapshot.Models.MatchClosedWithin(value, out id);
            if (model == null)
            {
                return null;
            }

            var service = model.Service == null ? null : snapshot.Catalog.FindService(model.Service);
            string owner = service?.Name ?? model.Vendor;
            string access = snapshot.Catalog.ClassOf(model.License) + (service != null ? ", " + service.Access : string.Empty);
            var alternatives = snapshot.AlternativesFor(service, model.Tasks.Count > 0 ? model.Tasks[0] : null);
            var properties = snapshot.PropertiesFor(service, model, null, alternatives);
            if (!ReferenceEquals(id, value))
            {
                // The id is part of a longer string: the code fix must not replace the whole literal with a model tag.
                properties = properties.SetItem("within", value);
            }

            return new StringFinding(
                new object[] { id, model.Name, owner, access, alternatives.Text },
                properties,
                model.Severity ?? service?.Severity,
                needsModelPosition: ReferenceEquals(id, value) && ModelIdIndex.NeedsModelPosition(id));
        }
    }
}
