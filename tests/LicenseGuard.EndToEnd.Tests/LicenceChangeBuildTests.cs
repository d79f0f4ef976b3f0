using System.Text.Json.Nodes;

namespace LicenseGuard.EndToEnd.Tests;

/// <summary>
/// The upgrade trap through a real restore, baseline and build: a project on Contoso.Sheets 1.0.0 (MIT) records a baseline,
/// then bumps to 2.0.0 (PolyForm Noncommercial licence file): LG3005 at the PackageReference, in the build and in scan alike.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class LicenceChangeBuildTests(PackedLicenseGuard package)
{
    [Fact]
    public void BumpingAPackageToANonCommercialLicenceIsReportedAgainstTheBaseline()
    {
        package.EnsureRelicensedPackage();
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
                <PackageReference Include="Contoso.Sheets" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), "public static class Program\n{\n    public static string Name() => Contoso.Sheets.Sheet.Name;\n}\n");

        var (code, _, stderr) = LicenseGuard.Cli.Tests.ToolRunner.Run(project, "baseline", ".", "--property", "LicenseGuardVersion=" + package.Version);
        Assert.True(code == 0, stderr);
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(project, "licenseguard.baseline.json")))!["packages"]!.AsArray()
            .Single(p => p!["id"]!.GetValue<string>() == "Contoso.Sheets")!;
        Assert.Equal(("1.0.0", "MIT", "permissive"), (recorded["version"]!.GetValue<string>(), recorded["license"]!.GetValue<string>(), recorded["class"]!.GetValue<string>()));
        Assert.Empty(package.Build(project).LicenseGuardResults);

        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("Version=\"1.0.0\"", "Version=\"2.0.0\""));
        var build = package.Build(project);

        int line = Array.FindIndex(File.ReadAllLines(csproj), l => l.Contains("Include=\"Contoso.Sheets\"", StringComparison.Ordinal)) + 1;
        var change = Assert.Single(build.LicenseGuardResults, r => r.RuleId == "LG3005");
        Assert.Equal(("App.csproj", line, "warning"), (change.File, change.Line, change.Level));
        Assert.Contains("Package Contoso.Sheets 2.0.0 is now licensed PolyForm-Noncommercial-1.0.0 (non-commercial): the baseline recorded Contoso.Sheets 1.0.0 as MIT (permissive)", change.Message);
        Assert.Contains(build.LicenseGuardResults, r => r.RuleId == "LG3001" && r.Level == "error" && r.Line == line);

        // scan = build
        var (_, stdout, scanErrors) = LicenseGuard.Cli.Tests.ToolRunner.Run(project, "scan", ".", "--json", "--property", "LicenseGuardVersion=" + package.Version);
        var scanned = JsonNode.Parse(stdout)!["projects"]!.AsArray().SelectMany(p => p!["findings"]!.AsArray())
            .Select(f => (f!["id"]!.GetValue<string>(), f["line"]!.GetValue<int>())).Order().ToList();
        Assert.True(scanned.SequenceEqual(build.LicenseGuardResults.Select(r => (r.RuleId, r.Line)).Order()), scanErrors + stdout);
    }
}
