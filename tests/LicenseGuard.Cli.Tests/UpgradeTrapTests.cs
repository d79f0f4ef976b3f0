using System.Text.Json;
using LicenseGuard.Gather.Licensing;

namespace LicenseGuard.Cli.Tests;

/// <summary>
/// The upgrade trap: a version bump that moves a package to a non-commercial licence. The registry here does not serve the
/// relicensed versions of the packages that did this (EPPlus 5+, ImageSharp 3+), so the feed holds a package packed here in
/// two versions the way they ship: 1.0.0 with an MIT expression, 2.0.0 with the PolyForm Noncommercial text as its licence
/// file. The app restores 1.0.0 from that feed through NuGet, as any project would.
/// </summary>
public sealed class UpgradeTrapTests(RelicensedFeed feed) : IClassFixture<RelicensedFeed>
{
    [Fact]
    public void CheckingTheNextVersionInAProjectSaysTheLicenceClassChanges()
    {
        var (code, stdout, stderr) = ToolRunner.Run(feed.App, "check", "Contoso.Sheets", "--version", "2.0.0", "--source", feed.Feed, "--framework", "net10.0", "--json");

        Assert.True(code == 1, stderr);
        using var report = JsonDocument.Parse(stdout);
        var referenced = report.RootElement.GetProperty("referenced");
        Assert.Equal(("1.0.0", "MIT", "permissive"), (referenced.GetProperty("version").GetString(), referenced.GetProperty("license").GetString(), referenced.GetProperty("licenseClass").GetString()));
        var checkedVersion = report.RootElement.GetProperty("packages")[0];
        Assert.Equal(("PolyForm-Noncommercial-1.0.0", "non-commercial", "error"), (checkedVersion.GetProperty("license").GetString(), checkedVersion.GetProperty("licenseClass").GetString(), checkedVersion.GetProperty("verdict").GetString()));
        Assert.StartsWith("licence file 'LICENSE.md' is titled \"PolyForm Noncommercial License 1.0.0\"", checkedVersion.GetProperty("licenseOrigin").GetString());
        const string change = "App.csproj references Contoso.Sheets 1.0.0: moving to 2.0.0 changes its licence and licence class from MIT (permissive) to PolyForm-Noncommercial-1.0.0 (non-commercial).";
        Assert.Equal(change, referenced.GetProperty("licenseChange").GetString());
        Assert.Contains("warning: " + change, stderr);
    }

    [Fact]
    public void CheckingTheReferencedVersionSaysNothingChanges()
    {
        var (code, stdout, stderr) = ToolRunner.Run(feed.App, "check", "Contoso.Sheets", "--version", "1.0.0", "--source", feed.Feed, "--framework", "net10.0");

        Assert.True(code == 0, stderr);
        Assert.Contains("App.csproj references Contoso.Sheets 1.0.0: MIT (permissive), the same licence.", stdout);
        Assert.DoesNotContain("changes its licence", stderr);
    }

    [Fact]
    public void AnExplicitProjectThatIsNotAProjectIsAUsageError()
    {
        var (code, _, stderr) = ToolRunner.Run(feed.App, "check", "Contoso.Sheets", "--version", "2.0.0", "--source", feed.Feed, "--project", feed.Feed);

        Assert.Equal(2, code);
        Assert.Contains("--project", stderr);
    }
}

/// <summary>A local feed with Contoso.Sheets 1.0.0 (MIT) and 2.0.0 (PolyForm Noncommercial licence file), and an app on 1.0.0.</summary>
public sealed class RelicensedFeed : IDisposable
{
    public RelicensedFeed()
    {
        Root = Directory.CreateTempSubdirectory("licenseguard-relicensed-").FullName;
        Feed = Path.Combine(Root, "feed");
        App = Path.Combine(Root, "app");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(App);

        using var texts = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "spdx", "spdx-licenses.tsv.gz"));
        string polyForm = SpdxLicenseList.ReadTexts(texts).Licenses.First(l => l.Id == "PolyForm-Noncommercial-1.0.0").Text;
        RelicensedSheets.Pack(Root, Feed, "# PolyForm Noncommercial License 1.0.0\n\n" + polyForm);

        File.WriteAllText(Path.Combine(App, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(App, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="Contoso.Sheets" Version="1.0.0" /></ItemGroup>
            </Project>
            """);
        DotnetCommand.RunOrThrow(App, "restore");
    }

    public string Root { get; }

    public string Feed { get; }

    public string App { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
