using System.Runtime.InteropServices;
using System.Text.Json;

namespace LicenseGuard.EndToEnd.Tests;

/// <summary>
/// Which analyzer assemblies the compiler gets: the package's ReadyToRun copies where they fit the SDK's runtime and
/// platform, the IL copies otherwise or when LicenseGuardReadyToRun=false, and the same findings either way.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ReadyToRunBuildTests(PackedLicenseGuard package)
{
    [Fact]
    public void TheCompilerGetsTheReadyToRunCopiesOnLinuxX64AndTheILCopiesWhenOptedOut()
    {
        string project = package.CopySample("LocalAssistant");
        var build = package.Build(project);
        Assert.True(build.ExitCode == 0, build.Output);

        var defaults = LicenseGuardAnalyzers(project);
        var optedOut = LicenseGuardAnalyzers(project, "-p:LicenseGuardReadyToRun=false");

        var il = new[] { "analyzers/dotnet/cs/LicenseGuard.Analyzers.dll", "analyzers/dotnet/cs/LicenseGuard.CodeFixes.dll", "analyzers/dotnet/cs/LicenseGuard.Core.dll" };
        string precompiled = $"readytorun/net{Environment.Version.Major}.0/linux-x64/";
        var expectedDefaults = RuntimeInformation.RuntimeIdentifier == "linux-x64"
            ? new[] { il[1], precompiled + "LicenseGuard.Analyzers.dll", precompiled + "LicenseGuard.Core.dll" }
            : il;
        Assert.Equal(expectedDefaults, defaults);
        Assert.Equal(il, optedOut);
    }

    [Fact]
    public void TheReadyToRunAndTheILAnalyzersReportTheSameFindings()
    {
        string project = package.CopySample("SupportBot");

        var precompiled = package.Build(project);
        var il = package.Build(project, "-p:LicenseGuardReadyToRun=false", "--no-incremental");

        Assert.True(precompiled.ExitCode == 0, precompiled.Output);
        Assert.True(il.ExitCode == 0, il.Output);
        Assert.Equal(18, precompiled.LicenseGuardResults.Count()); // every finding of SampleBuildTests.SupportBotReportsEveryProprietaryDependencyAtItsLine
        Assert.Equal(Findings(il), Findings(precompiled));
        Assert.DoesNotContain(precompiled.Results, r => r.RuleId == "AD0001");
        Assert.DoesNotContain("CS8034", precompiled.Output); // an analyzer assembly that failed to load
    }

    private static List<string> Findings(BuildResult build) =>
        build.LicenseGuardResults.Select(r => $"{r.RuleId} {r.Level} {r.File}:{r.Line} {r.Message}").Order(StringComparer.Ordinal).ToList();

    /// <summary>The LicenseGuard analyzer items CoreCompile receives, relative to the package folder, in order of path.</summary>
    private List<string> LicenseGuardAnalyzers(string project, params string[] arguments)
    {
        var (exitCode, output) = package.Dotnet(project, ["msbuild", project, "-t:Compile", "-getItem:Analyzer", "-nologo", $"-p:LicenseGuardVersion={package.Version}", .. arguments]);
        Assert.True(exitCode == 0, output);
        using var items = JsonDocument.Parse(output[output.IndexOf('{')..]);
        string packageFolder = $"/licenseguard/{package.Version}/".ToLowerInvariant();
        return items.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
            .Select(item => item.GetProperty("FullPath").GetString()!.Replace('\\', '/'))
            .Where(path => path.Contains(packageFolder, StringComparison.OrdinalIgnoreCase))
            .Select(path => path[(path.IndexOf(packageFolder, StringComparison.OrdinalIgnoreCase) + packageFolder.Length)..])
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
