namespace LicenseGuard.EndToEnd.Tests;

/// <summary>NuGet licence policy through a real restore and build: LG3001–LG3004 at project-file lines in the SARIF.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class DependencyBuildTests(PackedLicenseGuard package)
{
    [Fact]
    public void InvoiceExporterReportsTheUnknownLicenceOnlyAndItsExceptionSilencesEPPlus()
    {
        string project = package.CopySample("InvoiceExporter");
        var build = package.Build(project);

        Assert.True(build.ExitCode == 0, build.Output);
        var results = build.LicenseGuardResults.ToList();
        var unknown = Assert.Single(results);
        Assert.Equal(("LG3002", "InvoiceExporter.csproj", LineOf(project, "InvoiceExporter.csproj", "Include=\"DotNetZip\"")), (unknown.RuleId, unknown.File, unknown.Line));
        Assert.Contains("DotNetZip 1.16.0", unknown.Message);

        // Newtonsoft.Json 9.0.1 declares only a licenseUrl; the catalog's fact for versions before 13.0.1 makes it MIT. EPPlus's
        // System.Xml.XPath.XmlDocument 4.3.0 is under Microsoft's .NET Library licence, which the default policy allows.
        Assert.DoesNotContain(results, r => r.Message.Contains("Newtonsoft.Json", StringComparison.Ordinal) || r.Message.Contains("XPath", StringComparison.Ordinal));
    }

    [Fact]
    public void ATeamThatReviewsPlatformLicencesGetsTheTransitiveFindingAtTheDirectReference()
    {
        string project = package.CopySample("InvoiceExporter");
        string rules = Path.Combine(project, "licenseguard.json");
        File.WriteAllText(rules, File.ReadAllText(rules).Replace("\"policy\": {", "\"policy\": {\n    \"licenses\": { \"LicenseRef-microsoft-dotnet-library\": \"warn\" },"));

        var build = package.Build(project);

        var transitive = Assert.Single(build.LicenseGuardResults, r => r.RuleId == "LG3001");
        Assert.Equal(("InvoiceExporter.csproj", LineOf(project, "InvoiceExporter.csproj", "Include=\"EPPlus\"")), (transitive.File, transitive.Line));
        Assert.StartsWith("Package System.Xml.XPath.XmlDocument 4.3.0 via EPPlus 4.5.3.3 is licensed LicenseRef-microsoft-dotnet-library (proprietary)", transitive.Message);
        Assert.DoesNotContain(build.LicenseGuardResults, r => r.Message.StartsWith("Package EPPlus 4.5.3.3 is licensed", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutTheExceptionEPPlusIsReportedAsLgpl()
    {
        string project = package.CopySample("InvoiceExporter");
        File.Delete(Path.Combine(project, "licenseguard.json"));

        var build = package.Build(project);

        var epplus = Assert.Single(build.LicenseGuardResults, r => r.Message.StartsWith("Package EPPlus 4.5.3.3 is licensed", StringComparison.Ordinal));
        Assert.Equal(("LG3001", "warning", LineOf(project, "InvoiceExporter.csproj", "Include=\"EPPlus\"")), (epplus.RuleId, epplus.Level, epplus.Line));
        Assert.Contains("LGPL-3.0-only (weak-copyleft)", epplus.Message);
        Assert.Contains("classes.weak-copyleft = warn", epplus.Message);
    }

    [Fact]
    public void UnusedExceptionIsReportedAtItsLineInTheRulesFile()
    {
        string project = package.CopySample("InvoiceExporter");
        string rules = Path.Combine(project, "licenseguard.json");
        File.WriteAllText(rules, File.ReadAllText(rules).Replace("\"exceptions\": [", "\"exceptions\": [\n      { \"package\": \"SharpZipLib\", \"reason\": \"Removed in 2025.\" },"));

        var build = package.Build(project);

        var unused = Assert.Single(build.LicenseGuardResults, r => r.RuleId == "LG3004");
        Assert.Equal(("licenseguard.json", LineOf(project, "licenseguard.json", "SharpZipLib")), (unused.File, unused.Line));
    }

    [Fact]
    public void PackageAddedToTheProjectFileIsJudgedOnTheNextBuild()
    {
        string project = package.CopySample("LocalAssistant");
        var before = package.Build(project);
        Assert.True(before.ExitCode == 0, before.Output);
        Assert.Empty(before.LicenseGuardResults);

        string csproj = Path.Combine(project, "LocalAssistant.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("<PackageReference Include=\"OllamaSharp\"", "<PackageReference Include=\"OpenAI\" Version=\"2.15.0\" />\n    <PackageReference Include=\"OllamaSharp\""));
        var after = package.Build(project);

        var sdk = Assert.Single(after.LicenseGuardResults);
        Assert.Equal(("LG3003", "LocalAssistant.csproj", LineOf(project, "LocalAssistant.csproj", "Include=\"OpenAI\"")), (sdk.RuleId, sdk.File, sdk.Line));
    }

    [Fact]
    public void DenyIsAnErrorThatFailsTheBuild()
    {
        string project = package.CopySample("InvoiceExporter");
        File.WriteAllText(Path.Combine(project, "licenseguard.json"), """{ "policy": { "classes": { "weak-copyleft": "deny" } } }""");

        var build = package.Build(project);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(build.LicenseGuardResults, r => r.RuleId == "LG3001" && r.Level == "error" && r.Message.Contains("EPPlus 4.5.3.3"));
    }

    [Fact]
    public void CentralPackageManagementReportsAtThePackageVersionLine()
    {
        string root = Path.Combine(package.WorkRoot, $"cpm-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(root, "App"));
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), $"""
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="LicenseGuard" Version="{package.Version}" />
                <PackageVersion Include="EPPlus" Version="4.5.3.3" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(root, "App", "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><NoWarn>$(NoWarn);NU1701;NU1902;NU1903;NU1904</NoWarn></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="EPPlus" />
                <PackageReference Include="LicenseGuard" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(root, "App", "Class1.cs"), "public class Class1 { }");

        var build = package.Build(Path.Combine(root, "App"));

        Assert.True(build.ExitCode == 0, build.Output);
        var epplus = Assert.Single(build.LicenseGuardResults, r => r.Message.StartsWith("Package EPPlus 4.5.3.3 is licensed", StringComparison.Ordinal));
        Assert.Equal(("Directory.Packages.props", LineOf(root, "Directory.Packages.props", "Include=\"EPPlus\"")), (epplus.File, epplus.Line));
    }

    private static int LineOf(string directory, string file, string text)
    {
        var lines = File.ReadAllLines(Path.Combine(directory, file));
        int index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' not found in {file}");
        return index + 1;
    }
}
