using LicenseGuard.Catalog;
using LicenseGuard.Gather.Licensing;
using LicenseGuard.Inventory;
using LicenseGuard.Policy;

namespace LicenseGuard.Gather.Tests;

/// <summary>
/// A licence file that is a short notice naming a licence by its URL, alone or before sections offering more licences:
/// recognised by the URL (never by the notice's words, which may be misspelt), and left unknown when the notice reserves
/// anything, points at several licences, or points at a URL LicenseGuard does not know.
/// </summary>
public class LicenseNoticeTests
{
    [Theory]
    [InlineData("Contoso.Crypto by Jane Doe is licensed under a Creative Commons Attributeion 4.0 International License, http://creativecommons.org/licenses/by/4.0/.", "CC-BY-4.0")]
    [InlineData("This library is released under the terms of the MIT license (https://opensource.org/licenses/MIT).", "MIT")]
    [InlineData("Licensed under the Apache License, Version 2.0 <https://www.apache.org/licenses/LICENSE-2.0>.", "Apache-2.0")]
    [InlineData("# Contoso\n\nThis program is free software: you can redistribute it and/or modify it under the terms of the GNU Lesser General Public License, version 3, https://www.gnu.org/licenses/lgpl-3.0.html", "LGPL-3.0")]
    public void ANoticeIsTheLicenceItsUrlNames(string notice, string expected) => Assert.Equal(expected, LicenseFiles.Resolve(notice).Expression?.ToDisplayString());

    [Theory]
    [InlineData("Licensed under the MIT license, https://opensource.org/licenses/MIT, except the files under native/, which are proprietary.")]
    [InlineData("Licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/) for non-commercial projects only.")]
    [InlineData("Licensed under the MIT license (https://opensource.org/licenses/MIT) and the GPL (https://www.gnu.org/licenses/gpl-3.0.html).")]
    [InlineData("Licensed under the terms at https://contoso.example/licence.")]
    [InlineData("See https://opensource.org/licenses/MIT")]
    public void ANoticeThatReservesPointsAtSeveralOrAtAnUnknownPageStaysUnknown(string notice) => Assert.Null(LicenseFiles.Resolve(notice).Expression);

    [Fact]
    public void AGnuNoticeWithACommercialSectionInAdditionIsTheirChoice()
    {
        const string file = """
            # Contoso Schema

            Copyright (c) 2014 Contoso

            This program is free software: you can redistribute it and/or modify it under the terms of the GNU Affero General
            Public License as published by the Free Software Foundation, either version 3 of the License, see
            http://www.gnu.org/licenses/agpl-3.0.html.

            ## Commercial License

            In addition to this license, Contoso Schema is offered under a commercial license.
            """;

        var (expression, origin) = LicenseFiles.Resolve(file);

        Assert.Equal("AGPL-3.0 OR LicenseRef-commercial", expression?.ToDisplayString());
        Assert.Contains("in addition to the AGPL-3.0 its opening names by URL", origin, StringComparison.Ordinal);
    }

    [Fact]
    public void ANoticeFollowedBySectionsThatOfferNothingInAdditionDecidesNothing()
    {
        const string file = """
            Licensed under the MIT license, https://opensource.org/licenses/MIT.

            ## Third-party notices

            The bundled icons are from Contoso Icons.
            """;

        var (sections, urls) = LicenseChoice.Read(file);

        // The section may carry terms of its own: neither a choice nor the notice alone decides the file.
        Assert.Empty(sections);
        Assert.Empty(urls);
    }
}
