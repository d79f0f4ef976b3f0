using System.CommandLine;
using LicenseGuard.Analyzers;
using LicenseGuard.Cli.Reports;
using LicenseGuard.Cli.Scanning;

namespace LicenseGuard.Cli;

/// <summary>
/// <c>licenseguard scan [sln|csproj|dir]</c>: gathers each project's facts and runs LicenseGuard's analyzers over its code,
/// as a build with the package would, and reports every finding in one place.
/// </summary>
internal static class ScanCommand
{
    internal static readonly Argument<string> PathArgument = new("path") { Description = "A solution (.sln, .slnx), a project (.csproj) or a folder (default: the current folder).", DefaultValueFactory = _ => "." };

    internal static readonly Option<string?> FrameworkOption = new("--framework", "-f") { Description = "The target framework to scan in multi-targeting projects (default: the first one)." };

    internal static readonly Option<string[]> PropertyOption = new("--property", "-p") { Description = "An MSBuild property for the projects' design-time builds, as name=value (e.g. Configuration=Release); repeatable." };

    internal static readonly Option<bool> SkipCodeOption = new("--skip-code") { Description = "Judge packages and model weights only; do not compile and analyse C# code (faster)." };

    private static readonly Option<string> FormatOption = new("--format") { Description = "Report format: table, json, sarif, cyclonedx (CycloneDX 1.6 AI-BOM: packages, shipped and named models, AI services, the policy), cyclonedx-1.7, markdown or html (one self-contained page with charts and filters).", DefaultValueFactory = _ => "table" };

    private static readonly Option<string> FailOnOption = new("--fail-on") { Description = "Exit with code 1 when a finding is at least this severe: error, warning or info.", DefaultValueFactory = _ => "error" };

    static ScanCommand()
    {
        FormatOption.AcceptOnlyFromAmong("table", "json", "sarif", "cyclonedx", "cyclonedx-1.7", "markdown", "html");
        FailOnOption.AcceptOnlyFromAmong("error", "warning", "info");
    }

    public static Command Create()
    {
        var command = new Command("scan", "Scan projects for proprietary AI APIs, shipped model weights and dependency licences; report as a table, JSON, SARIF, CycloneDX or Markdown.")
        {
            PathArgument, FormatOption, CommonOptions.Json, CommonOptions.Output, FailOnOption, FrameworkOption, PropertyOption, SkipCodeOption, CommonOptions.NoPaths, CommonOptions.Verbosity,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var console = new ToolConsole(parse.GetValue(CommonOptions.Verbosity)!);
        string format = parse.GetValue(CommonOptions.Json) ? "json" : parse.GetValue(FormatOption)!;
        string failOn = parse.GetValue(FailOnOption)!;
        var result = await ScanAsync(parse, console, cancellationToken).ConfigureAwait(false);

        var context = new ReportContext(result, failOn, !parse.GetValue(CommonOptions.NoPaths));
        string report = format switch
        {
            "json" => JsonReports.Json(context),
            "sarif" => JsonReports.Sarif(context),
            "cyclonedx" => JsonReports.CycloneDx(context),
            "cyclonedx-1.7" => JsonReports.CycloneDx(context, "1.7"),
            "markdown" => TextReports.Markdown(context),
            "html" => HtmlReport.Write(context),
            _ => TextReports.Table(context),
        };
        Write(parse.GetValue(CommonOptions.Output), report, console);
        if (format != "table")
        {
            console.Info(TextReports.Summary(context));
        }

        foreach (var failed in result.Projects.Where(p => p.Error != null))
        {
            console.Error(failed.Partial
                ? $"{context.Relative(failed.Project)}: scanned partially, {failed.PartialLimits}: {failed.Error}"
                : $"{context.Relative(failed.Project)}: not scanned: {failed.Error}");
        }

        foreach (var crash in result.Findings.Where(f => f.Id == AnalyzerCrashed))
        {
            console.Error($"{context.Relative(crash.File ?? crash.Project)}: a LicenseGuard analyzer failed; please report this: {crash.Message}");
        }

        console.Detail($"Scan took {result.Elapsed.TotalSeconds:F1} s.");
        return ExitCodeOf(result, failOn);
    }

    internal static async Task<ScanResult> ScanAsync(ParseResult parse, ToolConsole console, CancellationToken cancellationToken)
    {
        string path = parse.GetValue(PathArgument)!;
        var properties = parse.GetValue(PropertyOption) ?? [];
        if (properties.FirstOrDefault(p => p.IndexOf('=', StringComparison.Ordinal) <= 0) is { } bad)
        {
            throw new UsageException($"--property '{bad}' is not name=value.");
        }

        var projects = ProjectLocator.Find(path);
        string full = Path.GetFullPath(path);
        string root = Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
        return await Scanner.RunAsync(root, projects, new ScanSettings(parse.GetValue(FrameworkOption), properties, !parse.GetValue(SkipCodeOption)), console, cancellationToken).ConfigureAwait(false);
    }

    internal static void Write(string? output, string report, ToolConsole console)
    {
        if (output != null)
        {
            File.WriteAllText(output, report);
            console.Info($"Wrote {output}.");
        }
        else
        {
            Console.Out.Write(report);
        }
    }

    /// <summary>Roslyn's id for an analyzer that threw; in LicenseGuard that is always a bug.</summary>
    private const string AnalyzerCrashed = "AD0001";

    /// <summary>
    /// 70 when an analyzer failed (a bug), 2 when a project could not be scanned, 3 for an invalid rules file, 1 for findings
    /// at or above --fail-on.
    /// </summary>
    internal static int ExitCodeOf(ScanResult result, string failOn)
    {
        if (result.Findings.Any(f => f.Id == AnalyzerCrashed))
        {
            return ExitCodes.InternalError;
        }

        if (result.Projects.Any(p => p.Error != null))
        {
            return ExitCodes.UsageError;
        }

        if (result.Findings.Any(f => f.Id == DiagnosticIds.RulesFileInvalid))
        {
            return ExitCodes.InvalidRulesFile;
        }

        return result.Findings.Any(f => Finding.Rank(f.Severity) >= Finding.Rank(failOn)) ? ExitCodes.Findings : ExitCodes.Success;
    }
}
