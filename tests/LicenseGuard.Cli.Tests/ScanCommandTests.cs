using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace LicenseGuard.Cli.Tests;

/// <summary>`licenseguard scan` over real projects, through the real tool: every format, exit codes and failures.</summary>
public sealed class ScanCommandTests(ScanWorkspace workspace) : IClassFixture<ScanWorkspace>
{
    [Fact]
    public void TableGroupsFindingsByProjectAndKindWithAlternatives()
    {
        string root = workspace.Copy();

        var (code, stdout, stderr) = ScanWorkspace.Tool(root, "scan");

        Assert.True(code == 0, stderr + stdout);
        string triage = Path.Combine(root, "App", "TicketTriage.cs");
        Assert.Contains("App/App.csproj (net10.0)", stdout);
        Assert.Contains("  Proprietary AI APIs", stdout);
        Assert.Contains("  Model weights", stdout);
        Assert.Contains("  Dependencies", stdout);
        Assert.Contains($"warning LG1001  App/TicketTriage.cs:{ScanWorkspace.LineOf(triage, "new ChatClient")}:", stdout);
        Assert.Contains($"warning LG1003  App/TicketTriage.cs:{ScanWorkspace.LineOf(triage, "\"gpt-4o-mini\"")}:", stdout);
        Assert.Contains("Open alternatives: Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp", stdout);
        Assert.Contains("LG2001  App/App.csproj:", stdout);
        Assert.Contains("LG3003  App/App.csproj:", stdout);
        Assert.Contains("Clean/Clean.csproj (net10.0)\n  no findings", stdout.Replace("\r", string.Empty, StringComparison.Ordinal));
        Assert.Contains("in 2 project(s)", stdout);
    }

    [Fact]
    public void FailOnWarningExitsWithOneAndSkipCodeLeavesOnlyProjectFindings()
    {
        string root = workspace.Copy();

        var (code, stdout, _) = ScanWorkspace.Tool(root, "scan", "App/App.csproj", "--fail-on", "warning", "--skip-code", "--json");

        Assert.Equal(1, code);
        var findings = JsonNode.Parse(stdout)!["projects"]![0]!["findings"]!.AsArray();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.DoesNotContain(f!["id"]!.GetValue<string>(), new[] { "LG1001", "LG1002", "LG1003" }));
        Assert.False(JsonNode.Parse(stdout)!["parameters"]!["codeAnalyzed"]!.GetValue<bool>());
    }

    [Fact]
    public void JsonCarriesVersionFindingsWithFilesLinesFingerprintsAndProperties()
    {
        string root = workspace.Copy();
        string output = Path.Combine(root, "scan.json");

        var (code, stdout, stderr) = ScanWorkspace.Tool(root, "scan", ".", "--format", "json", "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Empty(stdout);
        Assert.Contains("finding(s)", stderr);
        var report = JsonNode.Parse(File.ReadAllText(output))!;
        Assert.Equal(1, report["version"]!.GetValue<int>());
        Assert.Empty(report["problems"]!.AsArray());
        var app = report["projects"]!.AsArray().Single(p => p!["project"]!.GetValue<string>() == "App/App.csproj")!;
        var call = app["findings"]!.AsArray().First(f => f!["id"]!.GetValue<string>() == "LG1001")!;
        Assert.Equal("warning", call["severity"]!.GetValue<string>());
        Assert.Equal("ai-api", call["kind"]!.GetValue<string>());
        Assert.Equal("App/TicketTriage.cs", call["file"]!.GetValue<string>());
        Assert.Equal(ScanWorkspace.LineOf(Path.Combine(root, "App", "TicketTriage.cs"), "new ChatClient"), call["line"]!.GetValue<int>());
        Assert.Matches("^[0-9a-f]{16}$", call["fingerprint"]!.GetValue<string>());
        Assert.Equal("openai", call["properties"]!["service"]!.GetValue<string>());
        Assert.Equal("chat", call["properties"]!["task"]!.GetValue<string>());
        Assert.StartsWith("qwen2.5-7b@ollamasharp,", call["properties"]!["alternatives"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/docs/rules/LG1001.md", call["helpUri"]!.GetValue<string>(), StringComparison.Ordinal);
        var package = app["findings"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "LG3003")!;
        Assert.Equal("OpenAI", package["properties"]!["package"]!.GetValue<string>());

        // The HTML page of the same scan charts what the JSON report holds (one test: each scan costs CI seconds).
        var (htmlCode, html, htmlErrors) = ScanWorkspace.Tool(root, "scan", "--format", "html");
        Assert.True(htmlCode == 0, htmlErrors);
        AssertHtmlIsSelfContainedAndCounts(html, report);
    }

    [Fact]
    public void SarifHasRulesResultsWithRegionsAndFingerprintsAndWhatCodeScanningNeeds()
    {
        string root = workspace.Copy();

        var (code, stdout, stderr) = ScanWorkspace.Tool(root, "scan", "--format", "sarif");

        Assert.True(code == 0, stderr);
        var sarif = JsonNode.Parse(stdout)!;
        Assert.Equal("2.1.0", sarif["version"]!.GetValue<string>());
        Assert.StartsWith("20", sarif["runs"]![0]!["properties"]!["licenseguard:catalogDate"]!.GetValue<string>(), StringComparison.Ordinal);
        var run = sarif["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("LG1001", rules);
        Assert.Contains("LG9003", rules);
        var result = run["results"]!.AsArray().First(r => r!["ruleId"]!.GetValue<string>() == "LG1003")!;
        Assert.Equal("warning", result["level"]!.GetValue<string>());
        var location = result["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("App/TicketTriage.cs", location["artifactLocation"]!["uri"]!.GetValue<string>());
        Assert.Equal("SRCROOT", location["artifactLocation"]!["uriBaseId"]!.GetValue<string>());
        Assert.Equal(ScanWorkspace.LineOf(Path.Combine(root, "App", "TicketTriage.cs"), "\"gpt-4o-mini\""), location["region"]!["startLine"]!.GetValue<int>());
        Assert.NotNull(result["partialFingerprints"]!["licenseguardFingerprint/v1"]);
        Assert.Equal("chat", result["properties"]!["task"]!.GetValue<string>());
        Assert.Equal("qwen2.5-7b@ollamasharp", result["properties"]!["alternatives"]![0]!.GetValue<string>());
        Assert.True(run["invocations"]![0]!["executionSuccessful"]!.GetValue<bool>());

        // What code scanning needs: the official schema, rules with help and tags, and fingerprints and relative locations
        // that are the same when the same code is scanned from another folder (alerts are matched across runs by them).
        var (_, elsewhere, _) = ScanWorkspace.Tool(workspace.Copy(), "scan", "--format", "sarif");
        using (var document = JsonDocument.Parse(stdout))
        {
            var evaluation = SarifSchema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }

        var broken = JsonNode.Parse(stdout)!;
        broken["runs"]![0]!["results"]![0]!["level"] = "catastrophic";
        using (var invalid = JsonDocument.Parse(broken.ToJsonString()))
        {
            Assert.False(SarifSchema.Value.Evaluate(invalid.RootElement).IsValid, "the schema check must be able to fail");
        }

        // Every rule has help and tags; every result a relative location under SRCROOT and a fingerprint that is the same
        // when the same code is scanned from another folder (code scanning matches alerts across runs by it).
        foreach (var rule in run["tool"]!["driver"]!["rules"]!.AsArray())
        {
            Assert.False(string.IsNullOrWhiteSpace(rule!["help"]!["text"]!.GetValue<string>()));
            Assert.Contains("licenseguard", rule["properties"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
            Assert.StartsWith("https://", rule["helpUri"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        static List<string> Fingerprints(JsonNode run) => run["results"]!.AsArray()
            .Select(r => r!["ruleId"]!.GetValue<string>() + " " + r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>() + " " + r["partialFingerprints"]!["licenseguardFingerprint/v1"]!.GetValue<string>())
            .Order(StringComparer.Ordinal).ToList();
        var fingerprints = Fingerprints(run);
        Assert.NotEmpty(fingerprints);
        Assert.Equal(fingerprints, Fingerprints(JsonNode.Parse(elsewhere)!["runs"]![0]!));
        Assert.All(run["results"]!.AsArray(), r => Assert.DoesNotContain(":", r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public void CycloneDxValidatesAgainstTheOfficialSchemaAndListsPackagesModelsAndServices()
    {
        string root = workspace.Copy();
        const string rules = "{ \"policy\": { \"classes\": { \"strong-copyleft\": \"deny\" } } }\n";
        File.WriteAllText(Path.Combine(root, "licenseguard.json"), rules);
        string digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(rules))).ToLowerInvariant();

        var (code, stdout, stderr) = ScanWorkspace.Tool(root, "scan", "--format", "cyclonedx");

        Assert.True(code == 0, stderr);
        using (var document = JsonDocument.Parse(stdout))
        {
            var evaluation = CycloneDxSchema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }

        var bom = JsonNode.Parse(stdout)!;
        Assert.Equal("1.6", bom["specVersion"]!.GetValue<string>());
        var broken = JsonNode.Parse(stdout)!;
        broken["components"]![0]!["type"] = "not-a-component-type";
        using (var invalid = JsonDocument.Parse(broken.ToJsonString()))
        {
            Assert.False(CycloneDxSchema.Value.Evaluate(invalid.RootElement).IsValid, "the schema check must be able to fail");
        }

        var components = bom["components"]!.AsArray();
        var openai = components.Single(c => c!["purl"]?.GetValue<string>() == "pkg:nuget/OpenAI@2.15.0")!;
        Assert.Equal("library", openai["type"]!.GetValue<string>());
        Assert.Equal("MIT", openai["licenses"]![0]!["expression"]!.GetValue<string>());
        var model = components.Single(c => c!["bom-ref"]!.GetValue<string>().StartsWith("model:", StringComparison.Ordinal))!;
        // A licence outside the SPDX list by its name and URL, not an unresolved LicenseRef expression.
        Assert.Contains("Llama 3.1", model["licenses"]![0]!["license"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("https://", model["licenses"]![0]!["license"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("llama", model["modelCard"]!["modelParameters"]!["architectureFamily"]!.GetValue<string>());
        var properties = model["properties"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>() + "=" + p["value"]!.GetValue<string>(), _ => true);
        Assert.Contains("licenseguard:file=App/models/llama-3.1-8b-instruct.Q4_K_M.gguf", properties.Keys);
        Assert.Contains(properties.Keys, k => k.StartsWith("licenseguard:licenseSource=file metadata", StringComparison.Ordinal));
        Assert.Equal("Meta", model["supplier"]!["name"]!.GetValue<string>());
        Assert.Contains(model["externalReferences"]!.AsArray(), r => r!["type"]!.GetValue<string>() == "distribution" && r["url"]!.GetValue<string>() == "https://huggingface.co/bartowski/Meta-Llama-3.1-8B-Instruct-GGUF");
        var service = bom["services"]!.AsArray().Single()!;
        Assert.Equal("OpenAI", service["provider"]!["name"]!.GetValue<string>());
        Assert.Contains("https://api.openai.com", service["endpoints"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.True(service["x-trust-boundary"]!.GetValue<bool>());
        Assert.Contains(service["data"]!.AsArray(), d => d!["flow"]!.GetValue<string>() == "outbound");

        // The closed model the code names is a component of its own, linked to the service that runs it.
        var closed = components.Single(c => c!["bom-ref"]!.GetValue<string>() == "closed-model:gpt-4o-mini")!;
        Assert.Equal("machine-learning-model", closed["type"]!.GetValue<string>());
        Assert.Equal("chat", closed["modelCard"]!["modelParameters"]!["task"]!.GetValue<string>());
        Assert.Contains(closed["properties"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "licenseguard:openWeights" && p["value"]!.GetValue<string>() == "false");
        var modelDependency = bom["dependencies"]!.AsArray().Single(d => d!["ref"]!.GetValue<string>() == "closed-model:gpt-4o-mini")!;
        Assert.Equal(["service:openai"], modelDependency["dependsOn"]!.AsArray().Select(d => d!.GetValue<string>()));

        // The BOM says what judged it: the catalog's date and each rules file with the digest of its text.
        var metadata = bom["metadata"]!["properties"]!.AsArray().Select(p => p!["name"]!.GetValue<string>() + "=" + p["value"]!.GetValue<string>()).ToList();
        Assert.Contains(metadata, p => p.StartsWith("licenseguard:catalogDate=20", StringComparison.Ordinal));
        Assert.Contains("licenseguard:policy=licenseguard.json sha256:" + digest, metadata);
    }

    [Fact]
    public void CycloneDx17IsWrittenOnRequestAndValidatesAgainstItsSchema()
    {
        string root = workspace.Copy();

        var (code, stdout, stderr) = ScanWorkspace.Tool(root, "scan", "--format", "cyclonedx-1.7");

        Assert.True(code == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal("1.7", document.RootElement.GetProperty("specVersion").GetString());
        var evaluation = CycloneDxSchemaOf("1.7").Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void MarkdownHasAHeadingPerProjectAndATablePerKind()
    {
        string root = workspace.Copy();

        var (code, stdout, stderr) = ScanWorkspace.Tool(root, "scan", "--format", "markdown");

        Assert.True(code == 0, stderr);
        Assert.StartsWith("# LicenseGuard scan", stdout, StringComparison.Ordinal);
        Assert.Contains("## App/App.csproj (net10.0)", stdout);
        Assert.Contains("### Proprietary AI APIs", stdout);
        Assert.Contains("| Severity | Rule | Where | Finding |", stdout);
        Assert.Contains("| warning | [LG1001](", stdout);
        Assert.Contains("No findings.", stdout);
    }

    [Fact]
    public void SolutionFilesListTheProjectsToScan()
    {
        string root = workspace.Copy();
        File.WriteAllText(Path.Combine(root, "Both.slnx"), "<Solution>\n  <Project Path=\"Clean/Clean.csproj\" />\n</Solution>\n");

        var (code, stdout, stderr) = ScanWorkspace.Tool(root, "scan", "Both.slnx", "--json");

        Assert.True(code == 0, stderr);
        var projects = JsonNode.Parse(stdout)!["projects"]!.AsArray();
        Assert.Equal("Clean/Clean.csproj", Assert.Single(projects)!["project"]!.GetValue<string>());
    }

    [Fact]
    public void MultiTargetingProjectsAreScannedForTheFirstOrTheChosenFramework()
    {
        string root = workspace.Copy();
        string project = Path.Combine(root, "App", "App.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>net10.0;net8.0</TargetFrameworks>", StringComparison.Ordinal));

        var first = ScanWorkspace.Tool(root, "scan", "App", "--json");
        var chosen = ScanWorkspace.Tool(root, "scan", "App", "--json", "--framework", "net8.0");

        Assert.True(first.ExitCode == 0, first.Stderr + first.Stdout);
        Assert.True(chosen.ExitCode == 0, chosen.Stderr + chosen.Stdout);
        var firstProject = JsonNode.Parse(first.Stdout)!["projects"]![0]!;
        var chosenProject = JsonNode.Parse(chosen.Stdout)!["projects"]![0]!;
        Assert.Equal("net10.0", firstProject["targetFramework"]!.GetValue<string>());
        Assert.Equal("net8.0", chosenProject["targetFramework"]!.GetValue<string>());
        Assert.Contains(chosenProject["findings"]!.AsArray(), f => f!["id"]!.GetValue<string>() == "LG1001");
    }

    [Fact]
    public void ManyProjectsLoadInOneMSBuildRunIncludingMultiTargetingOnes()
    {
        string root = workspace.Copy();
        string project = Path.Combine(root, "App", "App.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>net10.0;net8.0</TargetFrameworks>", StringComparison.Ordinal));

        var (code, stdout, stderr) = ScanWorkspace.Tool(root, "scan", "--json", "--framework", "net8.0", "-v", "detailed");

        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("2 projects: restore and design-time build in one MSBuild run", stderr);
        Assert.Contains("0 to load one by one", stderr);
        var projects = JsonNode.Parse(stdout)!["projects"]!.AsArray().ToDictionary(p => p!["project"]!.GetValue<string>(), p => p!);
        Assert.Equal("net8.0", projects["App/App.csproj"]["targetFramework"]!.GetValue<string>());
        Assert.Equal("net10.0", projects["Clean/Clean.csproj"]["targetFramework"]!.GetValue<string>());
        Assert.Contains(projects["App/App.csproj"]["findings"]!.AsArray(), f => f!["id"]!.GetValue<string>() == "LG1001");
    }

    [Fact]
    public void ProjectThatCannotRestoreIsScannedPartiallyInEveryFormatAndExitsWithTwo()
    {
        string root = workspace.Copy();
        File.WriteAllText(Path.Combine(root, "Clean", "Directory.Packages.props"), """
            <Project>
              <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="OpenAI" Version="2.15.0" />
                <PackageVersion Include="LicenseGuard.Does.Not.Exist.Anywhere" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(root, "Clean", "Clean.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="LicenseGuard.Does.Not.Exist.Anywhere" />
                <PackageReference Include="OpenAI" />
              </ItemGroup>
            </Project>
            """);
        string source = Path.Combine(root, "Clean", "Drafts.cs");
        File.WriteAllText(source, """
            using OpenAI.Chat;
            static class Drafts
            {
                const string Endpoint = "https://api.openai.com/v1/chat/completions";
                static ChatClient Client(string key) => new ChatClient("gpt-4o-mini", key);
                const string Note = "Drafts are written with gpt-4o-mini.";
            }
            """);

        File.WriteAllText(Path.Combine(root, "Clean", "appsettings.json"), "{\n  \"Summaries\": { \"Model\": \"o3\" }\n}\n");

        var (code, stdout, stderr) = ScanWorkspace.Tool(root, "scan", "--json");

        Assert.Equal(2, code);
        Assert.Contains("Clean/Clean.csproj: scanned partially", stderr);
        var report = JsonNode.Parse(stdout)!;
        var problem = Assert.Single(report["problems"]!.AsArray())!;
        Assert.Equal("Clean/Clean.csproj", problem["project"]!.GetValue<string>());
        Assert.True(problem["partial"]!.GetValue<bool>());
        Assert.Contains("NU1101", problem["message"]!.GetValue<string>());
        var clean = report["projects"]!.AsArray().Single(p => p!["project"]!.GetValue<string>() == "Clean/Clean.csproj")!;
        Assert.Equal((false, true), (clean["scanned"]!.GetValue<bool>(), clean["partial"]!.GetValue<bool>()));

        // Endpoint and model id from the source and the configuration file, the AI SDK (its version from central package
        // management) from the project file; no SDK call (that needs the restored SDK), nothing from the prose.
        var findings = clean["findings"]!.AsArray().Select(f => (Id: f!["id"]!.GetValue<string>(), File: f["file"]!.GetValue<string>(), Line: f["line"]!.GetValue<int>(), Message: f["message"]!.GetValue<string>())).ToList();
        Assert.Equal(
            new[] { ("LG1002", "Clean/Drafts.cs", 4), ("LG1003", "Clean/Drafts.cs", 5), ("LG1003", "Clean/appsettings.json", 2), ("LG3003", "Clean/Clean.csproj", 5) },
            findings.Select(f => (f.Id, f.File, f.Line)).OrderBy(f => f.Id).ThenBy(f => f.File, StringComparer.Ordinal));
        Assert.StartsWith("Package OpenAI 2.15.0 is an SDK of OpenAI API (proprietary, api-only).", findings.Single(f => f.Id == "LG3003").Message);
        Assert.Contains(report["projects"]!.AsArray(), p => p!["project"]!.GetValue<string>() == "App/App.csproj" && p["findings"]!.AsArray().Count > 0);

        var (_, table, _) = ScanWorkspace.Tool(root, "scan");
        Assert.Contains("Clean/Clean.csproj\n  partial: ", table.Replace("\r", string.Empty, StringComparison.Ordinal));
        Assert.Contains("1 project(s) scanned partially", table);

        var (_, sarifText, _) = ScanWorkspace.Tool(root, "scan", "--format", "sarif");
        var run = JsonNode.Parse(sarifText)!["runs"]![0]!;
        var notification = Assert.Single(run["invocations"]![0]!["toolExecutionNotifications"]!.AsArray())!;
        Assert.Equal("warning", notification["level"]!.GetValue<string>());
        Assert.StartsWith("Clean/Clean.csproj: partial scan:", notification["message"]!["text"]!.GetValue<string>());
        Assert.False(run["invocations"]![0]!["executionSuccessful"]!.GetValue<bool>());
        Assert.Contains(run["results"]!.AsArray(), r => r!["ruleId"]!.GetValue<string>() == "LG1003" && r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>() == "Clean/Drafts.cs");

        var (_, bomText, _) = ScanWorkspace.Tool(root, "scan", "--format", "cyclonedx");
        using (var bom = JsonDocument.Parse(bomText))
        {
            Assert.True(CycloneDxSchema.Value.Evaluate(bom.RootElement).IsValid);
        }

        var openAi = JsonNode.Parse(bomText)!["services"]!.AsArray().Single(s => s!["bom-ref"]!.GetValue<string>() == "service:openai")!;
        Assert.Contains(openAi["properties"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "licenseguard:usedIn" && p["value"]!.GetValue<string>() == "Clean/appsettings.json");

        var component = JsonNode.Parse(bomText)!["components"]!.AsArray().Single(c => c!["bom-ref"]!.GetValue<string>() == "project:Clean/Clean.csproj")!;
        Assert.StartsWith("partial: ", component["properties"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void MalformedRulesFileIsReportedAtItsLineAndTheRestOfTheScanGoesOn()
    {
        string root = workspace.Copy();
        File.WriteAllText(Path.Combine(root, "App", "licenseguard.json"), "{\n  \"rules\": { \"LG1002\": { \"ignore\": [\"api.openai.com\" }\n}\n");

        var (code, stdout, stderr) = ScanWorkspace.Tool(root, "scan", "App", "--json");

        Assert.True(code == 3, stderr + stdout);
        var findings = JsonNode.Parse(stdout)!["projects"]![0]!["findings"]!.AsArray();
        var problem = findings.Single(f => f!["id"]!.GetValue<string>() == "LG9001")!;
        Assert.Equal("licenseguard.json", problem["file"]!.GetValue<string>());
        Assert.Equal(2, problem["line"]!.GetValue<int>());
        Assert.Contains(findings, f => f!["id"]!.GetValue<string>() == "LG1001");
        Assert.DoesNotContain(findings, f => f!["id"]!.GetValue<string>() == "AD0001");
    }

    /// <summary>
    /// The HTML report is one page that loads nothing from anywhere (no stylesheet, script, image or frame from a URL; links
    /// are only the rules' help) and whose charts, total and rows count what the JSON report of the same scan has.
    /// </summary>
    private static void AssertHtmlIsSelfContainedAndCounts(string html, JsonNode report)
    {
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex(@"<(link|img|iframe|object|embed)\b|\bsrc\s*=|url\(", System.Text.RegularExpressions.RegexOptions.IgnoreCase), html);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);

        var findings = report["projects"]!.AsArray().SelectMany(p => p!["findings"]!.AsArray()).ToList();
        var byRule = findings.GroupBy(f => f!["id"]!.GetValue<string>()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}").ToList();
        Assert.Equal(byRule, Bars(html, "findings-by-rule"));
        var services = findings.Select(f => f!["properties"]!["service"]?.GetValue<string>()).OfType<string>().GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}");
        Assert.Equal(services, Bars(html, "ai-services"));
        Assert.Contains("LicenseRef-hf-llama3.1=1", Bars(html, "shipped-weights"));
        Assert.Equal(findings.Count, System.Text.RegularExpressions.Regex.Matches(html, "<tr data-rule=").Count);
        Assert.Contains($"<span data-total=\"findings\">{findings.Count}</span>", html, StringComparison.Ordinal);
    }

    /// <summary>The bars of one chart of the HTML report, as key=count in order.</summary>
    private static List<string> Bars(string html, string chart)
    {
        int start = html.IndexOf($"data-chart=\"{chart}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, chart);
        string figure = html[start..html.IndexOf("</figure>", start, StringComparison.Ordinal)];
        return System.Text.RegularExpressions.Regex.Matches(figure, "<g data-key=\"([^\"]*)\" data-count=\"([0-9]+)\"")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) + "=" + m.Groups[2].Value).ToList();
    }

    [Theory]
    [InlineData("scan", "no-such-folder")]
    [InlineData("scan", "--format", "xml")]
    [InlineData("scan", "--fail-on", "sometimes")]
    [InlineData("scan", "--property", "NoEqualsSign")]
    [InlineData("baseline", "--skip-code")]
    public void UsageErrorsExitWithTwo(params string[] arguments)
    {
        var (code, _, stderr) = ScanWorkspace.Tool(workspace.Root, arguments);

        Assert.Equal(2, code);
        Assert.NotEmpty(stderr);
    }

    private static readonly Lazy<JsonSchema> CycloneDxSchema = new(() => CycloneDxSchemaOf("1.6"));

    /// <summary>The official SARIF 2.1.0 JSON schema, as the SARIF SDK package ships it.</summary>
    private static readonly Lazy<JsonSchema> SarifSchema = new(() =>
    {
        string root = typeof(ScanCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        return JsonSchema.FromText(File.ReadAllText(Path.Combine(root, "sarif.sdk", "5.9.0", "Schemata", "sarif-2.1.0.json")));
    });

    private static readonly Dictionary<string, JsonSchema> CycloneDxSchemas = new(StringComparer.Ordinal);

    /// <summary>The official CycloneDX JSON schema of a version, as CycloneDX.Core embeds it (with the schemas it references).</summary>
    private static JsonSchema CycloneDxSchemaOf(string version)
    {
        lock (CycloneDxSchemas)
        {
            string root = typeof(ScanCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
            var core = Assembly.LoadFile(Path.Combine(root, "cyclonedx", "6.3.1", "tools", "net10.0", "any", "CycloneDX.Core.dll"));
            string Read(string name)
            {
                using var stream = core.GetManifestResourceStream("CycloneDX.Core.Schemas." + name)!;
                return new StreamReader(stream).ReadToEnd();
            }

            if (CycloneDxSchemas.Count == 0)
            {
                var registry = SchemaRegistry.Global;
                registry.Register(JsonSchema.FromText(Read("spdx.schema.json")));
                registry.Register(JsonSchema.FromText(Read("jsf-0.82.schema.json")));
                registry.Register(JsonSchema.FromText(Read("cryptography-defs.schema.json")));
            }

            if (!CycloneDxSchemas.TryGetValue(version, out var schema))
            {
                CycloneDxSchemas[version] = schema = JsonSchema.FromText(Read($"bom-{version}.schema.json"));
            }

            return schema;
        }
    }
}
