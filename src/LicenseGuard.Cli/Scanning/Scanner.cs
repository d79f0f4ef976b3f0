using System.Diagnostics;

namespace LicenseGuard.Cli.Scanning;

/// <summary>Scans projects in parallel: a design-time build each (restore, gather), then the analyzers in process.</summary>
internal static class Scanner
{
    public static async Task<ScanResult> RunAsync(string root, IReadOnlyList<string> projects, ScanSettings settings, ToolConsole console, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var scans = projects.Select(p => new ProjectScan(p)).ToArray();
        int done = 0;
        console.Progress($"Scanning {scans.Length} project(s)…");
        IReadOnlyDictionary<string, MSBuildProject> batch = new Dictionary<string, MSBuildProject>();
        if (scans.Length > 1)
        {
            console.Progress($"Restoring and evaluating {scans.Length} projects…");
            batch = await MSBuildProject.LoadManyAsync(projects, settings.Framework, settings.Properties, cancellationToken).ConfigureAwait(false);
            console.Detail($"{scans.Length} projects: restore and design-time build in one MSBuild run took {stopwatch.Elapsed.TotalMilliseconds:F0} ms; {scans.Length - batch.Count} to load one by one.");
        }

        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 1, 8) };
        await Parallel.ForEachAsync(scans, options, async (scan, token) =>
        {
            var step = Stopwatch.StartNew();
            try
            {
                var project = batch.TryGetValue(Path.GetFullPath(scan.Project), out var loaded)
                    ? loaded
                    : await MSBuildProject.LoadAsync(scan.Project, settings.Framework, settings.Properties, token).ConfigureAwait(false);
                scan.TargetFramework = project.TargetFramework;
                scan.LoadTime = step.Elapsed;
                await ProjectAnalysis.AnalyzeAsync(project, scan, settings.AnalyzeCode, token).ConfigureAwait(false);
            }
            catch (ProjectLoadException e)
            {
                scan.Error = e.Reason;
                await AnalyzePartlyAsync(scan, settings.AnalyzeCode, console, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A source or reference file vanished or is unreadable mid-scan: an environment problem of this project.
                scan.Error = e.Message;
            }

            int finished = Interlocked.Increment(ref done);
            console.Detail($"{Path.GetFileName(scan.Project)}: build {scan.LoadTime.TotalMilliseconds:F0} ms, analysis {scan.AnalysisTime.TotalMilliseconds:F0} ms, {scan.SourceFiles} C# file(s), {scan.Findings.Count} finding(s)");
            console.Progress($"Scanning: {finished}/{scans.Length} project(s) done, last {Path.GetFileName(scan.Project)}");
        }).ConfigureAwait(false);
        console.Progress(null);
        return new ScanResult(root, scans, settings.AnalyzeCode, stopwatch.Elapsed);
    }

    private static async Task AnalyzePartlyAsync(ProjectScan scan, bool analyzeCode, ToolConsole console, CancellationToken cancellationToken)
    {
        try
        {
            await PartialAnalysis.AnalyzeAsync(scan, analyzeCode, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Detail($"{Path.GetFileName(scan.Project)}: the partial scan failed too: {e.Message}");
        }
    }
}

/// <summary>How to scan: the target framework of multi-targeting projects, MSBuild properties, and whether to analyse C#.</summary>
internal sealed record ScanSettings(string? Framework, IReadOnlyList<string> Properties, bool AnalyzeCode);
