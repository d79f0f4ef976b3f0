using Xunit.Abstractions;

namespace LicenseGuard.Analyzers.Tests.Accuracy;

/// <summary>The accuracy corpus, run as a test: every case is right or a documented known miss, and nothing is reported that no case expects.</summary>
public class AccuracyCorpusTests
{
    private readonly ITestOutputHelper output;

    public AccuracyCorpusTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public async Task EveryCaseIsRightOrADocumentedMissAndPrecisionIsFull()
    {
        var result = await AccuracyCorpus.RunAsync();
        string report = result.Format();
        output.WriteLine(report);

        Assert.True(result.CaseCount >= 150, $"the corpus has {result.CaseCount} cases; it keeps at least 150");
        Assert.Empty(result.Failures);
        foreach (string id in AccuracyCorpus.Categories.Keys)
        {
            var score = result.ScoreOf(id);
            Assert.True(score.FalsePositives == 0, $"{id}: {score.FalsePositives} finding(s) no case expects\n{report}");
            Assert.True(score.Expected > 0, $"{id}: the corpus has no case for it");
        }
    }

    [Fact]
    public void MarkersAreParsedWithTheirOffsetsAndReasons()
    {
        const string text = """
            // category: model
            // case: raw string — a model id in a multi-line raw string
            var s = 1;
            // expect(-1): LG1003
            var t = 2; // expect: LG1001 miss: LG1002 — not yet
            // case: plain — nothing here
            var u = 3;
            """;

        var parsed = AccuracyCorpus.Parse("Sample", text);

        Assert.Empty(parsed.Problems);
        Assert.Equal("model", parsed.Category);
        Assert.Equal(2, parsed.Cases.Count);
        Assert.Equal(new[] { new Expectation(3, "LG1003", ""), new Expectation(5, "LG1001", "") }, parsed.Cases[0].Expected);
        Assert.Equal(new Expectation(5, "LG1002", "not yet"), Assert.Single(parsed.Cases[0].KnownMisses));
        Assert.Equal((2, 5), (parsed.Cases[0].FirstLine, parsed.Cases[0].LastLine));
        Assert.True(parsed.Cases[1].IsPlantedNonFinding);
    }

    [Fact]
    public void MalformedCasesAreProblemsNamingTheFileAndLine()
    {
        const string text = """
            // case: no reason
            var s = 1; // expect: LG1234
            var t = 2; // miss: LG1003
            """;

        var parsed = AccuracyCorpus.Parse("Broken", text);

        Assert.Equal(
            new[]
            {
                "Broken.cs(1): case 'no reason' does not say why (// case: name — why)",
                "Broken.cs(2): marker names no id of a code rule (LG1001, LG1002, LG1003, LG2002)",
                "Broken.cs(3): a known miss says why (// miss: LG1002 — why)",
                "Broken.cs: no '// category: <name>' line",
            },
            parsed.Problems);
    }
}
