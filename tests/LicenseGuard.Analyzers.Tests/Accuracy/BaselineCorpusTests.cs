using LicenseGuard.Analyzers.Tests.Harness;
using LicenseGuard.Baselines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LicenseGuard.Analyzers.Tests.Accuracy;

/// <summary>
/// A baseline never accepts a finding that did not exist when it was written (issue 24, item 2), shown over every case of
/// the accuracy corpus: the baseline is written from the case file without the case (its lines blanked), then the whole file
/// is analysed with that baseline, and every finding the case expects must be reported.
/// </summary>
public class BaselineCorpusTests
{
    private const string BaselinePath = "/corpus/licenseguard.baseline.json";

    [Fact]
    public async Task EveryCaseAddedAfterItsBaselineIsReported()
    {
        var references = await AccuracyCorpus.ReferencesAsync();
        var hidden = new List<string>();
        int checkedCases = 0;
        foreach (var (name, text) in AccuracyCorpus.CaseFiles())
        {
            string[] lines = text.Split('\n');
            var cases = AccuracyCorpus.Parse(name, text).Cases.Where(c => c.Expected.Count > 0).ToList();
            var results = await Task.WhenAll(cases.Select(@case => Task.Run(async () =>
            {
                string without = string.Join('\n', lines.Select((line, index) => index + 1 >= @case.FirstLine && index + 1 <= @case.LastLine ? string.Empty : line));
                var (before, _) = await AnalyzerRunner.RunAsync(AccuracyCorpus.Compile(name, without, references), Array.Empty<AdditionalText>());
                string baseline = BaselineOf(before);

                var (after, exceptions) = await AnalyzerRunner.RunAsync(AccuracyCorpus.Compile(name, text, references), new AdditionalText[] { new TestAdditionalText(BaselinePath, baseline) });
                Assert.Empty(exceptions);
                var reported = after.Select(d => (Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id)).ToHashSet();
                return @case.Expected
                    .Where(e => !reported.Contains((e.Line, e.Id)))
                    .Select(e => $"{name}.cs({e.Line}): {e.Id} of case '{@case.Name}' was accepted by a baseline written without the case")
                    .ToList();
            })));
            hidden.AddRange(results.SelectMany(r => r));
            checkedCases += cases.Count;
        }

        Assert.True(checkedCases >= 100, $"only {checkedCases} cases with expected findings");
        Assert.True(hidden.Count == 0, string.Join('\n', hidden));
    }

    /// <summary>
    /// The sharper shape of the same property: the finding added later is an exact copy of an accepted one, in the same member.
    /// For every expected finding of the corpus inside a block, the statement that holds it is repeated right after itself;
    /// the baseline of the original file must not accept the copy.
    /// </summary>
    [Fact]
    public async Task EveryFindingRepeatedInItsMemberIsReported()
    {
        var references = await AccuracyCorpus.ReferencesAsync();
        var hidden = new List<string>();
        int repeated = 0;
        foreach (var (name, text) in AccuracyCorpus.CaseFiles())
        {
            var original = AccuracyCorpus.Compile(name, text, references);
            var (findings, _) = await AnalyzerRunner.RunAsync(original, Array.Empty<AdditionalText>());
            var lg = findings.Where(d => d.Id.StartsWith("LG", StringComparison.Ordinal)).ToList();
            string baseline = BaselineOf(lg);
            var root = await original.SyntaxTrees.Single().GetRootAsync();
            var expected = AccuracyCorpus.Parse(name, text).Cases.SelectMany(c => c.Expected).ToHashSet();

            // A copy made as an overload has no callers, so weights that reach the original through its parameters cannot reach it.
            var copies = lg
                .Where(d => expected.Any(e => e.Line == d.Location.GetLineSpan().StartLinePosition.Line + 1 && e.Id == d.Id))
                .Where(d => !(d.GetMessage().Contains("parameter '", StringComparison.Ordinal) && !InStatementOfABlock(root, d.Location.SourceSpan.Start)))
                .Select(d => (Diagnostic: d, Copy: CopyInSameMember(root, d.Location.SourceSpan.Start)))
                .Where(c => c.Copy != null)
                .ToList();
            var results = await Task.WhenAll(copies.Select(copy => Task.Run(async () =>
            {
                var (insertAt, copyText, findingInCopy) = copy.Copy!.Value;
                string grown = text.Insert(insertAt, copyText);
                var (after, exceptions) = await AnalyzerRunner.RunAsync(AccuracyCorpus.Compile(name, grown, references), new AdditionalText[] { new TestAdditionalText(BaselinePath, baseline) });
                Assert.Empty(exceptions);
                return after.Any(d => d.Id == copy.Diagnostic.Id && d.Location.SourceSpan.Start == insertAt + findingInCopy)
                    ? null
                    : $"{name}.cs({copy.Diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}): a copy of this {copy.Diagnostic.Id} in the same member was accepted by the baseline";
            })));
            hidden.AddRange(results.OfType<string>());
            repeated += copies.Count;
        }

        Assert.True(repeated >= 100, $"only {repeated} findings inside blocks");
        Assert.True(hidden.Count == 0, string.Join('\n', hidden));
    }

    /// <summary>A baseline that accepts every LicenseGuard finding among <paramref name="diagnostics"/>, as `licenseguard baseline` writes it.</summary>
    private static string BaselineOf(IEnumerable<Diagnostic> diagnostics) =>
        BaselineFile.ToJson(diagnostics.Where(d => d.Id.StartsWith("LG", StringComparison.Ordinal)).Select(d => new BaselineEntry
        {
            Id = d.Id,
            Fingerprint = FindingFingerprint.Compute(d, "/corpus"),
            File = FindingFingerprint.RelativeFile(d, "/corpus"),
        }));

    private static bool InStatementOfABlock(SyntaxNode root, int position) =>
        root.FindToken(position).Parent!.AncestorsAndSelf().OfType<StatementSyntax>().Any(s => s.Parent is BlockSyntax);

    /// <summary>
    /// Where to insert a copy of the code holding the finding at <paramref name="position"/>, the copy, and the finding's
    /// position inside it: the statement repeated after itself when it is in a block, else the method or constructor repeated
    /// as an overload (an extra <c>int</c> parameter first), else nothing (a local function can be neither).
    /// </summary>
    private static (int InsertAt, string Copy, int FindingInCopy)? CopyInSameMember(SyntaxNode root, int position)
    {
        var node = root.FindToken(position).Parent!;
        // A local function cannot be declared twice or overloaded in one scope, so its copy would not be code anyone writes.
        if (node.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault(s => s.Parent is BlockSyntax) is { } statement and not LocalFunctionStatementSyntax)
        {
            return (statement.FullSpan.End, statement.ToFullString(), position - statement.FullSpan.Start);
        }

        if (node.AncestorsAndSelf().Any(n => n is LocalFunctionStatementSyntax))
        {
            return null;
        }

        var member = node.AncestorsAndSelf().OfType<BaseMethodDeclarationSyntax>().FirstOrDefault();
        var parameters = member?.ParameterList;
        if (member == null || parameters == null)
        {
            return null;
        }

        string extra = parameters.Parameters.Count == 0 ? "int baselineCopy" : "int baselineCopy, ";
        int insertParameterAt = parameters.OpenParenToken.Span.End - member.FullSpan.Start;
        string copy = member.ToFullString().Insert(insertParameterAt, extra);
        int findingInCopy = position - member.FullSpan.Start + (position - member.FullSpan.Start >= insertParameterAt ? extra.Length : 0);
        return (member.FullSpan.End, copy, findingInCopy);
    }
}
