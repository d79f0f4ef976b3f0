using System.Diagnostics;
using System.Text.Json;

namespace LicenseGuard.Cli.Scanning;

/// <summary>What a design-time build of one project says: the compiler's command line and a few properties.</summary>
internal sealed record MSBuildProject(string ProjectPath, string? TargetFramework, IReadOnlyList<string> CompilerArguments)
{
    private static readonly string ScanTargets = Path.Combine(AppContext.BaseDirectory, "msbuild", "LicenseGuard.Scan.targets");

    /// <summary>
    /// Restores the project and runs its build up to the compiler without running the compiler (as IDEs do), with
    /// LicenseGuard's build integration imported, so the gather task writes the inventory and the compiler's command line
    /// lists every input a real build would hand to the analyzer. Referenced projects are not built.
    /// </summary>
    public static async Task<MSBuildProject> LoadAsync(string projectPath, string? framework, IReadOnlyList<string> properties, CancellationToken cancellationToken)
    {
        var run = await RunAsync(projectPath, framework, properties, cancellationToken).ConfigureAwait(false);
        if (run.ExitCode != 0 && framework == null && run.Output.Contains("MSB4057", StringComparison.Ordinal))
        {
            // A multi-targeting project has no Compile target of its own: scan its first target framework.
            string? first = await FirstTargetFrameworkAsync(projectPath, properties, cancellationToken).ConfigureAwait(false);
            if (first != null)
            {
                run = await RunAsync(projectPath, first, properties, cancellationToken).ConfigureAwait(false);
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

    private static Task<(int ExitCode, string Json, string Output)> RunAsync(string projectPath, string? framework, IReadOnlyList<string> properties, CancellationToken cancellationToken)
    {
        var arguments = new List<string>
        {
            projectPath, "-restore", "-nologo", "-verbosity:quiet", "-target:Compile",
            "-property:SkipCompilerExecution=true", "-property:ProvideCommandLineArgs=true",
            "-property:BuildProjectReferences=false", "-property:NonExistentFile=__LicenseGuardScan__/always-compile",
            "-property:CustomAfterMicrosoftCommonTargets=" + ScanTargets,
            "-getItem:CscCommandLineArgs", "-getProperty:TargetFramework",
        };
        arguments.AddRange(properties.Select(p => "-property:" + p));
        if (framework != null)
        {
            arguments.Add("-property:TargetFramework=" + framework);
        }

        return RunProcessAsync(arguments, cancellationToken);
    }

    private static async Task<(int ExitCode, string Json, string Output)> RunProcessAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("msbuild");
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The SDK's own terminal logger and telemetry banner would mix with the JSON on standard output.
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        using var registration = cancellationToken.Register(() =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
        });
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        string output = await stdout.ConfigureAwait(false);
        string errors = await stderr.ConfigureAwait(false);

        // With -getItem/-getProperty MSBuild prints JSON on standard output; diagnostics may precede it.
        int json = output.IndexOf('{', StringComparison.Ordinal);
        bool isJson = json >= 0 && output.TrimStart().StartsWith('{');
        return (process.ExitCode, isJson ? output[json..] : output, output + errors);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

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
