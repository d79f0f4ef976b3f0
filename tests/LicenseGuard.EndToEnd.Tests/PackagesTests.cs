using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Xml.Linq;

namespace LicenseGuard.EndToEnd.Tests;

/// <summary>
/// What <c>dotnet pack LicenseGuard.sln</c> publishes (the fixture runs exactly that): the two public packages, each with
/// its metadata and symbols, and a tool that installs the usual ways.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackagesTests(PackedLicenseGuard package)
{
    [Fact]
    public void PackingTheSolutionProducesExactlyThePublicPackagesWithSymbols()
    {
        var files = Directory.GetFiles(package.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            new[] { "LicenseGuard", "LicenseGuard.Tool" }.SelectMany(id => new[] { $"{id}.{package.Version}.nupkg", $"{id}.{package.Version}.snupkg" }).Order(StringComparer.Ordinal),
            files);
        var ids = Directory.GetFiles(package.Feed, "*.nupkg").Select(p => Nuspec(p).Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("LicenseGuard")]
    [InlineData("LicenseGuard.Tool")]
    public void EachPublicPackageDescribesItself(string id)
    {
        string nupkg = Path.Combine(package.Feed, $"{id}.{package.Version}.nupkg");
        var nuspec = Nuspec(nupkg);

        Assert.Equal(id, nuspec.Id);
        Assert.Equal("MIT", nuspec.Value("license"));
        Assert.Equal("expression", nuspec.Element("license")?.Attribute("type")?.Value);
        Assert.StartsWith("https://", nuspec.Value("projectUrl"));
        Assert.StartsWith("https://", nuspec.Element("repository")?.Attribute("url")?.Value);
        Assert.Contains("license", nuspec.Value("tags"));
        Assert.False(string.IsNullOrWhiteSpace(nuspec.Value("description")));
        string readme = nuspec.Value("readme");
        Assert.Equal("README.md", readme);
        using var zip = ZipFile.OpenRead(nupkg);
        using var reader = new StreamReader(zip.GetEntry(readme)!.Open());
        Assert.StartsWith("# LicenseGuard", reader.ReadToEnd());

        using var symbols = ZipFile.OpenRead(Path.ChangeExtension(nupkg, ".snupkg"));
        var pdbs = symbols.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal)).Select(e => Path.GetFileNameWithoutExtension(e.Name)).ToHashSet();
        var dlls = zip.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal) && e.Name.StartsWith("LicenseGuard.", StringComparison.OrdinalIgnoreCase)).Select(e => Path.GetFileNameWithoutExtension(e.Name));
        Assert.All(dlls, dll => Assert.Contains(dll, pdbs));
    }

    [Fact]
    public void TheAnalyzerIsADevelopmentDependencyWithAnalyzersAndBuildIntegration()
    {
        string nupkg = Path.Combine(package.Feed, $"LicenseGuard.{package.Version}.nupkg");

        Assert.Equal("true", Nuspec(nupkg).Value("developmentDependency"));
        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("analyzers/dotnet/cs/LicenseGuard.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/LicenseGuard.CodeFixes.dll", entries);
        Assert.Contains("build/LicenseGuard.targets", entries);
        Assert.Contains("buildTransitive/LicenseGuard.targets", entries);
        Assert.Contains("tasks/netstandard2.0/LicenseGuard.Build.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
    }

    /// <summary>
    /// Packed on linux-x64, the analyzer and its Core library also ship as ReadyToRun copies for the SDK's runtime: the same
    /// assemblies (name, version and MVID — the gather step's verdict is keyed by Core's MVID) with native code for Linux x64.
    /// Packed anywhere else, there are none, and the IL copies serve every compiler.
    /// </summary>
    [Fact]
    public void TheAnalyzerShipsReadyToRunCopiesOfTheSameAssembliesWhenPackedOnLinuxX64()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(package.Feed, $"LicenseGuard.{package.Version}.nupkg"));
        var copies = zip.Entries.Where(e => e.FullName.StartsWith("readytorun/", StringComparison.Ordinal)).ToList();
        if (RuntimeInformation.RuntimeIdentifier != "linux-x64")
        {
            Assert.Empty(copies);
            return;
        }

        Assert.Equal(
            new[] { "LicenseGuard.Analyzers.dll", "LicenseGuard.Core.dll" }.Select(name => $"readytorun/net{Environment.Version.Major}.0/linux-x64/{name}"),
            copies.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var copy in copies)
        {
            var precompiled = Image(copy);
            var il = Image(zip.GetEntry("analyzers/dotnet/cs/" + copy.Name)!);

            Assert.Equal(il.Identity, precompiled.Identity);
            Assert.Equal(il.Mvid, precompiled.Mvid);
            Assert.False(il.HasNativeCode);
            Assert.True(precompiled.HasNativeCode, copy.FullName + " has no ReadyToRun header");
            Assert.Equal((Machine)(0x8664 ^ 0x7B79), precompiled.Machine); // x64 with the runtime's Linux marker
        }
    }

    [Fact]
    public void TheToolIsADotnetToolThatInstallsGloballyAndAsALocalTool()
    {
        Assert.Equal("DotnetTool", Nuspec(Path.Combine(package.Feed, $"LicenseGuard.Tool.{package.Version}.nupkg")).Element("packageTypes")?.Elements().Single().Attribute("name")?.Value);

        // Global (into a tool path, so the test leaves the machine's global tools alone).
        string toolPath = Path.Combine(package.WorkRoot, $"tools-{Guid.NewGuid():N}");
        var install = package.Dotnet(package.WorkRoot, "tool", "install", "LicenseGuard.Tool", "--version", package.Version, "--tool-path", toolPath, "--add-source", package.Feed);
        Assert.True(install.ExitCode == 0, install.Output);
        var help = package.Exec(Path.Combine(toolPath, OperatingSystem.IsWindows() ? "licenseguard.exe" : "licenseguard"), package.WorkRoot, "--help");
        Assert.True(help.ExitCode == 0, help.Output);
        Assert.Contains("check", help.Output);
        Assert.Contains("scan", help.Output);

        // Local, with a manifest: the repository's NuGet.config names the feed.
        string repository = Path.Combine(package.WorkRoot, $"local-{Guid.NewGuid():N}");
        Directory.CreateDirectory(repository);
        Assert.Equal(0, package.Dotnet(repository, "new", "tool-manifest").ExitCode);
        install = package.Dotnet(repository, "tool", "install", "LicenseGuard.Tool", "--version", package.Version);
        Assert.True(install.ExitCode == 0, install.Output);
        var show = package.Dotnet(repository, "tool", "run", "licenseguard", "rules", "show", "anthropic");
        Assert.True(show.ExitCode == 0, show.Output);
        Assert.Contains("Anthropic", show.Output);
    }

    private static (string Identity, Guid Mvid, bool HasNativeCode, Machine Machine) Image(ZipArchiveEntry entry)
    {
        var bytes = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(bytes);
        }

        bytes.Position = 0;
        using var reader = new PEReader(bytes);
        var metadata = reader.GetMetadataReader();
        return (
            metadata.GetAssemblyDefinition().GetAssemblyName().FullName,
            metadata.GetGuid(metadata.GetModuleDefinition().Mvid),
            reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0,
            reader.PEHeaders.CoffHeader.Machine);
    }

    private static NuspecDocument Nuspec(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = entry.Open();
        return new NuspecDocument(XDocument.Load(stream));
    }

    private sealed record NuspecDocument(XDocument Document)
    {
        private XElement Metadata => Document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");

        public string Id => Value("id");

        public XElement? Element(string name) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

        public string Value(string name) => Element(name)?.Value ?? string.Empty;
    }
}
