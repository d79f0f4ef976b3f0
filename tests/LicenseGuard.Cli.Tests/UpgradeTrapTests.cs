using System.Text.Json;

namespace LicenseGuard.Cli.Tests;

/// <summary>
/// The upgrade trap with real packages from the registry: a project on versions under one licence, and `check` of the later
/// versions that moved to another — EPPlus 5+ to PolyForm Noncommercial (or a paid licence), ImageSharp 3+ to the Six Labors
/// Split License, PDFsharp 6.5 to the AGPL. The app restores through NuGet from the normal sources, as any project would.
/// </summary>
public sealed class UpgradeTrapTests(RelicensedApp app) : IClassFixture<RelicensedApp>
{
    public static TheoryData<string, string, string, string, string> Bumps => new()
    {
        // id, referenced version, checked version, licence and class before, licence and class after
        { "EPPlus", "4.5.3.3", "8.7.2", "LGPL-3.0-only (weak-copyleft)", "PolyForm-Noncommercial-1.0.0 OR LicenseRef-epplus-commercial (non-commercial / proprietary)" },
        { "SixLabors.ImageSharp", "2.1.13", "4.1.3", "Apache-2.0 (permissive)", "LicenseRef-SixLabors-Split-1.0 (proprietary)" },
        { "PDFsharp", "6.2.4", "6.5.0", "MIT (permissive)", "AGPL-3.0-only (network-copyleft)" },
    };

    [Theory]
    [MemberData(nameof(Bumps))]
    public void CheckingALaterVersionInAProjectSaysTheLicenceClassChanges(string id, string referenced, string later, string before, string after)
    {
        var (code, stdout, stderr) = ToolRunner.Run(app.Directory, "check", id, "--version", later, "--framework", "net10.0", "--json");

        Assert.True(code == 1, stderr);
        using var report = JsonDocument.Parse(stdout);
        var reference = report.RootElement.GetProperty("referenced");
        Assert.Equal(referenced, reference.GetProperty("version").GetString());
        Assert.Equal(before, $"{reference.GetProperty("license").GetString()} ({reference.GetProperty("licenseClass").GetString()})");
        var checkedVersion = report.RootElement.GetProperty("packages")[0];
        Assert.Equal((id, later, "error"), (checkedVersion.GetProperty("id").GetString(), checkedVersion.GetProperty("version").GetString(), checkedVersion.GetProperty("verdict").GetString()));
        string change = $"App.csproj references {id} {referenced}: moving to {later} changes its licence and licence class from {before} to {after}.";
        Assert.Equal(change, reference.GetProperty("licenseChange").GetString());
        Assert.Contains("warning: " + change, stderr);
    }

    [Fact]
    public void CheckingTheReferencedVersionSaysNothingChanges()
    {
        var (code, stdout, stderr) = ToolRunner.Run(app.Directory, "check", "PDFsharp", "--version", "6.2.4", "--framework", "net10.0");

        Assert.True(code == 0, stderr);
        Assert.Contains("App.csproj references PDFsharp 6.2.4: MIT (permissive), the same licence.", stdout);
        Assert.DoesNotContain("changes its licence", stderr);
    }

    [Fact]
    public void AnExplicitProjectThatIsNotAProjectIsAUsageError()
    {
        var (code, _, stderr) = ToolRunner.Run(app.Directory, "check", "PDFsharp", "--version", "6.5.0", "--project", Path.Combine(app.Directory, "obj"));

        Assert.Equal(2, code);
        Assert.Contains("--project", stderr);
    }
}

/// <summary>An app restored from the registry on EPPlus 4.5.3.3 (LGPL), ImageSharp 2.1.13 (Apache-2.0) and PDFsharp 6.2.4 (MIT).</summary>
public sealed class RelicensedApp : IDisposable
{
    public RelicensedApp()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("licenseguard-relicensed-").FullName;
        File.WriteAllText(Path.Combine(Directory, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><NoWarn>NU1603;NU1608;NU1701;NU1902;NU1903;NU1904</NoWarn></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="EPPlus" Version="4.5.3.3" />
                <PackageReference Include="SixLabors.ImageSharp" Version="2.1.13" />
                <PackageReference Include="PDFsharp" Version="6.2.4" />
              </ItemGroup>
            </Project>
            """);
        DotnetCommand.RunOrThrow(Directory, "restore");
    }

    public string Directory { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
