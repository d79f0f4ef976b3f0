using System.Globalization;
using System.Text;

namespace LicenseGuard.Analyzers.Tests.Accuracy;

/// <summary>Scores of a corpus run: per category (the code rule a finding belongs to) and per class of shapes (a case file).</summary>
internal sealed class AccuracyResult
{
    public AccuracyResult(IReadOnlyList<CaseFileResult> files) => Files = files;

    public IReadOnlyList<CaseFileResult> Files { get; }

    public IEnumerable<CaseOutcome> Outcomes => Files.SelectMany(f => f.Outcomes);

    public int CaseCount => Outcomes.Count();

    /// <summary>What makes the corpus fail: a case that compiles badly, an unexplained case, a finding nobody expected, an expected one not found, or a known miss that is now found (its marker should say expect).</summary>
    public IEnumerable<string> Failures =>
        Files.SelectMany(f => f.Problems)
            .Concat(Files.SelectMany(f => f.Outcomes.SelectMany(o =>
                o.Missed.Select(m => $"{f.Name}.cs({m.Line}): {m.Id} expected in case '{o.Case.Name}', not reported")
                    .Concat(o.FalsePositives.Select(p => $"{f.Name}.cs({p.Line}): {p.Id} reported in case '{o.Case.Name}' where nothing is expected: {p.Message}"))
                    .Concat(o.KnownMissesFound.Select(k => $"{f.Name}.cs({k.Line}): {k.Id} in case '{o.Case.Name}' is reported now; change its 'miss' marker to 'expect'")))));

    public Score ScoreOf(string id)
    {
        int truePositives = Outcomes.Sum(o => o.TruePositives.Count(e => e.Id == id) + o.KnownMissesFound.Count(e => e.Id == id));
        int falseNegatives = Outcomes.Sum(o => o.Missed.Count(e => e.Id == id) + o.Case.KnownMisses.Count(e => e.Id == id) - o.KnownMissesFound.Count(e => e.Id == id));
        int falsePositives = Outcomes.Sum(o => o.FalsePositives.Count(f => f.Id == id));
        return new Score(truePositives, falseNegatives, falsePositives);
    }

    public string Format()
    {
        var text = new StringBuilder();
        int planted = Outcomes.Count(o => o.Case.IsPlantedNonFinding);
        text.AppendLine(CultureInfo.InvariantCulture, $"Accuracy corpus: {CaseCount} cases in {Files.Count} classes of shapes ({CaseCount - planted} with findings, {planted} planted non-findings)");
        text.AppendLine();
        text.AppendLine("category        rule    expected  found  missed  false+  precision  recall");
        foreach (var (id, category) in AccuracyCorpus.Categories.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var score = ScoreOf(id);
            text.AppendLine(CultureInfo.InvariantCulture, $"{category,-15} {id,-7} {score.Expected,8}  {score.TruePositives,5}  {score.FalseNegatives,6}  {score.FalsePositives,6}  {Percent(score.Precision),9}  {Percent(score.Recall),6}");
        }

        var all = new Score(
            AccuracyCorpus.Categories.Keys.Sum(id => ScoreOf(id).TruePositives),
            AccuracyCorpus.Categories.Keys.Sum(id => ScoreOf(id).FalseNegatives),
            AccuracyCorpus.Categories.Keys.Sum(id => ScoreOf(id).FalsePositives));
        text.AppendLine(CultureInfo.InvariantCulture, $"{"all",-15} {"",-7} {all.Expected,8}  {all.TruePositives,5}  {all.FalseNegatives,6}  {all.FalsePositives,6}  {Percent(all.Precision),9}  {Percent(all.Recall),6}");
        text.AppendLine();
        text.AppendLine("class of shapes (file)                 category        cases  non-findings  right");
        foreach (var file in Files)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{file.Name,-38} {file.Category,-15} {file.Outcomes.Count,5}  {file.Outcomes.Count(o => o.Case.IsPlantedNonFinding),12}  {file.Outcomes.Count(o => o.IsRight),5}");
        }

        var knownMisses = Files.SelectMany(f => f.Outcomes.SelectMany(o => o.Case.KnownMisses.Except(o.KnownMissesFound).Select(m => $"  {f.Name}.cs({m.Line}) {m.Id} in '{o.Case.Name}': {m.Why}"))).ToList();
        if (knownMisses.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Known misses (counted against recall):");
            knownMisses.ForEach(m => text.AppendLine(m));
        }

        var failures = Failures.ToList();
        if (failures.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{failures.Count} problem(s):");
            failures.ForEach(f => text.AppendLine("  " + f));
        }

        return text.ToString();
    }

    private static string Percent(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "-";
}

internal readonly record struct Score(int TruePositives, int FalseNegatives, int FalsePositives)
{
    public int Expected => TruePositives + FalseNegatives;

    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    public double? Recall => Expected == 0 ? null : (double)TruePositives / Expected;
}
