namespace LicenseGuard.EndToEnd.Tests;

/// <summary>Model weights through a real build and publish: LG2001 at the item lines, with the licence source, in the SARIF.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class WeightsBuildTests(PackedLicenseGuard package)
{
    [Fact]
    public void ShippedWeightsAreJudgedFromTheirHeadersAndModelCards()
    {
        string project = package.CopySample("WeightsShipper");
        package.MakeWeights(project);

        var build = package.Build(project);

        Assert.True(build.ExitCode == 0, build.Output);
        var results = build.LicenseGuardResults.Where(r => r.RuleId == "LG2001").ToList();
        Assert.Equal(2, results.Count);
        var llama = Assert.Single(results, r => r.Message.StartsWith("'models/llama/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf' (gguf)", StringComparison.Ordinal));
        Assert.Equal(("LG2001", "warning", "WeightsShipper.csproj", LineOf(project, "models/llama/*.gguf")), (llama.RuleId, llama.Level, llama.File, llama.Line));
        Assert.Contains("Llama 3.1 8B, licence LicenseRef-hf-llama3.1 (open-weights-restricted), from file metadata (gguf general.license)", llama.Message);
        Assert.Contains("\"Built with Llama\"", llama.Message);

        var minilm = Assert.Single(results, r => r.Message.StartsWith("'models/minilm/all-MiniLM-L6-v2.onnx' (onnx)", StringComparison.Ordinal));
        Assert.Equal(("LG2001", "note", LineOf(project, "models/minilm/**")), (minilm.RuleId, minilm.Level, minilm.Line));
        Assert.Contains("licence Apache-2.0 (permissive), from model card README.md", minilm.Message);
        Assert.Contains("NOTICE found next to the file", minilm.Message);
        Assert.DoesNotContain(results, r => r.Message.Contains("experimental.gguf", StringComparison.Ordinal));

        // The release step's upload: the folder comes from ReleaseOptions, the files from its *.gguf pattern, through two methods; the licence is the one the build read from the file.
        var upload = Assert.Single(build.LicenseGuardResults, r => r.RuleId == "LG2002");
        Assert.Equal(("warning", "Release.cs"), (upload.Level, upload.File));
        Assert.Contains("'new StreamContent' sends", upload.Message);
        Assert.Contains("sends .gguf model-weight files from '{}/models/llama/*.gguf' (via parameter 'path' of Upload) in an HTTP request", upload.Message);
        Assert.Contains("'models/llama/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf' is Llama 3.1 8B", upload.Message);
        Assert.Contains("open models of the same task that allow redistribution", upload.Message);
    }

    [Fact]
    public void CodeThatArchivesAFolderTheBuildFoundWeightsInIsReportedThoughNoNameShowsIt()
    {
        string project = package.CopySample("WeightsShipper");
        package.MakeWeights(project);
        File.WriteAllText(Path.Combine(project, "Exporter.cs"), """
            using System.IO;
            using System.IO.Compression;

            static class Exporter
            {
                public static void Embeddings(string root, string output) => ZipFile.CreateFromDirectory(Path.Combine(root, "minilm"), output);

                public static void Docs(string root, string output) => ZipFile.CreateFromDirectory(Path.Combine(root, "docs"), output);
            }
            """);

        var build = package.Build(project);

        Assert.True(build.ExitCode == 0, build.Output);
        var archived = Assert.Single(build.LicenseGuardResults, r => r.RuleId == "LG2002" && r.File == "Exporter.cs");
        Assert.Equal(("Exporter.cs", 6), (archived.File, archived.Line));
        Assert.Contains("'ZipFile.CreateFromDirectory' archives the 'minilm' folder of model weights from '{}/minilm' into a zip archive", archived.Message);
        Assert.Contains("'models/minilm/all-MiniLM-L6-v2.onnx' is all-MiniLM-L6-v2, licence Apache-2.0 (permissive), from model card README.md", archived.Message);
    }

    [Fact]
    public void PublishReportsTheSameWeights()
    {
        string project = package.CopySample("WeightsShipper");
        package.MakeWeights(project);

        var publish = package.Publish(project);

        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.Equal(2, publish.LicenseGuardResults.Count(r => r.RuleId == "LG2001"));
        Assert.True(File.Exists(Path.Combine(project, "bin", "Release", "net10.0", "publish", "models", "llama", "Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf"))
            || Directory.GetFiles(Path.Combine(project, "bin"), "Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", SearchOption.AllDirectories).Any(p => p.Contains("publish", StringComparison.Ordinal)));
    }

    [Fact]
    public void ExceptionForOneFileSilencesExactlyThatFile()
    {
        string project = package.CopySample("WeightsShipper");
        package.MakeWeights(project);
        File.WriteAllText(Path.Combine(project, "licenseguard.json"), """
            { "policy": { "exceptions": [ { "file": "models/llama/*.gguf", "reason": "LICENSE and 'Built with Llama' ship in the About box." } ] } }
            """);

        var build = package.Build(project);

        // The exception is about shipping the file with the app (LG2001); the release step's upload (LG2002) is another act and stays.
        var remaining = Assert.Single(build.LicenseGuardResults, r => r.RuleId == "LG2001");
        Assert.StartsWith("'models/minilm/all-MiniLM-L6-v2.onnx'", remaining.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WeightsAddedByAnImportedPropsFileAreReportedInThatFile()
    {
        string project = package.CopySample("WeightsShipper");
        package.MakeWeights(project);
        string csproj = Path.Combine(project, "WeightsShipper.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj)
            .Replace("    <None Include=\"models/llama/*.gguf\" CopyToOutputDirectory=\"PreserveNewest\" />\n", string.Empty)
            .Replace("<Project Sdk=\"Microsoft.NET.Sdk\">", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <Import Project=\"models.props\" />"));
        File.WriteAllText(Path.Combine(project, "models.props"), """
            <Project>
              <ItemGroup>
                <None Include="$(MSBuildThisFileDirectory)models/llama/*.gguf" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);

        var build = package.Build(project);

        var llama = Assert.Single(build.LicenseGuardResults, r => r.RuleId == "LG2001" && r.Message.Contains("Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", StringComparison.Ordinal));
        Assert.Equal(("models.props", 3), (llama.File, llama.Line));
    }

    [Fact]
    public void LinkedWeightsFromOutsideTheProjectAreReported()
    {
        string project = package.CopySample("WeightsShipper");
        package.MakeWeights(project);
        string shared = Path.Combine(Path.GetDirectoryName(project)!, "shared-" + Path.GetFileName(project));
        Directory.CreateDirectory(shared);
        File.Copy(Path.Combine(project, "models", "draft", "experimental.gguf"), Path.Combine(shared, "gemma-2-2b-it.Q4_K_M.gguf"));
        string csproj = Path.Combine(project, "WeightsShipper.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace(
            "<None Include=\"models/draft/experimental.gguf\" CopyToOutputDirectory=\"Never\" />",
            $"<None Include=\"models/draft/experimental.gguf\" CopyToOutputDirectory=\"Never\" />\n    <None Include=\"../{Path.GetFileName(shared)}/gemma-2-2b-it.Q4_K_M.gguf\" Link=\"models/gemma.gguf\" CopyToOutputDirectory=\"PreserveNewest\" />"));

        var build = package.Build(project);

        var linked = Assert.Single(build.LicenseGuardResults, r => r.RuleId == "LG2001" && r.Message.Contains("gemma-2-2b-it.Q4_K_M.gguf", StringComparison.Ordinal));
        Assert.Equal(("LG2001", "error", LineOf(project, "gemma-2-2b-it.Q4_K_M.gguf")), (linked.RuleId, linked.Level, linked.Line));
        Assert.Contains("licence CC-BY-NC-4.0 (non-commercial), from file metadata (gguf general.license)", linked.Message);
    }

    [Fact]
    public void PackingWeightsIntoThePackageIsReported()
    {
        string project = package.CopySample("WeightsShipper");
        package.MakeWeights(project);
        string csproj = Path.Combine(project, "WeightsShipper.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace(
            "<None Include=\"models/draft/experimental.gguf\" CopyToOutputDirectory=\"Never\" />",
            "<None Include=\"models/draft/experimental.gguf\" CopyToOutputDirectory=\"Never\" Pack=\"true\" PackagePath=\"content/models\" />"));

        var pack = package.Dotnet(project, "pack", "-nologo", $"-p:LicenseGuardVersion={package.Version}", $"-p:ErrorLog={Path.Combine(project, "pack.sarif")}%2Cversion=2.1");

        Assert.NotEqual(0, pack.ExitCode);
        var results = SarifResult.Read(Path.Combine(project, "pack.sarif")).Where(r => r.RuleId == "LG2001").ToList();
        var draft = Assert.Single(results, r => r.Message.StartsWith("'models/draft/experimental.gguf'", StringComparison.Ordinal));
        Assert.Equal("error", draft.Level);
        Assert.Contains("ships model weights to the package", draft.Message);
        Assert.Contains("licence CC-BY-NC-4.0 (non-commercial)", draft.Message);
    }

    private static int LineOf(string project, string text)
    {
        var lines = File.ReadAllLines(Path.Combine(project, "WeightsShipper.csproj"));
        return Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
    }
}
