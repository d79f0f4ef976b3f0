using LicenseGuard.Gather.Licensing;

namespace LicenseGuard.Gather.Tests;

/// <summary>
/// Licence files that offer a choice of licences in prose sections (the shape of Hangfire's LICENSE.md): the headings are
/// read only when the opening offers a choice, at the level of the first section; the words inside sections never count.
/// </summary>
public class LicenseChoiceTests
{
    private const string MultiLicensed = """
        Licence
        =======

        Copyright (c) 2025 Contoso Ltd.

        Contoso Jobs is multi-licensed: recipients may choose under which of the licences below they use it.

        LGPL v3 License
        ---------------

        This program is free software: you can redistribute it and/or modify it under the terms of the GNU Lesser General
        Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option)
        any later version.

        Commercial License
        ------------------

        With a paid subscription you may distribute private modifications. See COMMERCIAL.md.
        """;

    [Fact]
    public void SectionsOfAFileThatOffersAChoiceAreItsHeadings()
    {
        Assert.Equal(new[] { "LGPL v3 License", "Commercial License" }, LicenseChoice.OfferedSections(MultiLicensed));
    }

    [Fact]
    public void AFileWhoseOpeningOffersNoChoiceHasNoOfferedSections()
    {
        string components = MultiLicensed.Replace("is multi-licensed: recipients may choose under which of the licences below they use it", "bundles components under the licences below");
        Assert.Empty(LicenseChoice.OfferedSections(components));
    }

    [Fact]
    public void TheGnuOrLaterClauseIsNotAChoiceOfLicences()
    {
        Assert.False(LicenseChoice.OffersChoice(LicenseText.Words("either version 3 of the License, or (at your option) any later version")));
        Assert.True(LicenseChoice.OffersChoice(LicenseText.Words("You may use it under the MIT License or, at your option, the Apache License")));
        Assert.True(LicenseChoice.OffersChoice(LicenseText.Words("This project is dual-licensed.")));
    }

    [Fact]
    public void OnlyHeadingsAtTheFirstSectionsLevelAreBranches()
    {
        const string text = """
            # Licence

            This library is dual licensed; you may choose either licence.

            ## MIT

            ### Notes

            Some notes on the MIT branch.

            ## Apache License, Version 2.0

            **Patent grant**
            """;
        Assert.Equal(new[] { "MIT", "Apache License, Version 2.0" }, LicenseChoice.OfferedSections(text));
    }

    [Fact]
    public void ALicenceTextBeforeTheHeadingsIsNotAnOpeningThatOffersAChoice()
    {
        // The shape of Apache Arrow's LICENSE.txt: the Apache-2.0 text ("You may choose to offer…"), then third-party notices.
        string apache = string.Join(" ", Enumerable.Repeat("You may choose to offer, and charge a fee for, acceptance of support.", 20));
        Assert.Empty(LicenseChoice.OfferedSections(apache + "\n\nMIT License\n-----------\nText.\n\nOpenSSL License\n---------------\nText.\n"));
    }

    [Theory]
    [InlineData("Dual licensed.\n\n## MIT\n")]
    [InlineData("")]
    [InlineData("## MIT\n## Apache-2.0\n")]
    public void FewerThanTwoSectionsOrNoOpeningIsNoChoice(string text) => Assert.Empty(LicenseChoice.OfferedSections(text));
}
