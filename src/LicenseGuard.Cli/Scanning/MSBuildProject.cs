using System.Text.Json;

namespace LicenseGuard.Cli.Scanning;

/// <summary>What a design-time build of one project says: the compiler's command line and a few properties.</summary>
internal sealed record MSBuildProject(string ProjectPath, string? TargetFramework, IReadOnlyList<string> CompilerArguments)
{
    private static readonly string ScanTargets = Path.Combine(AppContext.BaseDirectory, "msbuild", "LicenseGuard.Scan.targets");

    /// <summary>The compiler's command line as the compiler reads it (paths resolved against the project folder).</summary>
    public Microsoft.CodeAnalysis.CommandLineArguments ParseArguments() =>
        Microsoft.CodeAnalysis.CSharp.CSharpCommandLineParser.Default.Parse(CompilerArguments, Path.GetDirectoryName(ProjectPath)!, sdkDirectory: null);

    /// <summary>The inventory the gather step wrote, among the analyzer's additional files, if it exists.</summary>
    public static string? InventoryAmong(IEnumerable<string> additionalFiles) =>
        additionalFiles.FirstOrDefault(p => Path.GetFileName(p).Equals(Inventory.ProjectInventory.FileName, StringComparison.OrdinalIgnoreCase) && File.Exists(p));

    /// <summary>
    /// Restores the project and runs its build up to the compiler without running the compiler (as IDEs do), with
    /// LicenseGuard's build integration imported, so the gather task writes the inventory and the compiler's command line
    /// lists every input a real build would hand to the analyzer. Referenced projects are not built.
    /// </summary>
    public static async Task<MSBuildProject> LoadAsync(string projectPath, string? framework, IReadOnlyList<string> properties, CancellationToken cancellationToken)
    {
        var run = await RunAsync(projectPath, null, properties, cancellationToken).ConfigureAwait(false);
        if (run.ExitCode != 0 && run.Output.Contains("MSB4057", StringComparison.Ordinal))
        {
            // A multi-targeting project has no Compile target of its own: scan the chosen or its first target framework.
            string? chosen = framework ?? await FirstTargetFrameworkAsync(projectPath, properties, cancellationToken).ConfigureAwait(false);
            if (chosen != null)
            {
                run = await RunAsync(projectPath, chosen, properties, cancellationToken).ConfigureAwait(false);
            }
        }

        if (run.ExitCode != 0)
        {
            throw new ProjectLoadException(projectPath, ErrorLines(run.Output));
        }

        using var json = JsonDocument.Parse(run.Json);
        var root = json.RootElement;
        string? targetFramework = root.GetProperty("Properties").TryGetProperty("TargetFramework", out var tfm) ? tfm.GetString() : null;
        var arguments = root.GetProperty("Items").TryGetProperty("CscCommandLineArgs", out var args)
            ? args.EnumerateArray().Select(a => a.GetProperty("Identity").GetString()!).ToList()
            : [];
        if (arguments.Count == 0)
        {
            throw new ProjectLoadException(projectPath, "the build did not reach the C# compiler (is it a C# project?)");
        }

        return new MSBuildProject(projectPath, string.IsNullOrEmpty(targetFramework) ? null : targetFramework, arguments);
    }

    private static async Task<string?> FirstTargetFrameworkAsync(string projectPath, IReadOnlyList<string> properties, CancellationToken cancellationToken)
    {
        var run = await RunProcessAsync([projectPath, "-nologo", "-getProperty:TargetFrameworks", .. properties.Select(p => "-property:" + p)], cancellationToken).ConfigureAwait(false);
        string frameworks = run.ExitCode == 0 ? run.Json.Trim() : string.Empty;
        return frameworks.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
    }

    /// <summary>
    /// Loads many projects in one MSBuild run (restore, then the build up to the compiler, in parallel nodes), which costs a
    /// fraction of one run per project. Projects that fail have no result here: load them one by one for their errors.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, MSBuildProject>> LoadManyAsync(IReadOnlyList<string> projects, string? framework, IReadOnlyList<string> properties, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("licenseguard-scan-");
        try
        {
            string traversal = Path.Combine(work.FullName, "scan.proj");
            File.WriteAllText(traversal, TraversalProject(projects));
            var arguments = new List<string> { traversal, "-restore", "-nologo", "-verbosity:quiet", "-maxCpuCount", "-nodeReuse:false", "-target:Scan" };
            arguments.AddRange(CommonProperties(properties));
            arguments.Add("-property:CustomAfterMicrosoftCommonCrossTargetingTargets=" + ScanTargets);
            arguments.Add("-property:LicenseGuardScanOutput=" + work.FullName);
            if (framework != null)
            {
                arguments.Add("-property:LicenseGuardScanFramework=" + framework);
            }

            // The exit code is not the verdict: a project that failed wrote no command line and is loaded again on its own.
            await RunProcessAsync(arguments, cancellationToken).ConfigureAwait(false);
            var loaded = new Dictionary<string, MSBuildProject>(StringComparer.Ordinal);
            foreach (string file in Directory.GetFiles(work.FullName, "*.rsp"))
            {
                var lines = File.ReadAllLines(file);
                if (lines.Length > 2 && lines[0].StartsWith("# ", StringComparison.Ordinal) && lines[1].StartsWith('#'))
                {
                    string project = Path.GetFullPath(lines[0][2..]);
                    string targetFramework = lines[1].TrimStart('#').Trim();
                    loaded[project] = new MSBuildProject(project, targetFramework.Length == 0 ? null : targetFramework, lines.Skip(2).Where(l => l.Length > 0).ToList());
                }
            }

            return loaded;
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>A project that restores each project (as Microsoft.Build.Traversal does) and asks each for its compiler inputs.</summary>
    private static string TraversalProject(IEnumerable<string> projects)
    {
        var text = new System.Text.StringBuilder("<Project>\n  <ItemGroup>\n");
        foreach (string project in projects)
        {
            text.Append("    <LicenseGuardScanProject Include=\"").Append(System.Security.SecurityElement.Escape(EscapeForMSBuild(project))).Append("\" />\n");
        }

        return text.Append("""
              </ItemGroup>
              <Target Name="Restore">
                <MSBuild Projects="@(LicenseGuardScanProject)" Targets="Restore" BuildInParallel="true" ContinueOnError="true" Properties="MSBuildRestoreSessionId=$([System.Guid]::NewGuid())" />
              </Target>
              <Target Name="Scan">
                <MSBuild Projects="@(LicenseGuardScanProject)" Targets="LicenseGuardScanInputs" BuildInParallel="true" ContinueOnError="true" />
              </Target>
            </Project>

            """).ToString();
    }

    private static string EscapeForMSBuild(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal).Replace("$", "%24", StringComparison.Ordinal)
            .Replace("@", "%40", StringComparison.Ordinal).Replace("'", "%27", StringComparison.Ordinal).Replace("*", "%2A", StringComparison.Ordinal).Replace("?", "%3F", StringComparison.Ordinal);

    private static IEnumerable<string> CommonProperties(IReadOnlyList<string> properties) =>
        new[]
        {
            "-property:SkipCompilerExecution=true", "-property:ProvideCommandLineArgs=true",
            "-property:BuildProjectReferences=false", "-property:NonExistentFile=__LicenseGuardScan__/always-compile",
            "-property:CustomAfterMicrosoftCommonTargets=" + ScanTargets,
        }.Concat(properties.Select(p => "-property:" + p));

    private static Task<(int ExitCode, string Json, string Output)> RunAsync(string projectPath, string? framework, IReadOnlyList<string> properties, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { projectPath, "-restore", "-nologo", "-verbosity:quiet", "-target:Compile", "-getItem:CscCommandLineArgs", "-getProperty:TargetFramework" };
        arguments.AddRange(CommonProperties(properties));
        if (framework != null)
        {
            arguments.Add("-property:TargetFramework=" + framework);
        }

        return RunProcessAsync(arguments, cancellationToken);
    }

    private static async Task<(int ExitCode, string Json, string Output)> RunProcessAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var (exitCode, output, errors) = await DotnetProcess.RunAsync(["msbuild", .. arguments], cancellationToken).ConfigureAwait(false);

        // With -getItem/-getProperty MSBuild prints JSON on standard output; diagnostics may precede it.
        int json = output.IndexOf('{', StringComparison.Ordinal);
        bool isJson = json >= 0 && output.TrimStart().StartsWith('{');
        return (exitCode, isJson ? output[json..] : output, output + errors);
    }

    private static string ErrorLines(string output)
    {
        var errors = output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Take(5).ToList();
        return errors.Count > 0 ? string.Join(Environment.NewLine, errors) : output.Trim().Split('\n').LastOrDefault()?.Trim() ?? "MSBuild failed";
    }
}

/// <summary>A project could not be restored or evaluated (exit code 2: an environment problem, not a finding).</summary>
internal sealed class ProjectLoadException(string project, string reason) : Exception($"{project}: {reason}")
{
    public string Project { get; } = project;

    public string Reason { get; } = reason;
}
