using System.Net;
using System.Text;
using LicenseGuard.Cli.Scanning;
using LicenseGuard.Policy;

namespace LicenseGuard.Cli.Reports;

/// <summary>
/// The scan as one self-contained page for a review with a manager or counsel: no network (inline CSS, SVG charts, a small
/// inline script), a summary with charts, then every finding with its location, alternatives and help link. Readable with
/// scripts off: the filters are the only thing the script adds. Each chart bar carries <c>data-key</c> and <c>data-count</c>
/// so a test can hold the page to the JSON report.
/// </summary>
internal static class HtmlReport
{
    public static string Write(ReportContext context)
    {
        var result = context.Result;
        var findings = result.Projects.SelectMany(p => p.Findings).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<title>LicenseGuard report: ").Append(Encode(Path.GetFileName(result.Root.TrimEnd('/', '\\')))).Append("</title>\n")
            .Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n");

        html.Append("<header><h1>LicenseGuard report</h1><p>")
            .Append(Encode(Path.GetFileName(result.Root.TrimEnd('/', '\\')))).Append(" · ")
            .Append(result.Projects.Count).Append(" project(s) · ")
            .Append("<span data-total=\"findings\">").Append(findings.Count).Append("</span> finding(s) · catalog of ")
            .Append(Encode(CatalogMarkdown.CatalogDate)).Append("</p>");
        foreach (var (path, digest) in context.RulesFiles())
        {
            html.Append("<p class=\"policy\">Policy: <code>").Append(Encode(path)).Append("</code> sha256:").Append(Encode(digest[..12])).Append("…</p>");
        }

        foreach (var project in result.Projects.Where(p => p.Error != null))
        {
            html.Append("<p class=\"problem\">").Append(project.Partial ? "Partial scan" : "Not scanned").Append(": <code>")
                .Append(Encode(context.Relative(project.Project))).Append("</code> — ").Append(Encode(project.Error!)).Append("</p>");
        }

        html.Append("</header>\n<main>\n<section class=\"charts\">\n");
        Chart(html, "findings-by-rule", "Findings by rule", findings.GroupBy(f => f.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())));
        Chart(html, "findings-by-project", "Findings by project", result.Projects.Select(p => (context.Relative(p.Project), p.Findings.Count)));
        Chart(html, "dependency-licence-classes", "Dependency licences by class", LicenceClasses(context));
        Chart(html, "ai-services", "Proprietary AI services (findings naming each)", Distinct(findings, "service"));
        Chart(html, "closed-models", "Closed models named in code or configuration (findings)", Distinct(findings.Where(f => f.Property("host") == null), "model"));
        Chart(html, "shipped-weights", "Weights shipped, by licence", ShippedWeights(context));
        html.Append("</section>\n");

        html.Append("<section>\n<h2>Findings</h2>\n<form class=\"filters\" hidden>")
            .Append(Select("rule", "Rule", findings.Select(f => f.Id)))
            .Append(Select("project", "Project", result.Projects.Select(p => context.Relative(p.Project))))
            .Append(Select("severity", "Severity", findings.Select(f => f.Severity)))
            .Append("<output data-shown></output></form>\n")
            .Append("<table>\n<thead><tr><th>Rule</th><th>Severity</th><th>Project</th><th>Location</th><th>Finding</th><th>Alternatives</th></tr></thead>\n<tbody>\n");
        foreach (var project in result.Projects)
        {
            foreach (var finding in project.Findings)
            {
                string where = finding.File == null ? context.Relative(finding.Project) : context.Relative(finding.File) + (finding.Line > 0 ? ":" + finding.Line : string.Empty);
                html.Append("<tr data-rule=\"").Append(Encode(finding.Id)).Append("\" data-project=\"").Append(Encode(context.Relative(project.Project)))
                    .Append("\" data-severity=\"").Append(Encode(finding.Severity)).Append("\"><td>");
                if (finding.HelpUri is { Length: > 0 } help)
                {
                    html.Append("<a href=\"").Append(Encode(help)).Append("\">").Append(Encode(finding.Id)).Append("</a>");
                }
                else
                {
                    html.Append(Encode(finding.Id));
                }

                html.Append("</td><td class=\"").Append(Encode(finding.Severity)).Append("\">").Append(Encode(finding.Severity)).Append("</td><td>")
                    .Append(Encode(context.Relative(project.Project))).Append("</td><td><code>").Append(Encode(where)).Append("</code></td><td>")
                    .Append(Encode(finding.Message)).Append("</td><td>")
                    .Append(Encode(string.Join(", ", (finding.Property("alternatives") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))))
                    .Append("</td></tr>\n");
            }
        }

        html.Append("</tbody>\n</table>\n");
        if (findings.Count == 0)
        {
            html.Append("<p>No findings.</p>\n");
        }

        int baselined = result.Projects.Sum(p => p.Baselined.Count);
        if (baselined > 0)
        {
            html.Append("<p>").Append(baselined).Append(" more finding(s) accepted by the baseline.</p>\n");
        }

        html.Append("</section>\n</main>\n<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static IEnumerable<(string Key, int Count)> Distinct(IEnumerable<Finding> findings, string property) =>
        findings.Where(f => f.Property(property) != null).GroupBy(f => f.Property(property)!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()));

    /// <summary>Every package of every scanned project once, by the class of its licence (the same reading as the BOM's).</summary>
    private static IEnumerable<(string Key, int Count)> LicenceClasses(ReportContext context)
    {
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var project in context.Result.Projects)
        {
            var catalog = context.CatalogOf(project);
            foreach (var package in project.Inventory?.Packages ?? [])
            {
                var (expression, _) = DependencyEvaluator.ResolveLicense(package, catalog);
                classes.TryAdd(package.Id + "/" + package.Version, expression == null ? "unknown" : string.Join(" / ", expression.Terms.Select(t => DependencyEvaluator.ClassOf(t, catalog)).Distinct()));
            }
        }

        return classes.Values.GroupBy(c => c, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()));
    }

    private static IEnumerable<(string Key, int Count)> ShippedWeights(ReportContext context) =>
        context.Result.Projects
            .SelectMany(project => project.Inventory == null ? [] : WeightsEvaluator.Evaluate(project.Inventory.Weights, context.CatalogOf(project)))
            .GroupBy(weight => weight.License, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()));

    /// <summary>A horizontal bar chart in inline SVG, with the numbers as text so it reads without colour or scripts.</summary>
    private static void Chart(StringBuilder html, string id, string title, IEnumerable<(string Key, int Count)> bars)
    {
        var list = bars.Where(b => b.Count > 0).ToList();
        html.Append("<figure data-chart=\"").Append(id).Append("\"><figcaption>").Append(Encode(title)).Append("</figcaption>");
        if (list.Count == 0)
        {
            html.Append("<p class=\"none\">None</p></figure>\n");
            return;
        }

        const int rowHeight = 22;
        const int labelWidth = 220;
        const int barWidth = 260;
        int max = list.Max(b => b.Count);
        html.Append("<svg role=\"img\" aria-label=\"").Append(Encode(title)).Append("\" viewBox=\"0 0 ").Append(labelWidth + barWidth + 50).Append(' ')
            .Append(list.Count * rowHeight).Append("\" width=\"").Append(labelWidth + barWidth + 50).Append("\" height=\"").Append(list.Count * rowHeight).Append("\">");
        for (int i = 0; i < list.Count; i++)
        {
            var (key, count) = list[i];
            int width = Math.Max(2, count * barWidth / max);
            int y = i * rowHeight;
            string label = key.Length > 34 ? "…" + key[^33..] : key;
            html.Append("<g data-key=\"").Append(Encode(key)).Append("\" data-count=\"").Append(count).Append("\"><title>").Append(Encode(key)).Append(": ").Append(count).Append("</title>")
                .Append("<text x=\"").Append(labelWidth - 6).Append("\" y=\"").Append(y + 15).Append("\" text-anchor=\"end\">").Append(Encode(label)).Append("</text>")
                .Append("<rect x=\"").Append(labelWidth).Append("\" y=\"").Append(y + 4).Append("\" width=\"").Append(width).Append("\" height=\"").Append(rowHeight - 8).Append("\"></rect>")
                .Append("<text x=\"").Append(labelWidth + width + 6).Append("\" y=\"").Append(y + 15).Append("\">").Append(count).Append("</text></g>");
        }

        html.Append("</svg></figure>\n");
    }

    private static string Select(string name, string label, IEnumerable<string> values) =>
        $"<label>{label} <select name=\"{name}\"><option value=\"\">all</option>"
        + string.Concat(values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(v => $"<option>{Encode(v)}</option>"))
        + "</select></label> ";

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private const string Css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1f24;background:#fff}
        header{padding:16px 24px;border-bottom:1px solid #d0d7de;background:#f6f8fa}h1{margin:0 0 4px;font-size:22px}
        header p{margin:2px 0}.problem{color:#9a3412}main{padding:16px 24px}
        .charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0;padding:12px;border:1px solid #d0d7de;border-radius:6px}
        figcaption{font-weight:600;margin-bottom:6px}svg text{font-size:12px;fill:#1b1f24}svg rect{fill:#0969da}.none{color:#57606a}
        table{border-collapse:collapse;width:100%;margin-top:8px}th,td{border-bottom:1px solid #d0d7de;padding:6px 8px;text-align:left;vertical-align:top}
        th{background:#f6f8fa}td.error{color:#cf222e;font-weight:600}td.warning{color:#9a6700;font-weight:600}
        .filters label{margin-right:12px}code{font-size:12px}
        """;

    // Shows the filters (hidden without scripts, when every finding is shown) and hides the rows they exclude.
    private const string Script = """
        (function(){
          var form=document.querySelector('form.filters');if(!form)return;form.hidden=false;
          var rows=[].slice.call(document.querySelectorAll('tbody tr'));var shown=form.querySelector('output');
          function apply(){var n=0;rows.forEach(function(r){var ok=['rule','project','severity'].every(function(k){var v=form.elements[k].value;return !v||r.getAttribute('data-'+k)===v;});r.hidden=!ok;if(ok)n++;});shown.textContent=n+' of '+rows.length+' shown';}
          form.addEventListener('change',apply);apply();
        })();
        """;
}
