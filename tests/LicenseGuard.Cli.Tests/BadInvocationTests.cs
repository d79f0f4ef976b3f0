using System.Text.RegularExpressions;

namespace LicenseGuard.Cli.Tests;

/// <summary>
/// Every bad invocation of the real tool is a clear error with a documented exit code (2 usage, 3 rules file, 4 feed), never a
/// stack trace and never 70 (which is kept for bugs). None of these reaches the network.
/// </summary>
public sealed partial class BadInvocationTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("licenseguard-bad-").FullName;

    public BadInvocationTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "empty-feed"));
        Directory.CreateDirectory(Path.Combine(root, "bad-rules"));
        File.WriteAllText(Path.Combine(root, "bad-rules", "licenseguard.json"), "{ \"services\": [ }");
        File.WriteAllText(Path.Combine(root, "bad-rules", "BadRules.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(root, "bad.json"), "{ \"policy\": ");
        File.WriteAllText(Path.Combine(root, "notes.txt"), "not a project");
        Directory.CreateDirectory(Path.Combine(root, "clean"));
        File.WriteAllText(Path.Combine(root, "clean", "Clean.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(root, "clean", "licenseguard.baseline.json"), "{ \"entries\": [ ");
    }

    public static TheoryData<string, int, string[]> Invocations => new()
    {
        // usage: the command line itself
        { "unknown command", 2, ["bogus"] },
        { "unknown option", 2, ["check", "EPPlus", "--bogus"] },
        { "invalid package id", 2, ["check", "bad id!!"] },
        { "package id too long", 2, ["check", new string('a', 101)] },
        { "invalid version", 2, ["check", "EPPlus", "--version", "1.x"] },
        { "empty version", 2, ["check", "EPPlus", "--version", ""] },
        { "invalid framework", 2, ["check", "EPPlus", "--framework", "bogus"] },
        { "unknown format (check)", 2, ["check", "EPPlus", "--format", "xml"] },
        { "unknown format (scan)", 2, ["scan", ".", "--format", "xml"] },
        { "unknown fail-on", 2, ["scan", ".", "--fail-on", "sometimes"] },
        { "unknown verbosity", 2, ["check", "EPPlus", "-v", "loud"] },
        { "malformed source URL", 2, ["check", "EPPlus", "--source", "http://[bad"] },
        { "source with another scheme", 2, ["check", "EPPlus", "--source", "ftp://example.invalid/feed"] },
        { "property without a value", 2, ["scan", "clean", "--property", "Configuration"] },
        // usage: paths
        { "output in a missing folder (check)", 2, ["check", "EPPlus", "-o", "missing/dir/out.json"] },
        { "output in a missing folder (scan)", 2, ["scan", "clean", "-o", "missing/dir/out.sarif", "--format", "sarif"] },
        { "output in a missing folder (notices)", 2, ["notices", "clean", "-o", "missing/dir/NOTICES.md"] },
        { "output is a folder", 2, ["scan", "clean", "-o", "clean"] },
        { "output cannot be written (checked before the scan)", 2, ["scan", "clean", "-o", "/sys/licenseguard-report.sarif", "--format", "sarif"] },
        { "missing scan path", 2, ["scan", "missing"] },
        { "scan path is no project", 2, ["scan", "notes.txt"] },
        { "unknown option taken for a path", 2, ["scan", "--bogus"] },
        { "missing baseline path", 2, ["baseline", "missing"] },
        { "missing notices project", 2, ["notices", "missing"] },
        { "missing rules file", 2, ["rules", "validate", "missing.json"] },
        { "rules file is a folder", 2, ["rules", "validate", "clean"] },
        { "unknown catalog id", 2, ["rules", "show", "no-such-id"] },
        { "init in a missing folder", 2, ["init", "missing"] },
        { "init on a file", 2, ["init", "notes.txt"] },
        { "missing migrate project", 2, ["migrate", "missing"] },
        { "migrate on a file that is no project", 2, ["migrate", "notes.txt"] },
        { "migrate to an unknown runtime", 2, ["migrate", "clean", "--to", "nosuchruntime"] },
        // rules files
        { "malformed rules file (validate)", 3, ["rules", "validate", "bad.json"] },
        { "malformed rules file in the working folder (check)", 3, ["check", "EPPlus", "--source", "empty-feed", "!cwd=bad-rules"] },
        { "malformed rules file in the project (migrate)", 3, ["migrate", "bad-rules"] },
        { "malformed baseline (scan)", 3, ["scan", "clean", "--skip-code"] },
        // feeds
        { "package not in the feed", 4, ["check", "EPPlus", "--source", "empty-feed"] },
        { "feed folder missing", 4, ["check", "EPPlus", "--source", "missing-feed"] },
        { "feed unreachable (nothing listens on the loopback port)", 4, ["check", "EPPlus", "--source", "http://127.0.0.1:9/v3/index.json"] },
    };

    [Theory]
    [MemberData(nameof(Invocations))]
    public void BadInvocationIsAClearErrorWithItsExitCode(string because, int expected, string[] arguments)
    {
        string directory = root;
        if (arguments[^1].StartsWith("!cwd=", StringComparison.Ordinal))
        {
            directory = Path.Combine(root, arguments[^1]["!cwd=".Length..]);
            arguments = arguments[..^1];
        }

        var (code, stdout, stderr) = ToolRunner.Run(directory, arguments);

        Assert.True(code == expected, $"{because}: exit {code}, expected {expected}\n{stderr}");
        Assert.False(string.IsNullOrWhiteSpace(stderr) && expected != 3, $"{because}: nothing on standard error");
        Assert.DoesNotContain(stdout.Split('\n').Concat(stderr.Split('\n')), line => StackFrame().IsMatch(line));
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [GeneratedRegex(@"^\s+at \S+.*\(.*\)")]
    private static partial Regex StackFrame();
}
