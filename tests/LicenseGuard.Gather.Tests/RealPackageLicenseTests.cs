using LicenseGuard.Catalog;
using LicenseGuard.Inventory;
using LicenseGuard.Policy;

namespace LicenseGuard.Gather.Tests;

/// <summary>
/// Licence recognition on real packages restored from the registry: permissive controls, copyleft by expression, file and
/// URL, WITH exceptions, dual licences, multi-licence prose, legacy URL-only metadata, and packages that must stay unknown.
/// Each row is what the package really declares (see the origin in a failure message) and what LicenseGuard must make of it.
/// </summary>
public sealed class RealPackageLicenseTests(RealPackages restored) : IClassFixture<RealPackages>
{
    public static TheoryData<string, string, string, string> Packages => new()
    {
        // id, version, licence as resolved, class of each term (" / " between the terms of OR/AND expressions)
        { "Serilog", "4.4.0", "Apache-2.0", "permissive" },
        { "Polly", "8.5.2", "BSD-3-Clause", "permissive" },
        { "Dapper", "2.1.66", "Apache-2.0", "permissive" },
        { "Humanizer.Core", "2.14.1", "MIT", "permissive" },
        { "Castle.Core", "5.2.1", "Apache-2.0", "permissive" },
        { "Npgsql", "9.0.4", "PostgreSQL", "permissive" },
        { "MailKit", "4.18.2", "MIT", "permissive" },
        { "Akka", "1.5.74", "Apache-2.0", "permissive" },
        { "LiteDB", "5.0.21", "MIT", "permissive" },
        { "AutoMapper", "14.0.0", "MIT", "permissive" },
        { "FluentAssertions", "7.2.2", "Apache-2.0", "permissive" },
        { "MassTransit", "8.5.12", "Apache-2.0", "permissive" },
        { "SixLabors.ImageSharp", "2.1.13", "Apache-2.0", "permissive" },
        { "HtmlAgilityPack", "1.13.0", "MIT", "permissive" },
        { "ClosedXML", "0.95.4", "MIT", "permissive" },
        // licence files, matched against the SPDX texts
        { "NPOI", "2.4.1", "Apache-2.0", "permissive" },
        { "EPPlus", "4.5.3.3", "LGPL-3.0-only", "weak-copyleft" },
        { "Fugit", "0.4.1", "GPL-3.0-only", "strong-copyleft" },
        // copyleft expressions and URLs
        { "TagLibSharp", "2.3.0", "LGPL-2.1-only", "weak-copyleft" },
        { "ProjNET", "2.0.0", "LGPL-2.1-or-later", "weak-copyleft" },
        { "PacketDotNet", "1.4.8", "MPL-2.0", "weak-copyleft" },
        { "Deque.AxeCore.Commons", "4.14.0", "MPL-2.0", "weak-copyleft" },
        { "UTF.Unknown", "2.8.0", "MPL-1.1", "weak-copyleft" },
        { "Remotion.Linq.EagerFetching", "2.2.0", "LGPL-2.1", "weak-copyleft" },
        // dual licences: an OR expression, and multi-licence prose pinned by a catalog fact
        { "RabbitMQ.Client", "7.2.2", "Apache-2.0 OR MPL-2.0", "permissive / weak-copyleft" },
        { "Hangfire.Core", "1.8.25", "LGPL-3.0-or-later OR LicenseRef-hangfire-commercial", "weak-copyleft / proprietary" },
        // a community package of the same family with a plain LGPLv3 notice: not Hangfire OÜ's commercial branch
        { "Hangfire.PostgreSql", "1.21.1", "LGPL-3.0-only", "weak-copyleft" },
        // a WITH exception that relaxes nothing for proprietary code, from a licenseUrl-only package
        { "MySql.Data", "8.0.19", "GPL-2.0-only WITH Universal-FOSS-exception-1.0", "strong-copyleft" },
        // legacy licenseUrl-only metadata: catalog facts by id and version range, with their evidence
        { "MediatR", "5.1.0", "Apache-2.0", "permissive" },
        { "Google.Protobuf", "3.10.1", "BSD-3-Clause", "permissive" },
        { "Newtonsoft.Json", "9.0.1", "MIT", "permissive" },
        { "NETStandard.Library", "2.0.3", "MIT", "permissive" },
        { "System.Net.Http", "4.3.4", "LicenseRef-microsoft-dotnet-library", "proprietary" },
        // a licenseUrl LicenseGuard does not know (github.com/dotnet/corefx/blob/master/LICENSE.TXT, a branch's current file) next
        // to the licence text the package itself ships at its root: that text decides (seen 74 times in dotnet/ai-samples' scan)
        { "System.Memory", "4.5.5", "MIT", "permissive" },
        { "System.ValueTuple", "4.5.0", "MIT", "permissive" },
        { "System.Threading.Tasks.Extensions", "4.5.4", "MIT", "permissive" },
        // packages that moved to a commercial, non-commercial or copyleft licence (the upgrade trap of 2024-25), as the registry
        // serves them: by their catalog facts, and where the package ships a licence file, by that file too (PolygonClipper)
        { "EPPlus", "8.7.2", "PolyForm-Noncommercial-1.0.0 OR LicenseRef-epplus-commercial", "non-commercial / proprietary" },
        { "EPPlus.Interfaces", "8.6.2", "PolyForm-Noncommercial-1.0.0 OR LicenseRef-epplus-commercial", "non-commercial / proprietary" },
        { "SixLabors.ImageSharp", "4.1.3", "LicenseRef-SixLabors-Split-1.0", "proprietary" },
        { "SixLabors.PolygonClipper", "1.0.2", "LicenseRef-SixLabors-Split-1.0", "proprietary" },
        { "AutoMapper", "15.1.4", "RPL-1.5 OR LicenseRef-luckypenny-commercial", "network-copyleft / proprietary" },
        { "MassTransit", "9.2.6", "LicenseRef-masstransit-commercial", "proprietary" },
        { "PDFsharp", "6.5.0", "AGPL-3.0-only", "network-copyleft" },
        // vendor terms: a licenseUrl to the vendor's terms page, a Microsoft EULA file (known by its title, after a byte-order mark)
        { "ServiceStack.Text", "10.5.0", "LicenseRef-servicestack-commercial", "proprietary" },
        { "Microsoft.SqlServer.Types", "170.1000.7", "LicenseRef-microsoft-software-license-terms", "proprietary" },
        // SPDX licences beyond the common ones, and a WITH exception that keeps a permissive licence permissive
        { "ILGPU", "1.5.3", "NCSA", "permissive" },
        { "UUIDNext", "4.2.4", "0BSD", "permissive" },
        { "Wasmtime", "50.0.1", "Apache-2.0 WITH LLVM-exception", "permissive" },
        // the evidence packages carry instead of a licence expression (issue 22): a short notice naming a licence by its URL,
        // misspelt ("Attributeion"); a GNU notice followed by a section offering a commercial licence in addition; BSD-3-Clause
        // with its replaceable text edited (the holder's name in the clauses, a title, a credit to the code it builds on, a
        // list of holders); a licence file named with Windows separators in the .nuspec; a Mozilla-derived licence outside
        // the SPDX list, by its title
        { "Isopoh.Cryptography.Argon2", "2.0.0", "CC-BY-4.0", "permissive" },
        { "Newtonsoft.Json.Schema", "4.0.1", "AGPL-3.0 OR LicenseRef-commercial", "network-copyleft / proprietary" },
        { "Concentus", "2.2.2", "BSD-3-Clause", "permissive" },
        { "BitMiracle.LibJpeg.NET", "1.5.324", "BSD-3-Clause", "permissive" },
        { "MAB.DotIgnore", "3.0.1", "MIT", "permissive" },
        { "FirebirdSql.Data.FirebirdClient", "10.3.4", "LicenseRef-IDPL-1.0", "weak-copyleft" },
        // catalogued licence pages (a project's page that is a BSD-2-Clause or MIT text, a vendor's non-commercial-or-paid page)
        // and a repository licence file read once and pinned as a catalog fact for the package (a COPYING.LESSER)
        { "FParsec", "1.1.1", "BSD-2-Clause", "permissive" },
        { "Portable.BouncyCastle", "1.9.0", "MIT", "permissive" },
        { "NetMQ", "4.0.4.5", "LGPL-3.0-only", "weak-copyleft" },
        { "Xabe.FFmpeg", "5.2.6", "LicenseRef-xabe-ffmpeg", "non-commercial" },
        // from a held-out audit of 41 registry packages (no wrong verdict; these unknowns were decidable): a branch URL of an
        // archived repository, SQLite's public-domain page, a vendor's API terms of use by their title
        { "Microsoft.Azure.KeyVault.Core", "2.0.4", "MIT", "permissive" },
        { "System.Data.SQLite.Core", "1.0.119", "LicenseRef-public-domain", "permissive" },
        { "Microsoft.Graph.Communications.Common", "1.2.0.18742", "LicenseRef-vendor-eula", "proprietary" },
        // what LicenseGuard cannot know stays unknown: a URL to a repository's current file not pinned by the catalog (the
        // samples' LG3002), no licence at all, a vendor page not catalogued, a COPYING that points at a licence folder the
        // package does not ship
        { "DotNetZip", "1.16.0", "unknown", "unknown" },
        { "BouncyCastle.NetCore", "1.8.5", "unknown", "unknown" },
        { "XmpCore", "6.1.10", "unknown", "unknown" },
        { "Ude.NetStandard", "1.2.0", "unknown", "unknown" },
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public void LicenceAndClassAreRecognised(string id, string version, string license, string classes)
    {
        var package = restored.Package(id, version);
        var catalog = RulesCatalog.BuiltIn;

        var (expression, origin) = DependencyEvaluator.ResolveLicense(package, catalog);

        string because = $"{id} {version} declares {package.License.Source} '{package.License.Value}'; resolved from: {origin}";
        Assert.True((expression?.ToDisplayString() ?? "unknown") == license, because + $"; got {expression?.ToDisplayString() ?? "unknown"}");
        string actual = expression == null ? "unknown" : string.Join(" / ", expression.Terms.Select(t => DependencyEvaluator.ClassOf(t, catalog)));
        Assert.True(actual == classes, because + $"; classes {actual}");
    }

    [Fact]
    public void CatalogFactsNameTheirEvidenceAndNeverOverrideADeclaredExpression()
    {
        var (_, origin) = DependencyEvaluator.ResolveLicense(restored.Package("MediatR", "5.1.0"), RulesCatalog.BuiltIn);
        Assert.StartsWith("catalog fact for MediatR (,13.0.0): Apache-2.0 until 13.0", origin);

        // Newtonsoft.Json 13.0.1 arrives transitively with its own expression; the fact for older versions does not apply.
        var (expression, declared) = DependencyEvaluator.ResolveLicense(restored.Package("Newtonsoft.Json", "13.0.1"), RulesCatalog.BuiltIn);
        Assert.Equal(("MIT", "nuspec licence expression"), (expression!.ToDisplayString(), declared));
    }

    [Fact]
    public void ASplitLicenceBuiltOnApacheWordingIsNeverTakenForApache()
    {
        // The issue's case: ImageSharp 4.1.3 ships the Six Labors Split License, whose text borrows Apache-2.0's. Without the
        // catalog fact for ImageSharp >= 3 the file alone must still say Split: its title, and no SPDX text matched.
        var license = restored.Package("SixLabors.ImageSharp", "4.1.3").License;
        Assert.Equal(("Six Labors Split License", null), (license.FileTitle, license.DetectedInFile));
        Assert.Equal("proprietary", RulesCatalog.BuiltIn.FindLicenseByTitle(license.FileTitle)!.Class);
        var clipper = DependencyEvaluator.ResolveLicense(restored.Package("SixLabors.PolygonClipper", "1.0.2"), RulesCatalog.BuiltIn).Origin;
        Assert.StartsWith("licence file 'LICENSE' is titled \"Six Labors Split License\"", clipper);
    }

    [Fact]
    public void AMultiLicenceFileIsReadFromItsSectionsWithoutACatalogFact()
    {
        // Hangfire.Core's LICENSE.md offers the LGPL v3 or a commercial licence in two sections. Under another id (a fork, a
        // vendored copy) no catalog fact applies, and the file alone gives the choice; the inventory JSON keeps the sections.
        var hangfire = restored.Package("Hangfire.Core", "1.8.25");
        Assert.Equal(new[] { "LGPL v3 License", "Commercial License" }, hangfire.License.FileSections);
        var fork = new PackageFact { Id = "Contoso.Hangfire.Fork", Version = hangfire.Version, License = hangfire.License };

        var (expression, origin) = DependencyEvaluator.ResolveLicense(fork, RulesCatalog.BuiltIn);

        Assert.Equal("LGPL-3.0 OR LicenseRef-commercial", expression?.ToDisplayString());
        Assert.Equal("licence file 'LICENSE.md' offers a choice of licences in sections \"LGPL v3 License\", \"Commercial License\": LGPL-3.0 OR LicenseRef-commercial", origin);
        var inventory = new ProjectInventory();
        inventory.Packages.Add(fork);
        Assert.Equal(hangfire.License.FileSections, ProjectInventory.Parse("obj/licenseguard.inventory.json", inventory.ToJson()).Packages[0].License.FileSections);
    }

    [Fact]
    public void LicenceFileMatchesRecordTheirScore()
    {
        var epplus = restored.Package("EPPlus", "4.5.3.3").License;
        Assert.Equal(("LGPL-3.0-only", "1.000"), (epplus.DetectedInFile, epplus.MatchScore));
        var hangfire = restored.Package("Hangfire.Core", "1.8.25").License;
        Assert.Null(hangfire.DetectedInFile);
        Assert.Equal("License", hangfire.FileTitle);
    }
}

/// <summary>
/// Three real projects restored from the normal NuGet sources: current packages (net10.0), relicensed and rarer licences
/// (net10.0; the same ids at older versions are in the first), legacy packages (netstandard2.0).
/// </summary>
public sealed class RealPackages : IDisposable
{
    private readonly List<ProjectInventory> inventories = new();

    public RealPackages()
    {
        Root = Directory.CreateTempSubdirectory("licenseguard-real-").FullName;
        string[] current =
        [
            "Serilog/4.4.0", "Polly/8.5.2", "Dapper/2.1.66", "Humanizer.Core/2.14.1", "Castle.Core/5.2.1", "Npgsql/9.0.4", "MailKit/4.18.2",
            "Akka/1.5.74", "LiteDB/5.0.21", "AutoMapper/14.0.0", "MediatR/5.1.0", "FluentAssertions/7.2.2", "MassTransit/8.5.12",
            "EPPlus/4.5.3.3", "SixLabors.ImageSharp/2.1.13", "Hangfire.Core/1.8.25", "MySql.Data/8.0.19", "TagLibSharp/2.3.0",
            "ProjNET/2.0.0", "RabbitMQ.Client/7.2.2", "PacketDotNet/1.4.8", "UTF.Unknown/2.8.0", "Remotion.Linq.EagerFetching/2.2.0",
            "Deque.AxeCore.Commons/4.14.0", "Fugit/0.4.1", "DotNetZip/1.16.0", "HtmlAgilityPack/1.13.0", "NPOI/2.4.1", "ClosedXML/0.95.4",
        ];
        Restore("Current", "net10.0", current);
        string[] relicensedAndRarer =
        [
            "EPPlus/8.7.2", "SixLabors.ImageSharp/4.1.3", "SixLabors.PolygonClipper/1.0.2", "AutoMapper/15.1.4", "MassTransit/9.2.6",
            "PDFsharp/6.5.0", "ServiceStack.Text/10.5.0", "Microsoft.SqlServer.Types/170.1000.7", "ILGPU/1.5.3", "UUIDNext/4.2.4",
            "Wasmtime/50.0.1", "Concentus/2.2.2", "XmpCore/6.1.10", "Isopoh.Cryptography.Argon2/2.0.0", "Hangfire.PostgreSql/1.21.1",
        ];
        Restore("Relicensed", "net10.0", relicensedAndRarer);
        string[] evidence =
        [
            "Newtonsoft.Json.Schema/4.0.1", "BitMiracle.LibJpeg.NET/1.5.324", "MAB.DotIgnore/3.0.1", "FirebirdSql.Data.FirebirdClient/10.3.4",
            "FParsec/1.1.1", "Portable.BouncyCastle/1.9.0", "NetMQ/4.0.4.5", "Xabe.FFmpeg/5.2.6", "Ude.NetStandard/1.2.0",
            "Microsoft.Azure.KeyVault.Core/2.0.4", "System.Data.SQLite.Core/1.0.119", "Microsoft.Graph.Communications.Common/1.2.0.18742",
        ];
        Restore("Evidence", "net10.0", evidence);
        Restore("Legacy", "netstandard2.0", ["Newtonsoft.Json/9.0.1", "System.Net.Http/4.3.4", "System.Memory/4.5.5", "System.ValueTuple/4.5.0", "System.Threading.Tasks.Extensions/4.5.4"]);
    }

    public string Root { get; }

    public PackageFact Package(string id, string version) =>
        inventories.SelectMany(i => i.Packages).First(p => p.Id == id && p.Version == version);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Restore(string name, string framework, string[] packages)
    {
        string directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        string references = string.Join("\n", packages.Select(p => p.Split('/')).Select(p => $"    <PackageReference Include=\"{p[0]}\" Version=\"{p[1]}\" />"));
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>{framework}</TargetFramework><NoWarn>NU1603;NU1608;NU1701;NU1902;NU1903;NU1904</NoWarn></PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        DotnetCommand.RunOrThrow(directory, "restore");

        inventories.Add(InventoryBuilder.Build(Path.Combine(directory, "obj", "project.assets.json")));
    }
}
