using System;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using LicenseGuard.Inventory;

namespace LicenseGuard.Gather
{
    /// <summary>Reads the licence declaration and the development-dependency flag of a .nuspec.</summary>
    internal static class NuspecReader
    {
        public static (DeclaredLicense License, bool DevelopmentDependency) Read(string text)
        {
            XDocument document;
            try
            {
                document = XDocument.Parse(text, LoadOptions.None);
            }
            catch (XmlException)
            {
                return (new DeclaredLicense(), false);
            }

            var metadata = document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
            if (metadata == null)
            {
                return (new DeclaredLicense(), false);
            }

            string? Element(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
            bool development = string.Equals(Element("developmentDependency"), "true", StringComparison.OrdinalIgnoreCase);
            var license = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "license");
            if (license != null && !string.IsNullOrWhiteSpace(license.Value))
            {
                string type = (string?)license.Attribute("type") ?? "expression";
                return (new DeclaredLicense
                {
                    Source = type.Equals("file", StringComparison.OrdinalIgnoreCase) ? LicenseSource.File : LicenseSource.Expression,
                    Value = license.Value.Trim(),
                }, development);
            }

            string? url = Element("licenseUrl");
            return string.IsNullOrWhiteSpace(url)
                ? (new DeclaredLicense(), development)
                : (new DeclaredLicense { Source = LicenseSource.Url, Value = url }, development);
        }
    }
}
