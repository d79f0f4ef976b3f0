using System.Text.Json;

namespace LicenseGuard.Cli.Tests;

/// <summary>`licenseguard check` against a real local feed, through the real tool binary.</summary>
public class CheckCommandTests(LocalFeed feed) : IClassFixture<LocalFeed>
{
    private static JsonElement Package(JsonDocument report, string id) =>
        report.RootElement.GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);

    [Fact]
    public void LgplPackageIsAWarningAndExitsZeroByDefault()
    {
        var (code, stdout, stderr) = feed.Tool(null, "check", "EPPlus", "--version", "4.5.3.3", "--framework", "netstandard2.0", "--format", "json");

        Assert.True(code == 0, stderr);
        using var report = JsonDocument.Parse(stdout);
        Assert.Equal(1, report.RootElement.GetProperty("version").GetInt32());
        var epplus = Package(report, "EPPlus");
        Assert.Equal(("LGPL-3.0-only", "weak-copyleft", "warning"), (epplus.GetProperty("license").GetString(), epplus.GetProperty("licenseClass").GetString(), epplus.GetProperty("verdict").GetString()));
        Assert.StartsWith("licence file 'lgpl-3.0.txt' matches the SPDX text of LGPL-3.0-only (", epplus.GetProperty("licenseOrigin").GetString());
        Assert.Equal("LG3001", epplus.GetProperty("findings")[0].GetProperty("id").GetString());
        Assert.True(report.RootElement.GetProperty("packages").GetArrayLength() > 10);
        Assert.All(report.RootElement.GetProperty("packages").EnumerateArray().Skip(1), p => Assert.Equal("EPPlus 4.5.3.3", p.GetProperty("path")[0].GetString()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OnDotNet10TheCheckedClosureIsWhatRestoreKeepsAfterPruningWhatTheFrameworkProvides(bool fromTheProjectFolder)
    {
        // EPPlus 4.5.3.3 reaches 80-odd packages through its netstandard2.0 group, most of them System.* 4.x that .NET 10 provides:
        // restore prunes them (they are neither restored nor shipped), so check must not judge them. The list comes from the
        // restored project's assets file in its folder, else from the SDK's targeting pack.
        string project = Directory.CreateTempSubdirectory("licenseguard-prune-").FullName;
        File.WriteAllText(Path.Combine(project, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><NoWarn>NU1603;NU1701;NU1902;NU1903;NU1904</NoWarn></PropertyGroup>
              <ItemGroup><PackageReference Include="EPPlus" Version="4.5.3.3" /></ItemGroup>
            </Project>
            """);
        DotnetCommand.RunOrThrow(project, "restore");
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(project, "obj", "project.assets.json")));
        var restored = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0]).Order().ToList();

        var (code, stdout, stderr) = fromTheProjectFolder
            ? feed.Tool(project, "check", "EPPlus", "--version", "4.5.3.3", "--json", "--verbosity", "detailed")
            : feed.Tool(null, "check", "EPPlus", "--version", "4.5.3.3", "--framework", "net10.0", "--json", "--verbosity", "detailed");

        Assert.True(code == 0, stderr);
        Assert.Contains(fromTheProjectFolder ? "project.assets.json" : "PackageOverrides.txt", stderr);
        using var report = JsonDocument.Parse(stdout);
        var checkedIds = report.RootElement.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).Order().ToList();
        Assert.Equal(restored, checkedIds);
        Assert.DoesNotContain(checkedIds, id => id == "System.Runtime" || id == "System.Net.Http");
        Directory.Delete(project, recursive: true);
    }

    [Fact]
    public void FailOnWarningTurnsWarningsIntoExitCodeOne()
    {
        var (code, _, _) = feed.Tool(null, "check", "EPPlus", "--version", "4.5.3.3", "--framework", "netstandard2.0", "--fail-on", "warning");
        Assert.Equal(1, code);
    }

    [Fact]
    public void PolicyFromTheWorkingFolderIsApplied()
    {
        string directory = Path.Combine(feed.WorkingDirectory, "deny");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "licenseguard.json"), """{ "policy": { "classes": { "weak-copyleft": "deny" } } }""");

        var (code, stdout, _) = feed.Tool(directory, "check", "EPPlus", "--version", "4.5.3.3", "--framework", "netstandard2.0");

        Assert.Equal(1, code);
        Assert.Contains("error    EPPlus 4.5.3.3", stdout);
        Assert.Contains("classes.weak-copyleft = deny", stdout);
    }

    [Fact]
    public void APackageAcceptedByAFamilyExceptionSaysWhichExceptionAndWhatItSilencesAndNoOtherExceptionIsJudged()
    {
        // Issue 24: inside a project folder, `check` applies the project's policy and says so: the verdict is "accepted" with
        // the exception (a vendor family pattern), its reason and expiry; an exception for another package is not LG3004 here.
        string directory = Path.Combine(feed.WorkingDirectory, "accepted");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "App.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(directory, "licenseguard.json"), """
            { "policy": { "exceptions": [
              { "package": "EPPlus*", "reason": "LGPL accepted by legal for the EPPlus family", "expires": "2099-06-30" },
              { "package": "Hangfire.Core", "reason": "commercial licence bought" } ] } }
            """);

        var (code, stdout, stderr) = feed.Tool(directory, "check", "EPPlus", "--version", "4.5.3.3", "--json");

        Assert.True(code == 0, stderr);
        Assert.Contains("licenseguard.json", stderr);
        using var report = JsonDocument.Parse(stdout);
        Assert.Equal("net10.0", report.RootElement.GetProperty("parameters").GetProperty("framework").GetString());
        var epplus = Package(report, "EPPlus");
        Assert.Equal("accepted", epplus.GetProperty("verdict").GetString());
        var by = epplus.GetProperty("acceptedBy");
        Assert.Equal(("EPPlus*", "LGPL accepted by legal for the EPPlus family", "2099-06-30"), (by.GetProperty("package").GetString(), by.GetProperty("reason").GetString(), by.GetProperty("expires").GetString()));
        Assert.Equal("LG3001", by.GetProperty("silenced")[0].GetProperty("id").GetString());
        Assert.DoesNotContain("LG3004", stdout, StringComparison.Ordinal);

        var (_, table, _) = feed.Tool(directory, "check", "EPPlus", "--version", "4.5.3.3");
        Assert.Contains("EPPlus for net10.0:", table);
        Assert.Contains("accepted by policy exceptions", table);
        Assert.Contains("accepted by exception 'EPPlus*' at ", table);
        Assert.Contains("(expires 2099-06-30)", table);
        Assert.DoesNotContain("LG3004", table, StringComparison.Ordinal);
    }

    [Fact]
    public void ProprietaryAiSdkIsReportedWithAlternativesAndItsDependenciesWithPaths()
    {
        var (code, stdout, stderr) = feed.Tool(null, "check", "OpenAI", "--framework", "netstandard2.0", "--json");

        Assert.True(code == 0, stderr);
        using var report = JsonDocument.Parse(stdout);
        var openai = Package(report, "OpenAI");
        Assert.Equal("2.15.0", openai.GetProperty("version").GetString());
        var finding = openai.GetProperty("findings")[0];
        Assert.Equal("LG3003", finding.GetProperty("id").GetString());
        // A package serves every task of the service: the report lists them instead of guessing one.
        Assert.Equal(0, finding.GetProperty("alternatives").GetArrayLength());
        Assert.Contains("image-generation", finding.GetProperty("tasks").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("OpenAI API covers chat, text completion, embeddings", finding.GetProperty("message").GetString());
        Assert.Equal("OpenAI 2.15.0", Package(report, "System.ClientModel").GetProperty("path")[0].GetString());
    }

    [Fact]
    public void UnknownLicenceIsReportedWithItsReason()
    {
        var (_, stdout, _) = feed.Tool(null, "check", "DotNetZip", "--version", "1.16.0", "--framework", "netstandard2.0");
        Assert.Contains("LG3002: licence unknown: licenseUrl https://raw.githubusercontent.com/haf/DotNetZip.Semverd/master/LICENSE is not a licence URL LicenseGuard knows", stdout);
    }

    [Fact]
    public void LegacyUrlOnlyPackageIsResolvedByTheCatalogFactWithItsEvidence()
    {
        var (code, stdout, stderr) = feed.Tool(null, "check", "Newtonsoft.Json", "--version", "9.0.1", "--framework", "netstandard2.0", "--json");

        Assert.True(code == 0, stderr);
        using var report = JsonDocument.Parse(stdout);
        var newtonsoft = Package(report, "Newtonsoft.Json");
        Assert.Equal(("MIT", "permissive", "ok"), (newtonsoft.GetProperty("license").GetString(), newtonsoft.GetProperty("licenseClass").GetString(), newtonsoft.GetProperty("verdict").GetString()));
        Assert.StartsWith("catalog fact for Newtonsoft.Json (,13.0.1): versions before 13.0.1 declare only a licenseUrl", newtonsoft.GetProperty("licenseOrigin").GetString());
    }

    [Fact]
    public void UrlOnlyPackageIsJudgedByTheLicenceTextItShipsAsTheBuildDoes()
    {
        var (code, stdout, stderr) = feed.Tool(null, "check", "System.ValueTuple", "--version", "4.5.0", "--framework", "netstandard2.0", "--json");

        Assert.True(code == 0, stderr);
        using var report = JsonDocument.Parse(stdout);
        var memory = Package(report, "System.ValueTuple");
        Assert.Equal(("MIT", "permissive"), (memory.GetProperty("license").GetString(), memory.GetProperty("licenseClass").GetString()));
        string origin = memory.GetProperty("licenseOrigin").GetString()!;
        Assert.Contains("is not a licence URL LicenseGuard knows; the package's own licence file 'LICENSE.TXT' matches the SPDX text of MIT", origin);
    }

    [Fact]
    public void TableCanHidePathsAndOutputCanGoToAFile()
    {
        string output = Path.Combine(feed.Root, "report.json");
        var (code, stdout, stderr) = feed.Tool(null, "check", "EPPlus", "--version", "4.5.3.3", "--framework", "netstandard2.0", "--format", "json", "--output", output);

        Assert.Equal(0, code);
        Assert.Empty(stdout);
        Assert.Contains("Wrote", stderr);
        using var report = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("EPPlus", report.RootElement.GetProperty("parameters").GetProperty("package").GetString());

        var (_, table, _) = feed.Tool(null, "check", "EPPlus", "--version", "4.5.3.3", "--framework", "netstandard2.0", "--no-paths");
        Assert.DoesNotContain("via EPPlus", table);
    }

    [Fact]
    public void MissingPackageIsAFeedFailure()
    {
        var (code, _, stderr) = feed.Tool(null, "check", "No.Such.Package.LicenseGuard");
        Assert.Equal(4, code);
        Assert.Contains("was not found", stderr);
    }

    [Fact]
    public void MissingVersionIsAFeedFailure()
    {
        var (code, _, stderr) = feed.Tool(null, "check", "EPPlus", "--version", "99.0.0");
        Assert.Equal(4, code);
        Assert.Contains("has no version 99.0.0", stderr);
    }

    [Fact]
    public void UnreachableSourceIsAFeedFailure()
    {
        var (code, _, stderr) = feed.Tool(null, "check", "EPPlus", "--source", "http://127.0.0.1:9/v3/index.json");
        Assert.Equal(4, code);
        Assert.Contains("http://127.0.0.1:9/v3/index.json", stderr);
    }

    [Fact]
    public void InvalidRulesFileExitsThreeWithItsPosition()
    {
        string directory = Path.Combine(feed.WorkingDirectory, "bad-rules");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "licenseguard.json"), "{\n  \"policy\": { \"classes\": { \"weak-copyleft\": \"sometimes\" } }\n}");

        var (code, _, stderr) = feed.Tool(directory, "check", "EPPlus");

        Assert.Equal(3, code);
        Assert.Contains("licenseguard.json(2,45): warning LG9001:", stderr);
    }

    [Theory]
    [InlineData]
    [InlineData("check")]
    [InlineData("check", "EPPlus", "--format", "xml")]
    [InlineData("check", "EPPlus", "--framework", "not-a-framework")]
    [InlineData("frobnicate")]
    public void UsageErrorsExitTwo(params string[] arguments)
    {
        var (code, _, _) = feed.Tool(null, arguments);
        Assert.Equal(2, code);
    }

    [Fact]
    public void HelpDescribesEveryOption()
    {
        var (code, stdout, _) = feed.Tool(null, "check", "--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "--version", "--source", "--prerelease", "--framework", "--format", "--json", "--output", "--fail-on", "--no-paths", "--verbosity" })
        {
            Assert.Contains(option, stdout);
        }
    }
}
