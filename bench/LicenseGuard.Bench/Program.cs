// Analyzer benchmark: how much analysis time LicenseGuard adds to a large compilation that uses AI SDKs, next to
// Microsoft.CodeAnalysis.BannedApiAnalyzers configured with the same symbol list.
//   dotnet run -c Release --project bench/LicenseGuard.Bench [-- --files 1000 --iterations 7]
using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using LicenseGuard.Analyzers.Rules;
using LicenseGuard.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

int weightsIndex = Array.IndexOf(args, "--weights");
if (weightsIndex >= 0 && weightsIndex + 1 < args.Length)
{
    return WeightsBenchmark.Run(int.Parse(args[weightsIndex + 1], System.Globalization.CultureInfo.InvariantCulture), ArgValue("--iterations", 5));
}

int gatherIndex = Array.IndexOf(args, "--gather");
if (gatherIndex >= 0 && gatherIndex + 1 < args.Length)
{
    return GatherBenchmark.Run(args[gatherIndex + 1], ArgValue("--iterations", 10));
}

int licencesIndex = Array.IndexOf(args, "--licences");
if (licencesIndex >= 0 && licencesIndex + 1 < args.Length)
{
    return LicenceMatchBenchmark.Run(args[licencesIndex + 1], ArgValue("--count", 300), ArgValue("--iterations", 5));
}

if (args.Contains("--cold-load"))
{
    int at = Array.IndexOf(args, "--cold-load");
    return ColdLoadBenchmark.Run(at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : null);
}

int files = ArgValue("--files", 1000);
int iterations = ArgValue("--iterations", 5);

var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Concat(new[] { typeof(OpenAI.OpenAIClient).Assembly.Location, typeof(Anthropic.AnthropicClient).Assembly.Location, typeof(Microsoft.Extensions.AI.OpenAIClientExtensions).Assembly.Location, typeof(Microsoft.Extensions.AI.IChatClient).Assembly.Location, typeof(System.ClientModel.ApiKeyCredential).Assembly.Location })
    .Distinct()
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
    .ToList();
// --dir <folder>: the C# files of a real project instead of the generated corpus (e.g. the string-heavy project solution.sh writes).
int dirIndex = Array.IndexOf(args, "--dir");
var trees = dirIndex >= 0 && dirIndex + 1 < args.Length
    ? Directory.GetFiles(args[dirIndex + 1], "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f)).ToList()
    : Enumerable.Range(0, files).Select(i => CSharpSyntaxTree.ParseText(Corpus.File(i, args.Contains("--sinks")), path: $"/bench/File{i}.cs")).ToList();
files = trees.Count;
var compilation = CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
if (errors.Count > 0)
{
    Console.Error.WriteLine($"corpus does not compile: {errors[0]}");
    return 1;
}

// BannedSymbols.txt with the catalog's SDK symbols, the equivalent configuration for BannedApiAnalyzers.
var bannedSymbols = string.Join("\n", RulesCatalog.BuiltIn.Services.SelectMany(s => s.Symbols).Distinct());
var bannedApi = new AnalyzerFileReference(Path.Combine(AppContext.BaseDirectory, "banned-api", "Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers.dll"), new Loader())
    .GetAnalyzers(LanguageNames.CSharp).Where(a => a.GetType().Name.Contains("Banned")).ToImmutableArray();
var licenseGuard = ImmutableArray.Create<DiagnosticAnalyzer>(new ProprietaryAiCallAnalyzer(), new ProprietaryEndpointAnalyzer(), new ClosedModelIdAnalyzer(), new ModelWeightsCopiedAnalyzer(), new RulesFileAnalyzer(), new ConfigurationValueAnalyzer());
var configurations = new (string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableArray<AdditionalText> Files)[]
{
    ("no analyzer: compiler diagnostics only", ImmutableArray<DiagnosticAnalyzer>.Empty, ImmutableArray<AdditionalText>.Empty),
    ("LicenseGuard LG1001-LG1003, LG2002, LG9001", licenseGuard, ImmutableArray<AdditionalText>.Empty),
    ("LicenseGuard LG1001-LG1003", ImmutableArray.Create<DiagnosticAnalyzer>(new ProprietaryAiCallAnalyzer(), new ProprietaryEndpointAnalyzer(), new ClosedModelIdAnalyzer()), ImmutableArray<AdditionalText>.Empty),
    ("LicenseGuard LG1001 only", ImmutableArray.Create<DiagnosticAnalyzer>(new ProprietaryAiCallAnalyzer()), ImmutableArray<AdditionalText>.Empty),
    ("LicenseGuard LG1003 only", ImmutableArray.Create<DiagnosticAnalyzer>(new ClosedModelIdAnalyzer()), ImmutableArray<AdditionalText>.Empty),
    ("LicenseGuard LG1002 only", ImmutableArray.Create<DiagnosticAnalyzer>(new ProprietaryEndpointAnalyzer()), ImmutableArray<AdditionalText>.Empty),
    ("LicenseGuard LG2002 only", ImmutableArray.Create<DiagnosticAnalyzer>(new ModelWeightsCopiedAnalyzer()), ImmutableArray<AdditionalText>.Empty),
    ($"BannedApiAnalyzers ({bannedSymbols.Split('\n').Length} symbols)", bannedApi, ImmutableArray.Create<AdditionalText>(new InMemoryText("/bench/BannedSymbols.txt", bannedSymbols))),
};

// --ide-loop <edits>: what the IDE pays per edit — each edit replaces one file of the compilation (as typing does, so metadata
// symbols are shared with the previous compilation) and runs each analyzer set on the new compilation.
int ideLoopIndex = Array.IndexOf(args, "--ide-loop");
if (ideLoopIndex >= 0 && ideLoopIndex + 1 < args.Length)
{
    int edits = int.Parse(args[ideLoopIndex + 1], System.Globalization.CultureInfo.InvariantCulture);
    Console.WriteLine($"IDE loop: {edits} edits of a {files}-file compilation, each followed by a full analysis by every configuration in turn; medians per edit.");
    Console.WriteLine();
    Console.WriteLine("| analyzers | wall time per edit (ms) | analyzer execution time per edit (ms) |");
    Console.WriteLine("|---|---:|---:|");
    // Round-robin: every edit is analysed by each configuration in turn (in a rotating order), so that all of them meet the
    // compiler's code equally warm; the first rounds are a warm-up and are not counted.
    const int WarmUpRounds = 3;
    var sets = configurations.Where(c => !c.Analyzers.IsEmpty).ToList();
    var currents = sets.Select(_ => (Compilation)compilation.Clone()).ToList();
    var walls = sets.Select(_ => new List<double>()).ToList();
    var analyzerTimes = sets.Select(_ => new List<double>()).ToList();
    for (int edit = 0; edit < WarmUpRounds + edits; edit++)
    {
        for (int turn = 0; turn < sets.Count; turn++)
        {
            int i = (turn + edit) % sets.Count;
            var old = currents[i].SyntaxTrees.ElementAt(edit % files);
            var edited = old.WithChangedText(old.GetText().WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(
                new Microsoft.CodeAnalysis.Text.TextSpan(old.GetText().Length, 0), $"\nstatic class Edit{edit} {{ const string Note = \"edit {edit}\"; }}\n")));
            currents[i] = currents[i].ReplaceSyntaxTree(old, edited);
            var stopwatch = Stopwatch.StartNew();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(sets[i].Files), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
            var result = await currents[i].WithAnalyzers(sets[i].Analyzers, options).GetAnalysisResultAsync(CancellationToken.None);
            stopwatch.Stop();
            if (edit >= WarmUpRounds)
            {
                walls[i].Add(stopwatch.Elapsed.TotalMilliseconds);
                analyzerTimes[i].Add(result.AnalyzerTelemetryInfo.Values.Sum(t => t.ExecutionTime.TotalMilliseconds));
            }
        }
    }

    for (int i = 0; i < sets.Count; i++)
    {
        Console.WriteLine($"| {sets[i].Name} | {Median(walls[i]):N1} | {Median(analyzerTimes[i]):N1} |");
    }

    return 0;
}

Console.WriteLine($"{files} files, {trees.Sum(t => t.GetText().Lines.Count):N0} lines, {iterations} iterations after 1 warm-up; medians. Roslyn {typeof(Compilation).Assembly.GetName().Version}, {Environment.ProcessorCount} cores");
Console.WriteLine();
Console.WriteLine("| configuration | wall time (ms) | analyzer execution time (ms) | findings |");
Console.WriteLine("|---|---:|---:|---:|");
// --only <prefix>: run only the configurations whose name starts with it (e.g. under a profiler: --only "LicenseGuard LG1001-").
int onlyIndex = Array.IndexOf(args, "--only");
string? only = onlyIndex >= 0 && onlyIndex + 1 < args.Length ? args[onlyIndex + 1] : null;
foreach (var (name, analyzers, additional) in configurations.Where(c => only == null || c.Name.StartsWith(only, StringComparison.Ordinal)))
{
    var wall = new List<double>();
    var analyzerTime = new List<double>();
    int findings = 0;
    for (int i = 0; i <= iterations; i++)
    {
        var fresh = compilation.Clone();
        var stopwatch = Stopwatch.StartNew();
        if (analyzers.IsEmpty)
        {
            fresh.GetDiagnostics();
            stopwatch.Stop();
            analyzerTime.Add(0);
        }
        else
        {
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
            var withAnalyzers = fresh.WithAnalyzers(analyzers, options);
            var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
            stopwatch.Stop();
            findings = result.GetAllDiagnostics().Count(d => d.Id.StartsWith("LG", StringComparison.Ordinal) || d.Id == "RS0030" || d.Id == "RS0035");
            analyzerTime.Add(result.AnalyzerTelemetryInfo.Values.Sum(t => t.ExecutionTime.TotalMilliseconds));
        }

        if (i > 0)
        {
            wall.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        else
        {
            analyzerTime.Clear();
        }
    }

    Console.WriteLine($"| {name} | {Median(wall):N0} | {Median(analyzerTime):N0} | {findings:N0} |");
}

return 0;

int ArgValue(string name, int fallback)
{
    int index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out int value) ? value : fallback;
}

static double Median(List<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
}

/// <summary>
/// Times what the build step and the analyzer do for dependencies: gather (restore graph + every .nuspec + licence files)
/// and evaluate (the policy over every package), on a project's real restore output.
/// </summary>
internal static class GatherBenchmark
{
    public static int Run(string assetsFile, int iterations)
    {
        var gather = new List<double>();
        var evaluate = new List<double>();
        int packages = 0, findings = 0;
        for (int i = 0; i <= iterations; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var inventory = LicenseGuard.Gather.InventoryBuilder.Build(assetsFile);
            var json = inventory.ToJson();
            double gatherMs = stopwatch.Elapsed.TotalMilliseconds;
            stopwatch.Restart();
            var parsed = LicenseGuard.Inventory.ProjectInventory.Parse("inventory.json", json);
            var result = LicenseGuard.Policy.DependencyEvaluator.Evaluate(parsed.Packages, RulesCatalog.BuiltIn, DateTime.UtcNow.Date);
            double evaluateMs = stopwatch.Elapsed.TotalMilliseconds;
            if (i > 0)
            {
                gather.Add(gatherMs);
                evaluate.Add(evaluateMs);
            }

            packages = parsed.Packages.Count;
            findings = result.Count;
        }

        Console.WriteLine($"{packages} packages, {findings} findings; medians of {iterations} runs after 1 warm-up");
        Console.WriteLine($"gather (assets + nuspecs + licence files, write JSON): {Median(gather):N1} ms");
        Console.WriteLine($"evaluate (read JSON + policy):                         {Median(evaluate):N1} ms");
        return 0;
    }

    private static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
}

/// <summary>
/// Times the weight gatherer over N files with real GGUF headers, every fifth one a sparse 8 GiB file (no disk used), against
/// the same N files at header size: equal times show the cost does not grow with file size.
/// </summary>
internal static class WeightsBenchmark
{
    public static int Run(int count, int iterations)
    {
        string root = Directory.CreateTempSubdirectory("licenseguard-weights-bench-").FullName;
        try
        {
            var small = Write(Path.Combine(root, "small"), count, sparse: false);
            var big = Write(Path.Combine(root, "big"), count, sparse: true);
            long bigBytes = big.Sum(c => new FileInfo(c.FullPath).Length);
            Console.WriteLine($"{count} weight files; in the second set {big.Count(c => new FileInfo(c.FullPath).Length > 1L << 30)} are sparse 8 GiB files ({bigBytes / (1L << 30):N0} GiB in all)");
            foreach (var (name, candidates) in new[] { ("header-size files", small), ("with multi-GB sparse files", big) })
            {
                var times = new List<double>();
                for (int i = 0; i <= iterations; i++)
                {
                    var inventory = new LicenseGuard.Inventory.ProjectInventory();
                    var stopwatch = Stopwatch.StartNew();
                    LicenseGuard.Gather.Weights.WeightsGatherer.AddWeights(inventory, candidates);
                    if (i > 0)
                    {
                        times.Add(stopwatch.Elapsed.TotalMilliseconds);
                    }
                }

                Console.WriteLine($"{name,-28} {times.OrderBy(t => t).ElementAt(times.Count / 2),8:N1} ms (median of {iterations})");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        return 0;
    }

    private static List<LicenseGuard.Gather.Weights.WeightCandidate> Write(string directory, int count, bool sparse)
    {
        Directory.CreateDirectory(directory);
        var candidates = new List<LicenseGuard.Gather.Weights.WeightCandidate>();
        for (int i = 0; i < count; i++)
        {
            string path = Path.Combine(directory, $"Meta-Llama-3.1-8B-Instruct-{i:D2}.gguf");
            using (var stream = new FileStream(path, FileMode.Create))
            using (var writer = new BinaryWriter(stream))
            {
                writer.Write(Encoding.ASCII.GetBytes("GGUF"));
                writer.Write(3u);
                writer.Write(1UL);
                writer.Write(3UL);
                foreach (var (key, value) in new[] { ("general.architecture", "llama"), ("general.name", "Meta-Llama-3.1-8B-Instruct"), ("general.license", "llama3.1") })
                {
                    writer.Write((ulong)key.Length);
                    writer.Write(Encoding.ASCII.GetBytes(key));
                    writer.Write(8u);
                    writer.Write((ulong)value.Length);
                    writer.Write(Encoding.ASCII.GetBytes(value));
                }

                writer.Flush();
                if (sparse && i % 5 == 0)
                {
                    stream.SetLength(8L << 30);
                }
            }

            var candidate = new LicenseGuard.Gather.Weights.WeightCandidate { Item = Path.GetFileName(path), FullPath = path, ItemType = "None" };
            candidate.Destinations.Add("output");
            candidates.Add(candidate);
        }

        return candidates;
    }
}

/// <summary>Generates realistic files: most code is plain business logic, some of it calls OpenAI or Anthropic.</summary>
internal static class Corpus
{
    /// <param name="sinks">
    /// A third of the files also move data the way business code does (file copies, stream copies, HTTP posts and sends,
    /// events) and one in a hundred copies a model file: the code LG2002 judges, for <c>--sinks</c>.
    /// </param>
    public static string File(int i, bool sinks = false)
    {
        var code = new StringBuilder();
        code.AppendLine("using System; using System.Collections.Generic; using System.Linq; using System.Threading.Tasks;");
        code.AppendLine("using System.IO; using System.Net.Http;");
        code.AppendLine("using OpenAI; using OpenAI.Chat; using Anthropic; using Microsoft.Extensions.AI;");
        code.AppendLine($"namespace Bench.Module{i % 20};");
        code.AppendLine($"public sealed class Service{i}");
        code.AppendLine("{");
        code.AppendLine($"    private const string Endpoint = \"https://service{i}.internal.example/api\";");
        code.AppendLine($"    private readonly Dictionary<string, int> counts = new();");
        for (int m = 0; m < 8; m++)
        {
            code.AppendLine($"    public int Compute{m}(IEnumerable<int> values, string label)");
            code.AppendLine("    {");
            code.AppendLine($"        var total = values.Where(v => v % {m + 2} == 0).Select(v => v * {m + 1}).Sum();");
            code.AppendLine("        counts[label] = counts.TryGetValue(label, out var c) ? c + total : total;");
            code.AppendLine($"        Console.WriteLine($\"{{label}}: {{total}} items processed in step {m}\");");
            code.AppendLine("        return total > 100 ? total - 100 : total + label.Length;");
            code.AppendLine("    }");
        }

        if (i % 4 == 0)
        {
            code.AppendLine("    public async Task<string> AskOpenAIAsync(string key, string question)");
            code.AppendLine("    {");
            code.AppendLine("        ChatClient chat = new OpenAIClient(key).GetChatClient(\"gpt-4o-mini\");");
            code.AppendLine("        ChatCompletion completion = await chat.CompleteChatAsync(new SystemChatMessage(\"Be brief.\"), new UserChatMessage(question));");
            code.AppendLine("        return completion.Content[0].Text;");
            code.AppendLine("    }");
        }

        if (i % 5 == 0)
        {
            code.AppendLine("    public Task<ChatResponse> AskClaudeAsync(string question) => new AnthropicClient().AsIChatClient(\"claude-3-5-sonnet-20241022\").GetResponseAsync(question);");
            code.AppendLine("    public Uri Raw => new Uri(\"https://api.anthropic.com/v1/messages\");");
        }

        if (sinks && i % 3 == 0)
        {
            code.AppendLine("    public event EventHandler? Exported;");
            code.AppendLine("    public async Task ExportAsync(HttpClient http, string folder)");
            code.AppendLine("    {");
            code.AppendLine($"        var report = Path.Combine(folder, \"report{i}.csv\");");
            code.AppendLine($"        File.Copy(report, Path.Combine(folder, \"archive\", \"report{i}.csv\"), overwrite: true);");
            code.AppendLine("        await using (var source = File.OpenRead(report))");
            code.AppendLine($"        await using (var target = File.Create(Path.Combine(folder, \"out\", \"report{i}.csv\")))");
            code.AppendLine("        {");
            code.AppendLine("            await source.CopyToAsync(target);");
            code.AppendLine("        }");
            code.AppendLine($"        using var posted = await http.PostAsync(Endpoint, new StringContent(\"{{\\\"id\\\":{i}}}\"));");
            code.AppendLine("        using var sent = await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, Endpoint) { Content = new ByteArrayContent(await File.ReadAllBytesAsync(report)) });");
            code.AppendLine("        Exported?.Invoke(this, EventArgs.Empty);");
            if (i % 100 == 0)
            {
                code.AppendLine($"        File.Copy(\"models/detector{i}.onnx\", Path.Combine(folder, \"drop\", \"detector.onnx\"));");
            }

            code.AppendLine("    }");
        }

        code.AppendLine("}");
        return code.ToString();
    }
}

internal sealed class InMemoryText(string path, string text) : AdditionalText
{
    private readonly SourceText source = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => source;
}

internal sealed class Loader : IAnalyzerAssemblyLoader
{
    public void AddDependencyLocation(string fullPath)
    {
    }

    public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
}

/// <summary>
/// Times whole-text licence matching: loading the embedded SPDX License List once per process (what the first licence file
/// of a build pays), then matching the licence files of up to N restored packages (found in a packages folder), with the
/// bytes allocated per file.
/// </summary>
internal static class LicenceMatchBenchmark
{
    public static int Run(string packagesFolder, int count, int iterations)
    {
        var texts = Directory.EnumerateDirectories(packagesFolder)
            .SelectMany(package => Directory.EnumerateDirectories(package).Take(1))
            .SelectMany(version => Directory.EnumerateFiles(version).Where(IsLicenceFile).Take(1))
            .Take(count)
            .Select(File.ReadAllText)
            .ToList();
        if (texts.Count == 0)
        {
            Console.Error.WriteLine($"no licence files under {packagesFolder}");
            return 1;
        }

        var stopwatch = Stopwatch.StartNew();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var first = LicenseGuard.Gather.Licensing.LicenseTextMatcher.Match(texts[0]);
        Console.WriteLine($"first match (loads {LicenseGuard.Gather.Licensing.SpdxLicenseList.Instance.Licenses.Count} SPDX texts): {stopwatch.Elapsed.TotalMilliseconds:N0} ms, {(GC.GetAllocatedBytesForCurrentThread() - before) / 1048576.0:N1} MiB allocated");

        var times = new List<double>();
        long allocated = 0;
        int recognised = 0;
        for (int i = 0; i <= iterations; i++)
        {
            before = GC.GetAllocatedBytesForCurrentThread();
            stopwatch.Restart();
            recognised = texts.Count(t => LicenseGuard.Gather.Licensing.LicenseTextMatcher.Match(t).Id != null);
            if (i > 0)
            {
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        double median = times.OrderBy(t => t).ElementAt(times.Count / 2);
        Console.WriteLine($"{texts.Count} licence files ({texts.Sum(t => t.Length) / 1024:N0} KiB), {recognised} recognised: {median:N1} ms in all (median of {iterations}), {median / texts.Count:N2} ms and {allocated / texts.Count / 1024.0:N0} KiB allocated per file");
        return 0;
    }

    private static bool IsLicenceFile(string path)
    {
        string name = Path.GetFileName(path).ToLowerInvariant();
        return name.StartsWith("license", StringComparison.Ordinal) || name.StartsWith("licence", StringComparison.Ordinal) || name.StartsWith("copying", StringComparison.Ordinal)
            || name.StartsWith("lgpl", StringComparison.Ordinal) || name.StartsWith("gpl", StringComparison.Ordinal);
    }
}
