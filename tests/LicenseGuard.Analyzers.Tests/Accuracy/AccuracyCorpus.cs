using System.Collections.Immutable;
using System.Text.RegularExpressions;
using LicenseGuard.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LicenseGuard.Analyzers.Tests.Accuracy;

/// <summary>
/// The accuracy corpus: case files under Accuracy/Cases, written in the shapes of real public .NET AI code. Each file is one
/// class of shapes and compiles on its own against the real SDK packages. A case starts at a <c>// case: name — why</c> line;
/// a line that should be reported ends with <c>// expect: LG1001</c> (several ids allowed; <c>// expect(-2): LG1003</c> for a
/// finding that starts two lines above, such as a raw string literal), a known miss with <c>// miss: LG1002 — why</c>. A case
/// without markers is a planted non-finding.
/// </summary>
internal static partial class AccuracyCorpus
{
    public static readonly ImmutableDictionary<string, string> Categories = new Dictionary<string, string>
    {
        [DiagnosticIds.ProprietaryAiCall] = "api",
        [DiagnosticIds.ProprietaryEndpoint] = "endpoint",
        [DiagnosticIds.ClosedModelId] = "model",
        [DiagnosticIds.ModelWeightsCopied] = "redistribution",
    }.ToImmutableDictionary();

    public static string CasesFolder => Path.Combine(AppContext.BaseDirectory, "Accuracy", "Cases");

    public static async Task<AccuracyResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var references = await ReferencesAsync(cancellationToken);
        var files = new List<CaseFileResult>();
        foreach (string path in Directory.GetFiles(CasesFolder, "*.cs").OrderBy(p => p, StringComparer.Ordinal))
        {
            files.Add(await RunFileAsync(path, references, cancellationToken));
        }

        return new AccuracyResult(files);
    }

    private static async Task<CaseFileResult> RunFileAsync(string path, ImmutableArray<MetadataReference> references, CancellationToken cancellationToken)
    {
        string text = await File.ReadAllTextAsync(path, cancellationToken);
        string name = Path.GetFileNameWithoutExtension(path);
        var parsed = Parse(name, text);
        var compilation = Compile(name, text, references, cancellationToken);
        var problems = new List<string>(parsed.Problems);
        problems.AddRange(compilation.GetDiagnostics(cancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{name}.cs({d.Location.GetLineSpan().StartLinePosition.Line + 1}): does not compile: {d.Id} {d.GetMessage()}"));
        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(compilation, Array.Empty<AdditionalText>(), cancellationToken);
        problems.AddRange(exceptions.Select(e => $"{name}.cs: analyzer exception: {e.GetType().Name}: {e.Message}"));

        var found = diagnostics
            .Where(d => d.Id.StartsWith("LG", StringComparison.Ordinal))
            .Select(d => new Finding(d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id, d.GetMessage()))
            .Distinct()
            .ToList();
        var outcomes = new List<CaseOutcome>();
        foreach (var @case in parsed.Cases)
        {
            var inCase = found.Where(f => f.Line >= @case.FirstLine && f.Line <= @case.LastLine).ToList();
            var truePositives = @case.Expected.Where(e => inCase.Any(f => f.Line == e.Line && f.Id == e.Id)).ToList();
            var missed = @case.Expected.Except(truePositives).ToList();
            var falsePositives = inCase.Where(f => !@case.Expected.Concat(@case.KnownMisses).Any(e => e.Line == f.Line && e.Id == f.Id)).ToList();
            var knownMissesFound = @case.KnownMisses.Where(e => inCase.Any(f => f.Line == e.Line && f.Id == e.Id)).ToList();
            outcomes.Add(new CaseOutcome(@case, truePositives, missed, falsePositives, knownMissesFound));
        }

        foreach (var stray in found.Where(f => !parsed.Cases.Any(c => f.Line >= c.FirstLine && f.Line <= c.LastLine)))
        {
            problems.Add($"{name}.cs({stray.Line}): {stray.Id} outside any case: {stray.Message}");
        }

        return new CaseFileResult(name, parsed.Category, outcomes, problems);
    }

    /// <summary>Reads every case file, in a stable order, as its name (without extension) and text.</summary>
    public static IEnumerable<(string Name, string Text)> CaseFiles() =>
        Directory.GetFiles(CasesFolder, "*.cs").OrderBy(p => p, StringComparer.Ordinal).Select(p => (Path.GetFileNameWithoutExtension(p), File.ReadAllText(p)));

    /// <summary>Gets the corpus's references: the real SDK packages and ASP.NET Core.</summary>
    public static async Task<ImmutableArray<MetadataReference>> ReferencesAsync(CancellationToken cancellationToken = default) =>
        (await SdkPackages.Corpus.ResolveAsync(LanguageNames.CSharp, cancellationToken)).Concat(SdkPackages.AspNetCoreReferences()).ToImmutableArray();

    /// <summary>Compiles one case file's text as the corpus run does, at <c>/corpus/&lt;name&gt;.cs</c>.</summary>
    public static CSharpCompilation Compile(string name, string text, ImmutableArray<MetadataReference> references, CancellationToken cancellationToken = default) =>
        CSharpCompilation.Create(
            "Corpus." + name,
            new[] { CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: "/corpus/" + name + ".cs", cancellationToken: cancellationToken) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    internal static ParsedFile Parse(string name, string text)
    {
        string[] lines = text.Split('\n');
        var cases = new List<Case>();
        var problems = new List<string>();
        string category = "";
        Case? current = null;
        for (int index = 0; index < lines.Length; index++)
        {
            int lineNumber = index + 1;
            string line = lines[index].TrimEnd('\r');
            var categoryMatch = CategoryLine().Match(line);
            if (categoryMatch.Success)
            {
                category = categoryMatch.Groups["category"].Value;
                continue;
            }

            var caseMatch = CaseLine().Match(line);
            if (caseMatch.Success)
            {
                if (current != null)
                {
                    cases.Add(current with { LastLine = lineNumber - 1 });
                }

                string caseWhy = caseMatch.Groups["why"].Value.Trim();
                if (caseWhy.Length == 0)
                {
                    problems.Add($"{name}.cs({lineNumber}): case '{caseMatch.Groups["name"].Value.Trim()}' does not say why (// case: name — why)");
                }

                current = new Case(caseMatch.Groups["name"].Value.Trim(), caseWhy, lineNumber, lines.Length, new List<Expectation>(), new List<Expectation>());
                continue;
            }

            var comment = MarkerComment().Match(line);
            if (!comment.Success)
            {
                continue;
            }

            if (current == null)
            {
                problems.Add($"{name}.cs({lineNumber}): marker before the first case");
                continue;
            }

            // One line may carry both kinds: `// expect: LG1001 miss: LG1003 — why`.
            string markers = line.Substring(comment.Index);
            var keywords = MarkerKeyword().Matches(markers);
            for (int k = 0; k < keywords.Count; k++)
            {
                var keyword = keywords[k];
                int restStart = keyword.Index + keyword.Length;
                string rest = markers.Substring(restStart, (k + 1 < keywords.Count ? keywords[k + 1].Index : markers.Length) - restStart);
                int target = lineNumber + (keyword.Groups["offset"].Success ? int.Parse(keyword.Groups["offset"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
                bool isMiss = keyword.Groups["kind"].Value == "miss";
                int dash = rest.IndexOf('—', StringComparison.Ordinal);
                var ids = IdToken().Matches(dash < 0 ? rest : rest.Substring(0, dash)).Select(m => m.Value).ToList();
                if (ids.Count == 0 || !ids.All(Categories.ContainsKey))
                {
                    problems.Add($"{name}.cs({lineNumber}): marker names no id of a code rule ({string.Join(", ", Categories.Keys.OrderBy(id => id, StringComparer.Ordinal))})");
                }

                if (isMiss && dash < 0)
                {
                    problems.Add($"{name}.cs({lineNumber}): a known miss says why (// miss: LG1002 — why)");
                }

                string why = isMiss && dash >= 0 ? rest.Substring(dash + 1).Trim() : "";
                (isMiss ? current.KnownMisses : current.Expected).AddRange(ids.Select(id => new Expectation(target, id, why)));
            }
        }

        if (current != null)
        {
            cases.Add(current);
        }

        if (category.Length == 0)
        {
            problems.Add($"{name}.cs: no '// category: <name>' line");
        }

        return new ParsedFile(category, cases, problems);
    }

    [GeneratedRegex(@"^\s*// category:\s*(?<category>[\w-]+)")]
    private static partial Regex CategoryLine();

    [GeneratedRegex(@"^\s*// case:\s*(?<name>[^—]+)(—(?<why>.*))?$")]
    private static partial Regex CaseLine();

    [GeneratedRegex(@"//\s*(expect|miss)(\([+-]\d+\))?:")]
    private static partial Regex MarkerComment();

    [GeneratedRegex(@"\b(?<kind>expect|miss)(\((?<offset>[+-]\d+)\))?:")]
    private static partial Regex MarkerKeyword();

    [GeneratedRegex(@"\bLG\d{4}\b")]
    private static partial Regex IdToken();
}

internal sealed record Expectation(int Line, string Id, string Why);

internal sealed record Finding(int Line, string Id, string Message);

internal sealed record Case(string Name, string Why, int FirstLine, int LastLine, List<Expectation> Expected, List<Expectation> KnownMisses)
{
    public bool IsPlantedNonFinding => Expected.Count == 0 && KnownMisses.Count == 0;
}

internal sealed record ParsedFile(string Category, IReadOnlyList<Case> Cases, IReadOnlyList<string> Problems);

internal sealed record CaseOutcome(Case Case, IReadOnlyList<Expectation> TruePositives, IReadOnlyList<Expectation> Missed, IReadOnlyList<Finding> FalsePositives, IReadOnlyList<Expectation> KnownMissesFound)
{
    public bool IsRight => Missed.Count == 0 && FalsePositives.Count == 0;
}

internal sealed record CaseFileResult(string Name, string Category, IReadOnlyList<CaseOutcome> Outcomes, IReadOnlyList<string> Problems);
