using LicenseGuard.Gather.Licensing;

namespace LicenseGuard.Gather.Tests;

/// <summary>Whole-text licence matching against the SPDX License List: right on real texts, never a wrong licence.</summary>
public class LicenseTextMatcherTests
{
    private static readonly string TextsFile = Path.Combine(AppContext.BaseDirectory, "spdx", "spdx-licenses.tsv.gz");

    // The first form of each licence: SPDX's own text (LGPL-3.0 has a second form, its own terms without the GPL it includes).
    private static readonly Dictionary<string, string> Texts = ReadTexts().Licenses.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First().Text);

    private static (string Source, List<(string Id, string Name, bool Osi, string Text)> Licenses, List<string> Exceptions) ReadTexts()
    {
        using var stream = File.OpenRead(TextsFile);
        return SpdxLicenseList.ReadTexts(stream);
    }

    [Fact]
    public void TheEmbeddedIndexIsTheOneTheMatchersOwnNormalisationBuildsFromTheTexts()
    {
        // Fails when LicenseText changes without rules/spdx/update.sh being run again.
        using var texts = File.OpenRead(TextsFile);
        byte[] rebuilt = Decompress(new MemoryStream(SpdxLicenseList.BuildIndex(texts)));
        using var embedded = typeof(SpdxLicenseList).Assembly.GetManifestResourceStream("LicenseGuard.Gather.spdx-index.bin.gz")!;

        Assert.True(rebuilt.AsSpan().SequenceEqual(Decompress(embedded)), "rules/spdx/spdx-index.bin.gz is stale: run rules/spdx/update.sh");
    }

    private static byte[] Decompress(Stream gzip)
    {
        using var output = new MemoryStream();
        using (var decompress = new System.IO.Compression.GZipStream(gzip, System.IO.Compression.CompressionMode.Decompress))
        {
            decompress.CopyTo(output);
        }

        return output.ToArray();
    }

    [Fact]
    public void TheEmbeddedListHasEveryCurrentLicenceAndException()
    {
        var list = SpdxLicenseList.Instance;
        Assert.True(list.Licenses.Count > 650, $"{list.Licenses.Count} licences");
        Assert.Contains(list.Licenses, l => l.Id == "PolyForm-Noncommercial-1.0.0" && !l.OsiApproved);
        Assert.Contains(list.Licenses, l => l.Id == "Apache-2.0" && l.OsiApproved);
        Assert.DoesNotContain(list.Licenses, l => l.Id == "GPL-2.0" || l.Id.EndsWith('+'));
        Assert.Contains("Universal-FOSS-exception-1.0", list.Exceptions);
        Assert.Contains("Classpath-exception-2.0", list.Exceptions);
    }

    [Fact]
    public void EverySpdxTextIsItselfOrUnknownNeverAnotherLicence()
    {
        var wrong = new List<string>();
        int recognised = 0;
        foreach (var (id, text) in Texts)
        {
            var match = LicenseTextMatcher.Match(text);
            if (match.Id == null)
            {
                // Unrecognised only because another licence has the very same text (PHP-3.0/3.01, OFL-1.1 RFN variants...).
                Assert.True(match.Best == id || match.Ties.Contains(id), $"{id}: best {match.Best} {match.ScoreText}");
                continue;
            }

            // A variant that shares its base's text (-or-later, MPL-2.0-no-copyleft-exception, OFL-1.1-RFN) is named as the base.
            bool sameFamily = match.Id == id || Family(id) == Family(match.Id) || Family(id).StartsWith(Family(match.Id) + "-", StringComparison.Ordinal);
            if (!sameFamily)
            {
                wrong.Add($"{id} -> {match.Id}");
            }
            else
            {
                recognised++;
            }
        }

        Assert.Empty(wrong);
        Assert.True(recognised > Texts.Count * 0.9, $"{recognised} of {Texts.Count} recognised");
    }

    [Theory]
    [InlineData("MIT")]
    [InlineData("Apache-2.0")]
    [InlineData("BSD-3-Clause")]
    [InlineData("MPL-2.0")]
    [InlineData("LGPL-3.0-only")]
    [InlineData("GPL-3.0-only")]
    [InlineData("AGPL-3.0-only")]
    [InlineData("MS-PL")]
    [InlineData("PolyForm-Noncommercial-1.0.0")]
    [InlineData("PolyForm-Small-Business-1.0.0")]
    [InlineData("BUSL-1.1")]
    [InlineData("Elastic-2.0")]
    [InlineData("SSPL-1.0")]
    [InlineData("CC-BY-NC-4.0")]
    [InlineData("CC-BY-4.0")]
    public void LightEditsStillMatch(string id)
    {
        // What a package's LICENSE.md does to the SPDX text: a markdown title, a real copyright line, rewrapped lines.
        string edited = $"# {id}\n\nCopyright (c) 2019-2025 Contoso Ltd. and contributors\n\n" + Rewrap(Texts[id], 72);

        var match = LicenseTextMatcher.Match(edited);

        Assert.True(match.Id == id, $"{id}: got {match.Id ?? "nothing"} (best {match.Best} {match.ScoreText}, ties {string.Join(", ", match.Ties)})");
    }

    [Fact]
    public void TheLesserGplAloneIsTheLesserGplNotTheGplItBuildsOn()
    {
        string lesserOnly = Texts["LGPL-3.0-only"][..Texts["LGPL-3.0-only"].IndexOf("GNU GENERAL PUBLIC LICENSE", StringComparison.Ordinal)];

        Assert.Equal("LGPL-3.0-only", LicenseTextMatcher.Match(lesserOnly).Id);
        Assert.Equal("LGPL-3.0-only", LicenseTextMatcher.Match(Texts["LGPL-3.0-only"]).Id);
    }

    [Fact]
    public void GplTextIsTheOnlyVariantBecauseTheTextAloneCannotSayOrLater()
    {
        Assert.Equal("GPL-2.0-only", LicenseTextMatcher.Match(Texts["GPL-2.0-or-later"]).Id);
        Assert.Equal("LGPL-2.1-only", LicenseTextMatcher.Match(Texts["LGPL-2.1-only"]).Id);
    }

    [Fact]
    public void ATextThatEmbedsApacheAndAddsCommercialTermsIsNotApache()
    {
        // The shape of a "split" licence: a whole permissive licence, then terms that take the permission back for some users.
        string split = "Split License 1.0\n\n" + Texts["Apache-2.0"] + "\n\n" + CommercialTerms;

        var match = LicenseTextMatcher.Match(split);

        Assert.Null(match.Id);
        Assert.Equal("Apache-2.0", match.Best);
        Assert.True(match.AddedPairs > LicenseTextMatcher.MaxAddedPairs, $"{match.AddedPairs} added pairs, {match.ScoreText}");
        Assert.Equal("Split License 1.0", match.Title);
    }

    [Fact]
    public void PermissiveLicenceWithAUseConditionAppendedIsNotThatLicence()
    {
        string withCondition = Texts["MIT"] + "\n\n" + SaleCondition;

        Assert.Null(LicenseTextMatcher.Match(withCondition).Id);
    }

    [Fact]
    public void TwoLicencesInOneFileAreNeitherOfThem()
    {
        Assert.Null(LicenseTextMatcher.Match(Texts["MIT"] + "\n\n---\n\nThird-party code:\n\n" + Texts["BSD-3-Clause"]).Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("All rights reserved. You may not redistribute this software.")]
    [InlineData("See https://contoso.example/eula for the terms.")]
    [InlineData("This package is licensed under the MIT License. Permission is hereby granted, free of charge, to any person obtaining a copy.")]
    [InlineData("Licensed under the Apache License, Version 2.0; you may not use this file except in compliance with the License.")]
    public void FragmentsAndMentionsAreNotGuessed(string text) => Assert.Null(LicenseTextMatcher.Match(text).Id);

    [Theory]
    [InlineData("\uFEFF**MICROSOFT SOFTWARE LICENSE TERMS**\n\nThese license terms are an agreement", "MICROSOFT SOFTWARE LICENSE TERMS")]
    [InlineData("\n\n# Six Labors Split License\nVersion 1.0", "Six Labors Split License")]
    [InlineData("===\n", null)]
    public void ATitleIsTheFirstLineWithWordsWithoutMarkdownOrAByteOrderMark(string text, string? title) =>
        Assert.Equal(title, LicenseTextMatcher.Match(text).Title);

    [Fact]
    public void NonCommercialIsToldApartFromItsCommercialSibling()
    {
        Assert.Equal("CC-BY-NC-4.0", LicenseTextMatcher.Match(Texts["CC-BY-NC-4.0"]).Id);
        Assert.Equal("CC-BY-4.0", LicenseTextMatcher.Match(Texts["CC-BY-4.0"]).Id);
        Assert.Equal("CC-BY-NC-SA-4.0", LicenseTextMatcher.Match(Texts["CC-BY-NC-SA-4.0"]).Id);
    }

    [Fact]
    public void ABsdCopyWithItsHoldersNameATitleAndACreditIsBsd()
    {
        // The shape of LibJpeg.NET's and Concentus's files: the holder's name where the template says "the copyright holder",
        // a project title and a list of holders above, a credit to the upstream code below.
        string edited = "**Contoso.Imaging**\n\nCopyright (c) 2008-2020, Contoso\nSkype Limited, Xiph.Org Foundation. All rights are reserved by their holders.\n\n"
            + Texts["BSD-3-Clause"].Replace("the copyright holder nor the names of its contributors", "Contoso Ltd. nor the names of specific contributors", StringComparison.Ordinal)
                .Replace("THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE", "CONTOSO BE LIABLE", StringComparison.Ordinal)
            + "\n\n---\nNOTE\n\nThis software is based in part on the work of the Independent JPEG Group, http://www.ijg.org/.";

        var match = LicenseTextMatcher.Match(edited);

        Assert.True(match.Id == "BSD-3-Clause", $"got {match.Id ?? "nothing"} (best {match.Best} {match.ScoreText})");
        Assert.NotNull(match.EditedWords);
    }

    [Theory]
    [InlineData("BSD-3-Clause", "with or without modification, are permitted", "with or without modification, are not permitted")]
    [InlineData("BSD-3-Clause", "Redistributions of source code must retain", "Redistributions of source code for non-commercial use must retain")]
    [InlineData("MIT", "without restriction", "with restriction")]
    [InlineData("MIT", "free of charge", "for a fee")]
    [InlineData("MIT", "to any person obtaining a copy", "to any person not employed by a competitor obtaining a copy")]
    [InlineData("ISC", "for any purpose", "for any non-commercial purpose")]
    public void AnEditThatChangesWhatTheLicenceGrantsOrDemandsIsNotThatLicence(string id, string from, string to)
    {
        Assert.Contains(from, Texts[id], StringComparison.Ordinal);

        var match = LicenseTextMatcher.Match(Texts[id].Replace(from, to, StringComparison.Ordinal));

        Assert.True(match.Id == null, $"{id} edited ('{from}' -> '{to}') was recognised as {match.Id}");
    }

    [Fact]
    public void ALicenceWithAConditionOrAClauseMissingIsNotRecognisedByItsReplaceableText()
    {
        string bsd = Texts["BSD-3-Clause"];
        string withoutClause3 = bsd.Remove(bsd.IndexOf("3. Neither", StringComparison.Ordinal), bsd.IndexOf("THIS SOFTWARE", StringComparison.Ordinal) - bsd.IndexOf("3. Neither", StringComparison.Ordinal));
        string withCredit = bsd + "\n\nNOTE: commercial redistribution requires a separate licence from Contoso.";

        Assert.Equal("BSD-2-Clause", LicenseTextMatcher.Match(withoutClause3).Id); // what is left is another licence
        Assert.Null(LicenseTextMatcher.Match(withCredit).Id);
        Assert.Null(LicenseTextMatcher.Match("Contoso Imaging\n\n" + bsd.Replace("THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE", "CONTOSO BE LIABLE", StringComparison.Ordinal) + "\n\n" + SaleCondition).Id);
    }

    private const string CommercialTerms = """
        ADDITIONAL TERMS FOR COMMERCIAL USE

        Notwithstanding anything in the License above, the grant of rights in Section 2 and Section 3 applies to you only if
        you qualify under one of the following: you are an individual using the Work for personal purposes; you are a
        registered charity or a non-profit organisation; or your organisation's gross annual revenue, together with that of
        its affiliates, is less than one million US dollars. Any other use of the Work, including use by an organisation
        above that threshold, use in a product that is sold, and use to provide a hosted service to third parties, requires a
        paid commercial license from the Licensor, which you may obtain by contacting the Licensor. Use of the Work in
        breach of these terms terminates every right granted to you by the License without notice.
        """;

    private const string SaleCondition = """
        Condition: the rights granted above do not include the right to sell the Software, or to provide to third parties for
        a fee or other consideration a product or service whose value derives entirely or substantially from the
        functionality of the Software, including hosting, consulting or support services related to it.
        """;

    private static string Family(string id) => id.Replace("-only", string.Empty).Replace("-or-later", string.Empty);

    private static string Rewrap(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split("\n\n"))
        {
            var line = new System.Text.StringBuilder();
            foreach (var word in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length + word.Length + 1 > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                line.Append(line.Length == 0 ? string.Empty : " ").Append(word);
            }

            lines.Add(line.ToString());
            lines.Add(string.Empty);
        }

        return string.Join('\n', lines);
    }
}
