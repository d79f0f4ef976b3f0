using System.Text.Json.Nodes;

namespace LicenseGuard.EndToEnd.Tests;

/// <summary>
/// The upgrade trap through a real restore, baseline and build with a real package: a project on PDFsharp 6.2.4 (MIT) records
/// a baseline, then takes the innocent-looking bump to 6.5.0 (AGPL-3.0-only, as the registry serves it): LG3005 at the
/// PackageReference, in the build and in scan alike.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class LicenceChangeBuildTests(PackedLicenseGuard package)
{
    [Fact]
    public void BumpingAPackageToANetworkCopyleftLicenceIsReportedAgainstTheBaseline()
    {
        string project = Path.Combine(package.WorkRoot, $"upgrade-{Guid.NewGuid():N}");
        Directory.CreateDirectory(project);
        string csproj = Path.Combine(project, "App.csproj");
        File.WriteAllText(csproj, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="LicenseGuard" Version="$(LicenseGuardVersion)" PrivateAssets="all" />
                <PackageReference Include="PDFsharp" Version="6.2.4" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), "public static class Program\n{\n    public static string Title() => new PdfSharp.Pdf.PdfDocument().Info.Title;\n}\n");

        var (code, _, stderr) = LicenseGuard.Cli.Tests.ToolRunner.Run(project, "baseline", ".", "--property", "LicenseGuardVersion=" + package.Version);
        Assert.True(code == 0, stderr);
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(project, "licenseguard.baseline.json")))!["packages"]!.AsArray()
            .Single(p => p!["id"]!.GetValue<string>() == "PDFsharp")!;
        Assert.Equal(("6.2.4", "MIT", "permissive"), (recorded["version"]!.GetValue<string>(), recorded["license"]!.GetValue<string>(), recorded["class"]!.GetValue<string>()));
        Assert.Empty(package.Build(project).LicenseGuardResults);

        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("Version=\"6.2.4\"", "Version=\"6.5.0\""));
        var build = package.Build(project);

        int line = Array.FindIndex(File.ReadAllLines(csproj), l => l.Contains("Include=\"PDFsharp\"", StringComparison.Ordinal)) + 1;
        var change = Assert.Single(build.LicenseGuardResults, r => r.RuleId == "LG3005");
        Assert.Equal(("App.csproj", line, "warning"), (change.File, change.Line, change.Level));
        Assert.Contains("Package PDFsharp 6.5.0 is now licensed AGPL-3.0-only (network-copyleft): the baseline recorded PDFsharp 6.2.4 as MIT (permissive)", change.Message);
        Assert.Contains(build.LicenseGuardResults, r => r.RuleId == "LG3001" && r.Level == "error" && r.Line == line);

        // scan = build
        var (_, stdout, scanErrors) = LicenseGuard.Cli.Tests.ToolRunner.Run(project, "scan", ".", "--json", "--property", "LicenseGuardVersion=" + package.Version);
        var scanned = JsonNode.Parse(stdout)!["projects"]!.AsArray().SelectMany(p => p!["findings"]!.AsArray())
            .Select(f => (f!["id"]!.GetValue<string>(), f["line"]!.GetValue<int>())).Order().ToList();
        Assert.True(scanned.SequenceEqual(build.LicenseGuardResults.Select(r => (r.RuleId, r.Line)).Order()), scanErrors + stdout);
    }
}
