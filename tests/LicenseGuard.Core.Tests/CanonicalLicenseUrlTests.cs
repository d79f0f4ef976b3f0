using LicenseGuard.Catalog;

namespace LicenseGuard.Core.Tests;

/// <summary>
/// Licence URLs recognised by each publisher's URL grammar, not by a list of addresses: the page a publisher keeps for a licence
/// names it (any version, language suffix, text or HTML form); any other page of the same site names none.
/// </summary>
public class CanonicalLicenseUrlTests
{
    [Theory]
    [InlineData("https://www.gnu.org/licenses/gpl-3.0.en.html", "GPL-3.0")]
    [InlineData("http://www.gnu.org/licenses/lgpl-3.0.txt", "LGPL-3.0")]
    [InlineData("https://www.gnu.org/licenses/old-licenses/lgpl-2.1.en.html", "LGPL-2.1")]
    [InlineData("https://www.gnu.org/licenses/old-licenses/gpl-2.0.txt", "GPL-2.0")]
    [InlineData("https://www.gnu.org/licenses/agpl-3.0.en.html", "AGPL-3.0")]
    [InlineData("https://spdx.org/licenses/MIT.html", "MIT")]
    [InlineData("https://spdx.org/licenses/BSD-3-Clause.json", "BSD-3-Clause")]
    [InlineData("https://opensource.org/license/apache-2-0", "Apache-2.0")]
    [InlineData("https://opensource.org/license/bsd-2-clause/", "BSD-2-Clause")]
    [InlineData("http://opensource.org/licenses/Zlib", "Zlib")]
    [InlineData("https://choosealicense.com/licenses/mpl-2.0/", "MPL-2.0")]
    [InlineData("https://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0")]
    [InlineData("https://creativecommons.org/licenses/by-nc-sa/4.0/legalcode", "CC-BY-NC-SA-4.0")]
    [InlineData("https://creativecommons.org/licenses/by-sa/3.0/deed.de", "CC-BY-SA-3.0")]
    [InlineData("https://creativecommons.org/publicdomain/zero/1.0/legalcode", "CC0-1.0")]
    [InlineData("https://www.mozilla.org/en-US/MPL/1.1/", "MPL-1.1")]
    [InlineData("https://www.eclipse.org/legal/epl-v10.html", "EPL-1.0")]
    [InlineData("https://www.eclipse.org/legal/epl-2.0/", "EPL-2.0")]
    [InlineData("https://www.apache.org/licenses/LICENSE-2.0.html#redistribution", "Apache-2.0")]
    public void APublishersPageForALicenceNamesIt(string url, string id) =>
        Assert.Equal(id, RulesCatalog.BuiltIn.FindLicenseByUrl(url)?.Id);

    [Theory]
    [InlineData("https://www.gnu.org/licenses/why-not-lgpl.html")]
    [InlineData("https://www.gnu.org/licenses/gpl-faq.html")]
    [InlineData("https://www.gnu.org/licenses/license-list.html")]
    [InlineData("https://opensource.org/licenses")]
    [InlineData("https://opensource.org/licenses/bsd-license.php")]
    [InlineData("https://opensource.org/license/isc-license-txt")]
    [InlineData("https://creativecommons.org/licenses/")]
    [InlineData("https://creativecommons.org/about/cclicenses/")]
    [InlineData("https://spdx.org/licenses/")]
    [InlineData("https://spdx.org/licenses/Not-A-Licence-1.0.html")]
    [InlineData("https://github.com/contoso/widgets/blob/main/LICENSE")]
    [InlineData("https://contoso.example/opensource.org/licenses/MIT")]
    public void OtherPagesOfThoseSitesNameNoLicence(string url) =>
        Assert.Null(RulesCatalog.BuiltIn.FindLicenseByUrl(url));
}
