using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace LicenseGuard.EndToEnd.Tests;

/// <summary>
/// Packs the whole solution once per test run, as a release would (<c>dotnet pack LicenseGuard.sln</c>), into a private
/// feed, with a version of its own so NuGet's global cache can never serve a package from an earlier run, and builds copies
/// of the samples against it. Hermetic: the pack builds into its own artifacts folder (never the repository's bin/, obj/ or
/// artifacts/, which other tests may be running from), and nothing depends on what another test or an earlier run left.
/// </summary>
public sealed class PackedLicenseGuard : IDisposable
{
    public PackedLicenseGuard()
    {
        RepoRoot = FindRepoRoot();
        WorkRoot = Directory.CreateTempSubdirectory("licenseguard-e2e-").FullName;
        Feed = Path.Combine(WorkRoot, "feed");
        Version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var pack = Run(RepoRoot, "pack", Path.Combine(RepoRoot, "LicenseGuard.sln"), "-c", "Release", $"-p:Version={Version}", "-o", Feed,
            "--artifacts-path", Path.Combine(WorkRoot, "build"), "-nologo");
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + pack.Output);
        }

        File.WriteAllText(Path.Combine(WorkRoot, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="licenseguard-e2e" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

        // The weight generator runs from a private copy: `dotnet run file.cs` keeps its build output per file path.
        WeightsTool = Path.Combine(WorkRoot, "tools", "make-weights.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(WeightsTool)!);
        File.Copy(Path.Combine(RepoRoot, "samples", "tools", "make-weights.cs"), WeightsTool);
    }

    public string RepoRoot { get; }

    public string WorkRoot { get; }

    /// <summary>Gets the feed holding exactly what packing the solution produced (PackagesTests asserts its contents).</summary>
    public string Feed { get; }

    public string Version { get; }

    private string WeightsTool { get; }

    /// <summary>Copies a sample into a fresh folder under the work root (which holds the NuGet.config of the private feed).</summary>
    public string CopySample(string name)
    {
        string target = Path.Combine(WorkRoot, $"{name}-{Guid.NewGuid():N}");
        CopyDirectory(Path.Combine(RepoRoot, "samples", name), target);
        return target;
    }

    /// <summary>Runs the repository's weight-file generator for a copied sample (the weights are not committed).</summary>
    public void MakeWeights(string sampleDirectory)
    {
        var (exitCode, output) = Run(WorkRoot, "run", WeightsTool, "--", sampleDirectory);
        if (exitCode != 0)
        {
            throw new InvalidOperationException("make-weights failed:\n" + output);
        }
    }

    /// <summary>Runs any dotnet command in a folder.</summary>
    public (int ExitCode, string Output) Dotnet(string workingDirectory, params string[] arguments) => Run(workingDirectory, arguments);

    /// <summary>Runs an installed program (a tool's shim, for example).</summary>
    public (int ExitCode, string Output) Exec(string program, string workingDirectory, params string[] arguments) => Run(program, workingDirectory, new Dictionary<string, string>(), arguments);

    /// <summary>
    /// Runs `dotnet format analyzers` on a project folder with the packed LicenseGuard (dotnet format takes no -p, so the
    /// version goes through the environment, which MSBuild reads as properties).
    /// </summary>
    public (int ExitCode, string Output) Format(string projectDirectory, params string[] arguments) =>
        Run(projectDirectory, new Dictionary<string, string> { ["LicenseGuardVersion"] = Version }, ["format", "analyzers", projectDirectory, .. arguments]);

    /// <summary>Builds a project folder with SARIF 2.1 output and returns the exit code, the console output and the SARIF results.</summary>
    public BuildResult Build(string projectDirectory, params string[] extraArguments) => Run("build", projectDirectory, extraArguments);

    /// <summary>Publishes a project folder with SARIF 2.1 output.</summary>
    public BuildResult Publish(string projectDirectory, params string[] extraArguments) => Run("publish", projectDirectory, extraArguments);

    private BuildResult Run(string verb, string projectDirectory, string[] extraArguments)
    {
        string sarif = Path.Combine(projectDirectory, verb + ".sarif");
        var arguments = new List<string> { verb, projectDirectory, "-nologo", $"-p:LicenseGuardVersion={Version}", $"-p:ErrorLog={sarif}%2Cversion=2.1" };
        arguments.AddRange(extraArguments);
        var (exitCode, output) = Run(projectDirectory, arguments.ToArray());
        var results = File.Exists(sarif) ? SarifResult.Read(sarif) : new List<SarifResult>();
        return new BuildResult(exitCode, output, results);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the OS.
        }
    }

    private static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments) => Run("dotnet", workingDirectory, new Dictionary<string, string>(), arguments);

    private static (int ExitCode, string Output) Run(string workingDirectory, Dictionary<string, string> environment, string[] arguments) => Run("dotnet", workingDirectory, environment, arguments);

    private static (int ExitCode, string Output) Run(string program, string workingDirectory, Dictionary<string, string> environment, string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Builds in tests must not leave compiler servers behind or share state between runs.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        if (program == "dotnet" && arguments[0] is "build" or "publish" or "pack")
        {
            start.ArgumentList.Add("-p:UseSharedCompilation=false");
        }

        var output = new StringBuilder();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in 5 minutes:\n{output}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LicenseGuard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LicenseGuard.sln not found above " + AppContext.BaseDirectory);
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(source))
        {
            string name = Path.GetFileName(directory);
            if (name is "bin" or "obj")
            {
                continue;
            }

            CopyDirectory(directory, Path.Combine(target, name));
        }
    }
}

public sealed record BuildResult(int ExitCode, string Output, List<SarifResult> Results)
{
    public IEnumerable<SarifResult> LicenseGuardResults => Results.Where(r => r.RuleId.StartsWith("LG", StringComparison.Ordinal));
}

public sealed record SarifResult(string RuleId, string Level, string Message, string File, int Line)
{
    public static List<SarifResult> Read(string sarifPath)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(sarifPath));
        var results = new List<SarifResult>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var runResults))
            {
                continue;
            }

            foreach (var result in runResults.EnumerateArray())
            {
                string file = string.Empty;
                int line = 0;
                if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0)
                {
                    var physical = locations[0].GetProperty("physicalLocation");
                    file = Path.GetFileName(new Uri(physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath);
                    line = physical.GetProperty("region").GetProperty("startLine").GetInt32();
                }

                results.Add(new SarifResult(
                    result.GetProperty("ruleId").GetString()!,
                    result.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                    result.GetProperty("message").GetProperty("text").GetString()!,
                    file,
                    line));
            }
        }

        return results;
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackedLicenseGuard>
{
    public const string Name = "Packed LicenseGuard";
}
