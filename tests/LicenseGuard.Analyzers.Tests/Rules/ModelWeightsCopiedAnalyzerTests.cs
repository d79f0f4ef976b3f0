using LicenseGuard.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Verify = LicenseGuard.Analyzers.Tests.Harness.Verify<LicenseGuard.Analyzers.Rules.ModelWeightsCopiedAnalyzer>;

namespace LicenseGuard.Analyzers.Tests.Rules;

public class ModelWeightsCopiedAnalyzerTests
{
    [Fact]
    public async Task CopyingALlamaGgufIsReportedWithItsLicence()
    {
        const string source = """
            using System.IO;
            class C
            {
                void M(string output) => {|#0:File.Copy("models/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", Path.Combine(output, "model.gguf"))|};
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(0).WithArguments(
            "File.Copy", "copies", "the Llama 3.1 8B weights", "'models/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf'", "to another location", "Llama 3.1 8B is licensed LicenseRef-hf-llama3.1 (open-weights-restricted); open models of the same task that allow redistribution: Qwen2.5 7B (Apache-2.0, permissive), OLMo 2 7B (Apache-2.0, permissive), Mistral 7B (Apache-2.0, permissive)"));
    }

    [Fact]
    public async Task MovingFileInfoZippingAndArchivingWeightsAreReported()
    {
        const string source = """
            using System.IO;
            using System.IO.Compression;
            class C
            {
                const string ModelDir = "artifacts/models";
                void M(ZipArchive archive, string dir)
                {
                    {|#0:new FileInfo("weights/model.safetensors").CopyTo("publish/model.safetensors")|};
                    var info = new FileInfo(@"C:\cache\unet.onnx");
                    {|#1:info.MoveTo("out/unet.onnx")|};
                    {|#2:ZipFile.CreateFromDirectory(ModelDir, "bundle.zip")|};
                    {|#3:archive.CreateEntryFromFile($"{dir}/pytorch_model.pt", "model.pt")|};
                }
            }
            """;
        await Verify.AnalyzerAsync(source,
            Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(0),
            Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(1),
            Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(2),
            Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(3));
    }

    [Fact]
    public async Task DownloadsIntoALocalCacheAndUnrelatedCopiesAreNotReported()
    {
        const string source = """
            using System.IO;
            using System.Net.Http;
            using System.Threading.Tasks;
            class C
            {
                async Task M(HttpClient http, string temp, string path)
                {
                    using (var target = File.Create("models/qwen2.5-7b.gguf"))
                    {
                        await (await http.GetStreamAsync("https://huggingface.co/Qwen/Qwen2.5-7B-Instruct-GGUF/resolve/main/qwen2.5-7b-instruct-q4_k_m.gguf")).CopyToAsync(target);
                    }

                    File.Move(temp, "models/qwen2.5-7b.gguf");
                    File.Copy("appsettings.json", "out/appsettings.json");
                    File.Copy(path, "out/data.bin");
                    File.ReadAllBytes("models/qwen2.5-7b.gguf");
                }
            }
            """;
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task ServingWeightsOverHttpIsReported()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;
            class C
            {
                IResult M() => {|#0:Results.File("/srv/models/llama-2-7b-chat.Q4_K_M.gguf", "application/octet-stream")|};
                System.Threading.Tasks.Task N(HttpResponse response) => {|#1:response.SendFileAsync("models/model.onnx")|};
            }
            """;
        var test = new CSharpAnalyzerTest<LicenseGuard.Analyzers.Rules.ModelWeightsCopiedAnalyzer, DefaultVerifier> { ReferenceAssemblies = SdkPackages.All, TestCode = source };
        test.TestState.AdditionalReferences.AddRange(SdkPackages.AspNetCoreReferences());
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(0).WithArguments(
            "Results.File", "serves", "the Llama 2 weights", "'/srv/models/llama-2-7b-chat.Q4_K_M.gguf'", "in an HTTP response", "Llama 2 is licensed LicenseRef-hf-llama2 (open-weights-restricted); open models of the same task that allow redistribution: Qwen2.5 7B (Apache-2.0, permissive), gpt-oss-20b (Apache-2.0, permissive), Phi-3.5 mini (MIT, permissive)"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(1));
        await test.RunAsync();
    }

    [Fact]
    public async Task UploadingWeightsToBlobStorageOrS3IsReported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Amazon.S3.Transfer;
            using Azure.Storage.Blobs;
            class C
            {
                async Task M(BlobClient blob, TransferUtility s3)
                {
                    await {|#0:blob.UploadAsync("models/gemma-2-9b-it.Q4_K_M.gguf")|};
                    await {|#1:s3.UploadAsync("weights/model.safetensors", "my-bucket")|};
                    await blob.UploadAsync("reports/summary.pdf");
                }
            }
            """;
        var test = new CSharpAnalyzerTest<LicenseGuard.Analyzers.Rules.ModelWeightsCopiedAnalyzer, DefaultVerifier> { ReferenceAssemblies = SdkPackages.Storage, TestCode = source };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(0).WithArguments(
            "BlobClient.UploadAsync", "uploads", "the Gemma weights", "'models/gemma-2-9b-it.Q4_K_M.gguf'", "to Azure Blob Storage", "Gemma is licensed LicenseRef-hf-gemma (open-weights-restricted); open models of the same task that allow redistribution: Qwen2.5 7B (Apache-2.0, permissive), gpt-oss-20b (Apache-2.0, permissive), Phi-3.5 mini (MIT, permissive)"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(1));
        await test.RunAsync();
    }

    [Fact]
    public async Task StreamingWeightsIntoAnHttpResponseIsReported()
    {
        const string source = """
            using System.IO;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            class C
            {
                async Task M(HttpContext context, Stream cache)
                {
                    await {|#0:File.OpenRead("models/phi-3-mini.onnx").CopyToAsync(context.Response.Body)|};
                    using var weights = new FileStream("models/unet.safetensors", FileMode.Open);
                    await {|#1:weights.CopyToAsync(context.Response.Body)|};
                    await File.OpenRead("models/phi-3-mini.onnx").CopyToAsync(cache);
                }
            }
            """;
        var test = new CSharpAnalyzerTest<LicenseGuard.Analyzers.Rules.ModelWeightsCopiedAnalyzer, DefaultVerifier> { ReferenceAssemblies = SdkPackages.All, TestCode = source };
        test.TestState.AdditionalReferences.AddRange(SdkPackages.AspNetCoreReferences());
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(0));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(1));
        await test.RunAsync();
    }

    [Fact]
    public async Task RulesFileCanIgnoreAPath()
    {
        const string source = """
            class C { void M() => System.IO.File.Copy("models/a.gguf", "out/a.gguf"); }
            """;
        await Verify.AnalyzerAsync(new[] { source }, new[] { ("/0/licenseguard.json", """{ "rules": { "LG2002": { "ignore": ["models/*"] } } }""") });
    }

    [Fact]
    public async Task PathsThatReachTheCallThroughConstantsLocalsFieldsAndPathCombineAreFollowed()
    {
        const string source = """
            using System.IO;
            using System.IO.Compression;
            class Packager
            {
                const string ModelFile = "qwen2.5-7b-instruct-q4_k_m.gguf";
                private static readonly string Checkpoint = "checkpoints/unet.safetensors";
                private readonly string output = "publish";

                void Bundle(string modelsDir, string target)
                {
                    var source = Path.Combine(modelsDir, ModelFile);
                    {|#0:File.Copy(source, Path.Combine(target, ModelFile))|};
                    {|#1:File.Copy(Checkpoint, Path.Combine(output, "unet.safetensors"))|};

                    string bundle;
                    bundle = Path.Join(modelsDir, "phi-3.5-mini", "model.onnx");
                    using var zip = ZipFile.Open("bundle.zip", ZipArchiveMode.Create);
                    {|#2:zip.CreateEntryFromFile(bundle, "model.onnx")|};
                }
            }
            """;
        await Verify.AnalyzerAsync(source,
            Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(0).WithArguments("File.Copy", "copies", "the Qwen2.5 7B weights", "'{}/qwen2.5-7b-instruct-q4_k_m.gguf'", "to another location", "Qwen2.5 7B is licensed Apache-2.0 (permissive)"),
            Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(1).WithArguments("File.Copy", "copies", "a .safetensors model-weight file", "'checkpoints/unet.safetensors' (via Packager.Checkpoint)", "to another location", "check their licence before you ship them"),
            Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(2));
    }

    [Fact]
    public async Task ShardsFoundByEnumerationAndCopiedInALoopAreReported()
    {
        const string source = """
            using System.IO;
            class Exporter
            {
                void Export(string modelDir, string outDir)
                {
                    foreach (var shard in Directory.EnumerateFiles(modelDir, "*.safetensors"))
                    {
                        {|#0:File.Copy(shard, Path.Combine(outDir, Path.GetFileName(shard)))|};
                    }

                    foreach (var doc in Directory.GetFiles(modelDir, "*.md"))
                    {
                        File.Copy(doc, Path.Combine(outDir, Path.GetFileName(doc)));
                    }
                }
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(0).WithArguments(
            "File.Copy", "copies", ".safetensors model-weight files", "'{}/*.safetensors'", "to another location", "check their licence before you ship them"));
    }

    [Fact]
    public async Task AStreamOpenedOnWeightsAndUploadedOverHttpIsReported()
    {
        const string source = """
            using System.IO;
            using System.Net.Http;
            using System.Threading.Tasks;
            class Publisher
            {
                async Task Publish(HttpClient http, string dir)
                {
                    await using var weights = File.OpenRead(Path.Combine(dir, "model.gguf"));
                    await http.PutAsync("https://storage.contoso.example/models/model.gguf", {|#0:new StreamContent(weights)|});

                    await using var notes = File.OpenRead(Path.Combine(dir, "notes.txt"));
                    await http.PutAsync("https://storage.contoso.example/notes.txt", new StreamContent(notes));
                }
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(0).WithArguments(
            "new StreamContent", "sends", "a .gguf model-weight file", "'{}/model.gguf'", "in an HTTP request", "check their licence before you ship them"));
    }

    [Fact]
    public async Task AStreamUploadToBlobStorageOrS3IsReported()
    {
        const string source = """
            using System.IO;
            using System.Threading.Tasks;
            using Azure.Storage.Blobs;
            class C
            {
                async Task M(BlobClient blob, Amazon.S3.Transfer.TransferUtility s3, string dir)
                {
                    using var stream = new FileStream(Path.Combine(dir, "ggml-base.bin"), FileMode.Open);
                    await {|#0:blob.UploadAsync(stream)|};
                    using var report = new FileStream(Path.Combine(dir, "report.pdf"), FileMode.Open);
                    await blob.UploadAsync(report);
                    await using var shard = File.OpenRead($"{dir}/model-00001-of-00004.safetensors");
                    await {|#1:s3.UploadAsync(shard, "my-bucket", "models/model-00001-of-00004.safetensors")|};
                }
            }
            """;
        var test = new CSharpAnalyzerTest<LicenseGuard.Analyzers.Rules.ModelWeightsCopiedAnalyzer, DefaultVerifier> { ReferenceAssemblies = SdkPackages.Storage, TestCode = source };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(0).WithArguments(
            "BlobClient.UploadAsync", "uploads", "the Whisper weights", "'{}/ggml-base.bin'", "to Azure Blob Storage", "Whisper is licensed MIT (permissive)"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(1).WithArguments(
            "TransferUtility.UploadAsync", "uploads", "a .safetensors model-weight file", "'{}/model-00001-of-00004.safetensors'", "to Amazon S3", "check their licence before you ship them"));
        await test.RunAsync();
    }

    [Fact]
    public async Task AnEndpointThatServesFilesItChecksAreWeightsIsReported()
    {
        const string source = """
            using System.IO;
            using Microsoft.AspNetCore.Http;
            static class ModelEndpoints
            {
                public static IResult Download(string name)
                {
                    if (!name.EndsWith(".gguf"))
                    {
                        return Results.NotFound();
                    }

                    return {|#0:Results.File(Path.Combine("/srv/models", name))|};
                }

                public static IResult Report(string name) => Results.File(Path.Combine("/srv/reports", name));
            }
            """;
        var test = new CSharpAnalyzerTest<LicenseGuard.Analyzers.Rules.ModelWeightsCopiedAnalyzer, DefaultVerifier> { TestCode = source };
        test.TestState.AdditionalReferences.AddRange(SdkPackages.AspNetCoreReferences());
        test.ReferenceAssemblies = SdkPackages.All;
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(0).WithArguments(
            "Results.File", "serves", "model weights", "'/srv/models/{}' that the code checks with `name.EndsWith(\".gguf\")`", "in an HTTP response", "check their licence before you ship them"));
        await test.RunAsync();
    }
}
