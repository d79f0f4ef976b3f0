using LicenseGuard.Licensing;
using NuGet.Common;
using NuGet.Configuration;
using NuGet.Frameworks;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace LicenseGuard.Cli;

/// <summary>
/// The user's NuGet sources through NuGet.Protocol: versions, dependency groups and licence metadata of packages that are not
/// installed. Sources and their credentials come from NuGet.Config (nothing secret is printed), or from --source.
/// </summary>
internal sealed class NuGetFeed : IDisposable
{
    private const int MaxLicenseFileBytes = 256 * 1024;

    private readonly List<SourceRepository> repositories;
    private readonly SourceCacheContext cache = new();
    private readonly ILogger logger = NullLogger.Instance;
    private readonly Dictionary<string, IReadOnlyList<(NuGetVersion Version, SourceRepository Source)>> versions = new(StringComparer.OrdinalIgnoreCase);

    private NuGetFeed(List<SourceRepository> repositories)
    {
        this.repositories = repositories;
    }

    public IEnumerable<string> SourceNames => repositories.Select(r => r.PackageSource.Source);

    public static NuGetFeed Create(string workingDirectory, IReadOnlyList<string> explicitSources)
    {
        var settings = Settings.LoadDefaultSettings(workingDirectory);
        var configured = new PackageSourceProvider(settings).LoadPackageSources().ToList();
        var sources = explicitSources.Count == 0
            ? configured.Where(s => s.IsEnabled).ToList()
            : explicitSources.Select(s => configured.FirstOrDefault(c => c.Source == s || c.Name == s) ?? new PackageSource(Validated(s))).ToList();
        var providers = Repository.Provider.GetCoreV3();
        return new NuGetFeed(sources.Select(s => Repository.CreateSource(providers, s)).ToList());
    }

    /// <summary>A --source is an http(s) URL or a folder; anything else with a scheme is a typo, not a feed failure.</summary>
    private static string Validated(string source)
    {
        bool looksLikeUrl = source.Contains("://", StringComparison.Ordinal);
        if (looksLikeUrl && !(Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.IsFile)))
        {
            throw new UsageException($"--source '{source}' is neither an http(s) URL nor a folder.");
        }

        return source;
    }

    /// <summary>Gets every version the sources list for a package (empty when none has it).</summary>
    public async Task<IReadOnlyList<(NuGetVersion Version, SourceRepository Source)>> GetVersionsAsync(string id, CancellationToken cancellationToken)
    {
        if (versions.TryGetValue(id, out var known))
        {
            return known;
        }

        var found = new Dictionary<NuGetVersion, SourceRepository>();
        foreach (var repository in repositories)
        {
            var resource = await Guard(repository, () => repository.GetResourceAsync<FindPackageByIdResource>(cancellationToken));
            var list = await Guard(repository, () => resource!.GetAllVersionsAsync(id, cache, logger, cancellationToken));
            foreach (var version in list ?? Enumerable.Empty<NuGetVersion>())
            {
                found.TryAdd(version, repository);
            }
        }

        var result = found.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key).ToList();
        versions[id] = result;
        return result;
    }

    /// <summary>Gets the dependencies of a package for the target framework nearest to <paramref name="framework"/>.</summary>
    public async Task<IReadOnlyList<PackageDependency>> GetDependenciesAsync(SourceRepository repository, PackageIdentity identity, NuGetFramework framework, CancellationToken cancellationToken)
    {
        var resource = await Guard(repository, () => repository.GetResourceAsync<FindPackageByIdResource>(cancellationToken));
        var info = await Guard(repository, () => resource!.GetDependencyInfoAsync(identity.Id, identity.Version, cache, logger, cancellationToken));
        if (info == null)
        {
            return Array.Empty<PackageDependency>();
        }

        var group = NuGetFrameworkUtility.GetNearest(info.DependencyGroups, framework, g => g.TargetFramework);
        return group?.Packages.ToList() ?? (IReadOnlyList<PackageDependency>)Array.Empty<PackageDependency>();
    }

    /// <summary>
    /// Reads the licence a package declares: from the feed's metadata when the feed serves it, otherwise from the .nuspec inside
    /// the package (feeds without registration data, such as mirrors); licence files are always read from the package.
    /// </summary>
    public async Task<Inventory.DeclaredLicense> GetLicenseAsync(SourceRepository repository, PackageIdentity identity, CancellationToken cancellationToken)
    {
        var resource = await Guard(repository, () => repository.GetResourceAsync<PackageMetadataResource>(cancellationToken));
        var metadata = await Guard(repository, () => resource!.GetMetadataAsync(identity, cache, logger, cancellationToken));
        LicenseMetadata? license = metadata?.LicenseMetadata;
        string? licenseUrl = metadata?.LicenseUrl?.OriginalString;
        PackageArchiveReader? package = null;
        try
        {
            // Mirrors often serve registration data without licence fields, and the placeholder URL means the licence
            // element is only in the .nuspec: then read the package itself.
            if (license == null && (string.IsNullOrWhiteSpace(licenseUrl) || licenseUrl!.Contains("aka.ms/deprecateLicenseUrl", StringComparison.OrdinalIgnoreCase)))
            {
                package = await DownloadAsync(repository, identity, cancellationToken);
                license = package?.NuspecReader.GetLicenseMetadata();
                licenseUrl = package?.NuspecReader.GetLicenseUrl();
            }

            if (license != null)
            {
                if (license.Type == LicenseType.File)
                {
                    package ??= await DownloadAsync(repository, identity, cancellationToken);
                    string? text = package == null ? null : ReadBounded(package, license.License);
                    var declared = new Inventory.DeclaredLicense { Source = Inventory.LicenseSource.File, Value = license.License };
                    if (text != null)
                    {
                        Gather.Licensing.LicenseFileFacts.Record(declared, text);
                    }

                    return declared;
                }

                return new Inventory.DeclaredLicense { Source = Inventory.LicenseSource.Expression, Value = license.License };
            }

            var declaredUrl = string.IsNullOrWhiteSpace(licenseUrl)
                ? new Inventory.DeclaredLicense()
                : new Inventory.DeclaredLicense { Source = Inventory.LicenseSource.Url, Value = licenseUrl };

            // As the build does: the licence text at the package's root, which the evaluator reads when the URL tells nothing.
            if (!(licenseUrl?.Contains("licenses.nuget.org/", StringComparison.OrdinalIgnoreCase) ?? false))
            {
                package ??= await DownloadAsync(repository, identity, cancellationToken);
                string? rootFile = package?.GetFiles().FirstOrDefault(f => f.IndexOfAny(new[] { '/', '\\' }) < 0 && Gather.Licensing.LicenseFileFacts.IsRootLicenseFile(f));
                if (rootFile != null && ReadBounded(package!, rootFile) is { } rootText)
                {
                    Gather.Licensing.LicenseFileFacts.Record(declaredUrl, rootText);
                    declaredUrl.PackageFile = rootFile;
                }
            }

            return declaredUrl;
        }
        finally
        {
            package?.Dispose();
        }
    }

    public void Dispose() => cache.Dispose();

    private async Task<PackageArchiveReader?> DownloadAsync(SourceRepository repository, PackageIdentity identity, CancellationToken cancellationToken)
    {
        var resource = await Guard(repository, () => repository.GetResourceAsync<FindPackageByIdResource>(cancellationToken));
        var nupkg = new MemoryStream();
        bool copied = await Guard(repository, () => resource!.CopyNupkgToStreamAsync(identity.Id, identity.Version, nupkg, cache, logger, cancellationToken));
        if (!copied)
        {
            nupkg.Dispose();
            return null;
        }

        nupkg.Position = 0;
        return new PackageArchiveReader(nupkg, leaveStreamOpen: false);
    }

    private static string? ReadBounded(PackageArchiveReader package, string path)
    {
        string wanted = path.Replace('\\', '/');
        string? entry = package.GetFiles().FirstOrDefault(f => string.Equals(f.Replace('\\', '/'), wanted, StringComparison.OrdinalIgnoreCase));
        if (entry == null)
        {
            return null;
        }

        using var reader = new StreamReader(package.GetStream(entry));
        var buffer = new char[MaxLicenseFileBytes];
        int read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }

    private static async Task<T> Guard<T>(SourceRepository repository, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e) when (e is FatalProtocolException || e is HttpRequestException || e is IOException || e is InvalidDataException)
        {
            throw new FeedException($"The source {repository.PackageSource.Source} failed: {Innermost(e).Message}", e);
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException == null ? e : Innermost(e.InnerException);
}
