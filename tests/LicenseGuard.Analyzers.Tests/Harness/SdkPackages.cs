using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Testing;

namespace LicenseGuard.Analyzers.Tests.Harness;

/// <summary>The real SDK packages the analyzer tests compile against (restored once per run by the testing library).</summary>
internal static class SdkPackages
{
    // The SDKs target current .NET (OllamaSharp needs System.Text.Json 10), so compile against net10.0 reference assemblies.
    private static readonly ReferenceAssemblies Net100 = new("net10.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"), Path.Combine("ref", "net10.0"));

    /// <summary>Gets the runtime's reference assemblies alone, for code that must not see any SDK package.</summary>
    public static ReferenceAssemblies RuntimeOnly => Net100;

    public static readonly ReferenceAssemblies All = CreateAll();

    /// <summary>The SDKs plus the open runtimes the code fixes write code for (LLamaSharp, ONNX Runtime GenAI).</summary>
    public static readonly ReferenceAssemblies WithOpenRuntimes = All.AddPackages(OpenRuntimePackages);

    /// <summary>Cloud storage SDKs, for the upload rules.</summary>
    public static readonly ReferenceAssemblies Storage = CreateStorage();

    /// <summary>Everything above at once, for the accuracy corpus (cases mix SDKs, open runtimes and uploads as real code does).</summary>
    public static readonly ReferenceAssemblies Corpus = CreateCorpus();

    private static ImmutableArray<PackageIdentity> OpenRuntimePackages => ImmutableArray.Create(
        Package("LLamaSharp", "0.30.0"),
        Package("Microsoft.ML.OnnxRuntimeGenAI.Managed", "0.18.0"));

    private static ReferenceAssemblies CreateAll() => Net100.AddPackages(ImmutableArray.Create(
        Package("OpenAI", "2.15.0"),
        Package("Anthropic", "13.14.0"),
        Package("Anthropic.Bedrock", "1.0.6"),
        Package("Anthropic.Vertex", "1.0.3"),
        Package("Anthropic.Foundry", "1.0.0"),
        Package("Azure.AI.OpenAI", "2.9.0-beta.1"),
        Package("Azure.AI.Inference", "1.0.0-beta.5"),
        Package("Azure.Core", "1.53.0"),
        Package("Microsoft.Extensions.AI.OpenAI", "10.11.0"),
        Package("Microsoft.Extensions.AI", "10.11.0"),
        Package("Microsoft.Extensions.DependencyInjection.Abstractions", "10.0.2"),
        Package("Microsoft.SemanticKernel.Connectors.OpenAI", "1.82.0"),
        Package("Microsoft.SemanticKernel.Connectors.AzureOpenAI", "1.82.0"),
        Package("Microsoft.Extensions.DependencyInjection", "10.0.0"),
        Package("Microsoft.Extensions.Http", "9.0.0"),
        Package("Betalgo.Ranul.OpenAI", "9.2.6"),
        Package("OllamaSharp", "5.5.2")));

    private static ImmutableArray<PackageIdentity> StoragePackages => ImmutableArray.Create(
        Package("Azure.Storage.Blobs", "12.26.0"),
        Package("Azure.Storage.Common", "12.25.0"),
        Package("Azure.Core", "1.53.0"),
        Package("AWSSDK.S3", "4.0.104"));

    /// <summary>The other places weights are sent to: Google Cloud Storage, Azure file shares, SFTP/SCP, archives by a library.</summary>
    private static ImmutableArray<PackageIdentity> TransferPackages => ImmutableArray.Create(
        Package("Google.Cloud.Storage.V1", "5.0.0"),
        Package("Azure.Storage.Files.Shares", "12.28.0"),
        Package("SSH.NET", "2026.0.1"),
        Package("SharpZipLib", "1.4.2"));

    private static ReferenceAssemblies CreateStorage() => Net100.AddPackages(StoragePackages);

    private static ReferenceAssemblies CreateCorpus() => CreateAll().AddPackages(OpenRuntimePackages).AddPackages(StoragePackages.RemoveAt(2)).AddPackages(TransferPackages);

    /// <summary>
    /// ASP.NET Core's reference assemblies from the installed SDK's targeting pack (packs/Microsoft.AspNetCore.App.Ref), for
    /// rules about serving files; the testing library's package resolution does not read a targeting pack's ref/ folder.
    /// </summary>
    public static IEnumerable<Microsoft.CodeAnalysis.MetadataReference> AspNetCoreReferences()
    {
        string dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        string pack = Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", "Microsoft.AspNetCore.App.Ref")).OrderBy(d => d, StringComparer.Ordinal).Last();
        return Directory.GetFiles(Path.Combine(pack, "ref", "net10.0"), "*.dll").Select(f => Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(f));
    }

    /// <summary>
    /// Workaround for Microsoft.CodeAnalysis.Testing 1.1.4 on a machine whose package caches are empty (every CI machine):
    /// a package the library downloads itself, rather than finds in the global packages folder or its temp-folder cache,
    /// can be recorded in its process-wide "no compile-time assets" set and left out, so the first compilation lacked
    /// Microsoft.SemanticKernel.Abstractions, Anthropic.Bedrock or the AWS SDK (CS0012/CS0246), while any later process,
    /// which reads the now-extracted packages from the cache, passed. Resolve every set before the tests do, clearing that
    /// set between rounds, until the result stops growing. Remove when a testing package resolves a cold cache right.
    /// </summary>
    static SdkPackages()
    {
        var emptyPackages = typeof(ReferenceAssemblies).GetField("s_emptyPackages", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
        object? noPackages = emptyPackages?.GetValue(null);
        int previous = -1;
        for (int round = 0; round < 4; round++)
        {
            emptyPackages?.SetValue(null, noPackages);
            int resolved = 0;
            foreach (var set in new[] { CreateAll(), CreateAll().AddPackages(OpenRuntimePackages), CreateStorage(), CreateCorpus() })
            {
                // A fresh instance each round (the library shares equal instances, and each caches its first result): naming a
                // framework assembly it references anyway once more makes the instance unequal and changes nothing else.
                resolved += set.AddAssemblies(Enumerable.Repeat("System.Runtime", round + 1).ToImmutableArray()).ResolveAsync(Microsoft.CodeAnalysis.LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult().Length;
            }

            if (resolved == previous)
            {
                break;
            }

            previous = resolved;
        }

        emptyPackages?.SetValue(null, noPackages);
    }

    private static PackageIdentity Package(string id, string version) => new(id, version);
}
