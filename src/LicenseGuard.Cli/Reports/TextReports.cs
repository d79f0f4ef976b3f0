using System.Text;
using LicenseGuard.Cli.Scanning;

namespace LicenseGuard.Cli.Reports;

/// <summary>The scan as a console table and as Markdown (for pull-request comments and compliance reviews).</summary>
internal static class TextReports
{
    public static string Table(ReportContext context)
    {
        var text = new StringBuilder();
        foreach (var project in context.Result.Projects)
        {
            text.AppendLine($"{context.Relative(project.Project)}{(project.TargetFramework == null ? string.Empty : " (" + project.TargetFramework + ")")}");
            if (project.Error != null && !project.Partial)
            {
                text.AppendLine($"  not scanned: {project.Error}");
                text.AppendLine();
                continue;
            }

            if (project.Partial)
            {
                text.AppendLine($"  partial: {project.Error}");
                text.AppendLine($"  ({project.PartialLimits})");
            }

            if (project.Findings.Count == 0)
            {
                text.AppendLine(project.Partial ? "  no findings in what could be checked" : project.Baselined.Count == 0 ? "  no findings" : $"  no new findings ({project.Baselined.Count} accepted by the baseline)");
                text.AppendLine();
                continue;
            }

            foreach (var group in project.Findings.GroupBy(f => f.Kind).OrderBy(g => KindOrder(g.Key)))
            {
                text.AppendLine($"  {ReportContext.KindTitle(group.Key)}");
                foreach (var finding in group)
                {
                    text.AppendLine($"    {finding.Severity,-7} {finding.Id}  {Where(context, finding)}");
                    text.AppendLine($"            {finding.Message}");
                    if (context.ShowPaths && finding.Property("path") is { } path && path.Contains(" > ", StringComparison.Ordinal))
                    {
                        text.AppendLine($"            via {path.Replace(" > ", " → ", StringComparison.Ordinal)}");
                    }
                }
            }

            if (project.Baselined.Count > 0)
            {
                text.AppendLine($"  ({project.Baselined.Count} more accepted by the baseline)");
            }

            text.AppendLine();
        }

        text.AppendLine(Summary(context));
        return text.ToString();
    }

    public static string Markdown(ReportContext context)
    {
        var text = new StringBuilder();
        text.AppendLine("# LicenseGuard scan");
        text.AppendLine();
        text.AppendLine(Summary(context));
        foreach (var project in context.Result.Projects)
        {
            text.AppendLine();
            text.AppendLine($"## {context.Relative(project.Project)}{(project.TargetFramework == null ? string.Empty : " (" + project.TargetFramework + ")")}");
            text.AppendLine();
            if (project.Error != null && !project.Partial)
            {
                text.AppendLine($"Not scanned: {Escape(project.Error)}");
                continue;
            }

            if (project.Partial)
            {
                text.AppendLine($"**Partial scan**: {Escape(project.Error!)}; {project.PartialLimits}.");
                text.AppendLine();
            }

            if (project.Findings.Count == 0)
            {
                text.AppendLine(project.Partial ? "No findings in what could be checked." : project.Baselined.Count == 0 ? "No findings." : $"No new findings ({project.Baselined.Count} accepted by the baseline).");
                continue;
            }

            foreach (var group in project.Findings.GroupBy(f => f.Kind).OrderBy(g => KindOrder(g.Key)))
            {
                text.AppendLine($"### {ReportContext.KindTitle(group.Key)}");
                text.AppendLine();
                text.AppendLine("| Severity | Rule | Where | Finding |");
                text.AppendLine("|---|---|---|---|");
                foreach (var finding in group)
                {
                    string rule = finding.HelpUri == null ? finding.Id : $"[{finding.Id}]({finding.HelpUri})";
                    text.AppendLine($"| {finding.Severity} | {rule} | `{Where(context, finding)}` | {Escape(finding.Message)} |");
                }

                text.AppendLine();
            }

            if (project.Baselined.Count > 0)
            {
                text.AppendLine($"{project.Baselined.Count} more finding(s) accepted by `licenseguard.baseline.json`.");
            }
        }

        return text.ToString();
    }

    public static string Summary(ReportContext context)
    {
        var findings = context.Result.Findings.ToList();
        int failed = context.Result.Projects.Count(p => p.Error != null && !p.Partial);
        int partial = context.Result.Projects.Count(p => p.Partial);
        int baselined = context.Result.Projects.Sum(p => p.Baselined.Count);
        return $"{findings.Count} finding(s): {findings.Count(f => f.Severity == "error")} error(s), {findings.Count(f => f.Severity == "warning")} warning(s), {findings.Count(f => f.Severity == "info")} info, "
            + $"in {context.Result.Projects.Count} project(s)"
            + (baselined > 0 ? $"; {baselined} accepted by baselines" : string.Empty)
            + (partial > 0 ? $"; {partial} project(s) scanned partially" : string.Empty)
            + (failed > 0 ? $"; {failed} project(s) could not be scanned" : string.Empty)
            + (context.Result.CodeAnalyzed ? string.Empty : "; C# code not analysed (--skip-code)")
            + ".";
    }

    private static string Where(ReportContext context, Finding finding) =>
        finding.File == null ? context.Relative(finding.Project) : $"{context.Relative(finding.File)}:{finding.Line}:{finding.Column}";

    private static int KindOrder(string kind) => kind switch
    {
        "ai-api" => 0,
        "weights" => 1,
        "dependencies" => 2,
        _ => 3,
    };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
