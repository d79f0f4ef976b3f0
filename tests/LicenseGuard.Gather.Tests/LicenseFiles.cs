using LicenseGuard.Catalog;
using LicenseGuard.Gather.Licensing;
using LicenseGuard.Inventory;
using LicenseGuard.Licensing;
using LicenseGuard.Policy;

namespace LicenseGuard.Gather.Tests;

/// <summary>A package whose only evidence is a licence file with this text, judged as a restored one is.</summary>
internal static class LicenseFiles
{
    public static (LicenseExpression? Expression, string Origin) Resolve(string text, RulesCatalog? catalog = null)
    {
        var license = new DeclaredLicense { Source = LicenseSource.File, Value = "LICENSE.md" };
        LicenseFileFacts.Record(license, text);
        return DependencyEvaluator.ResolveLicense(new PackageFact { Id = "Contoso.Sample", Version = "1.0.0", License = license }, catalog ?? RulesCatalog.BuiltIn);
    }
}
