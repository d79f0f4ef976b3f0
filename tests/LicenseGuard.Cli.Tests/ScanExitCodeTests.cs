using System.Collections.Immutable;
using LicenseGuard.Cli.Scanning;

namespace LicenseGuard.Cli.Tests;

/// <summary>Which exit code wins when a scan has several kinds of trouble (the processes tests cover each one alone).</summary>
public class ScanExitCodeTests
{
    private static Finding Finding(string id, string severity) =>
        new(id, severity, "message", "/r/App.csproj", "/r/App.cs", 1, 1, ImmutableDictionary<string, string?>.Empty, "0123456789abcdef", null);

    private static ScanResult Result(string? error, params Finding[] findings)
    {
        var project = new ProjectScan("/r/App.csproj") { Error = error };
        project.Findings.AddRange(findings);
        return new ScanResult("/r", [project], CodeAnalyzed: true, TimeSpan.Zero);
    }

    [Theory]
    [InlineData(null, "LG1001", "warning", "error", 0)]
    [InlineData(null, "LG1001", "warning", "warning", 1)]
    [InlineData(null, "LG1001", "info", "warning", 0)]
    [InlineData(null, "LG1001", "info", "info", 1)]
    [InlineData(null, "LG9001", "warning", "error", 3)]
    [InlineData("restore failed", "LG9001", "warning", "error", 2)]
    [InlineData("restore failed", "AD0001", "warning", "error", 70)]
    public void ExitCodeFollowsTheDocumentedPrecedence(string? projectError, string id, string severity, string failOn, int expected)
    {
        Assert.Equal(expected, ScanCommand.ExitCodeOf(Result(projectError, Finding(id, severity)), failOn));
    }
}
