namespace LicenseGuard.Tests.Shared;

/// <summary>
/// Contoso.Sheets, packed the way a package that moved to a non-commercial licence ships: 1.0.0 under an MIT expression,
/// 2.0.0 with a non-commercial licence file (the registry here serves none of the real relicensed versions).
/// </summary>
internal static class RelicensedSheets
{
    public const string Id = "Contoso.Sheets";

    /// <summary>Packs both versions into <paramref name="feed"/>, building in folders under <paramref name="workRoot"/>.</summary>
    public static void Pack(string workRoot, string feed, string nonCommercialLicenseText)
    {
        foreach (var (version, property, licenseFile) in new[]
        {
            ("1.0.0", "<PackageLicenseExpression>MIT</PackageLicenseExpression>", (string?)null),
            ("2.0.0", "<PackageLicenseFile>LICENSE.md</PackageLicenseFile>", nonCommercialLicenseText),
        })
        {
            string directory = Path.Combine(workRoot, $"{Id}-{version}-src");
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "Sheet.cs"), "namespace Contoso.Sheets\n{\n    public static class Sheet\n    {\n        public static string Name => \"Sheet1\";\n    }\n}\n");
            if (licenseFile != null)
            {
                File.WriteAllText(Path.Combine(directory, "LICENSE.md"), licenseFile);
            }

            File.WriteAllText(Path.Combine(directory, Id + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>netstandard2.0</TargetFramework><PackageId>{Id}</PackageId><Version>{version}</Version>{property}</PropertyGroup>
                  {(licenseFile == null ? string.Empty : "<ItemGroup><None Include=\"LICENSE.md\" Pack=\"true\" PackagePath=\"\" /></ItemGroup>")}
                </Project>
                """);
            DotnetCommand.RunOrThrow(directory, "pack", "-o", feed, "-nologo", "-p:UseSharedCompilation=false");
        }
    }
}
