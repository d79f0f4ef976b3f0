using LicenseGuard.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Verify = LicenseGuard.Analyzers.Tests.Harness.Verify<LicenseGuard.Analyzers.Rules.ModelWeightsCopiedAnalyzer>;

namespace LicenseGuard.Analyzers.Tests.Rules;

/// <summary>
/// LG2002 per sink category (rules/sinks.json) against the real SDK assemblies, with weights that reach the sink through
/// data flow: options, helpers, file enumerations, streams, request objects, callbacks, folders served as static files.
/// </summary>
public class WeightSinksTests
{
    private static Task RunAsync(string source, string? rulesFile, params DiagnosticResult[] expected) => RunWithInventoryAsync(source, rulesFile, null, expected);

    private static async Task RunWithInventoryAsync(string source, string? rulesFile, string? inventory, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<LicenseGuard.Analyzers.Rules.ModelWeightsCopiedAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = SdkPackages.Corpus,
        };
        test.TestState.AdditionalReferences.AddRange(SdkPackages.AspNetCoreReferences());
        if (rulesFile != null)
        {
            test.TestState.AdditionalFiles.Add(("/0/licenseguard.json", rulesFile));
        }

        if (inventory != null)
        {
            test.TestState.AdditionalFiles.Add(("/0/obj/licenseguard.inventory.json", inventory));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>An inventory as the build's gather step writes it, with weight files found (by content) at these project paths.</summary>
    private static string InventoryWithWeightsAt(params string[] items)
    {
        var inventory = new LicenseGuard.Inventory.ProjectInventory { Project = "/0/Web.csproj" };
        foreach (string item in items)
        {
            inventory.Weights.Add(new LicenseGuard.Inventory.WeightFact { Item = item, FullPath = "/0/" + item, ItemType = "Content", DefinedIn = "/0/Web.csproj", Format = "onnx", Size = 90_000_000 });
        }

        return inventory.ToJson();
    }

    [Fact]
    public async Task TheWebRootAndFoldersTheBuildFoundWeightsInAreWeightsWithoutANameInCode()
    {
        const string source = """
            using System.IO;
            using System.IO.Compression;
            using Microsoft.AspNetCore.Builder;
            static class Host
            {
                public static void Configure(WebApplication app)
                {
                    {|#0:app.UseStaticFiles()|};
                    {|#1:ZipFile.CreateFromDirectory(Path.Combine(app.Environment.WebRootPath, "detectors"), "/tmp/out/detectors.zip")|};
                    ZipFile.CreateFromDirectory(Path.Combine(app.Environment.WebRootPath, "css"), "/tmp/out/css.zip");
                }
            }
            """;
        await RunWithInventoryAsync(source, null, InventoryWithWeightsAt("wwwroot/detectors/ggml-base.bin"),
            At(0).WithArguments("StaticFileExtensions.UseStaticFiles", "serves", "the Whisper weights", "'wwwroot/detectors/ggml-base.bin' (via the web root)", "as static files", "'wwwroot/detectors/ggml-base.bin' is Whisper, licence MIT (permissive), from file name (catalog: Whisper)"),
            At(1));

        // Static files do not serve an .onnx (no content type for it by default): only the archive of its folder is reported.
        await RunWithInventoryAsync(source.Replace("{|#0:", string.Empty).Replace("UseStaticFiles()|};", "UseStaticFiles();").Replace("#1", "#0"), null, InventoryWithWeightsAt("wwwroot/detectors/yolov8n.onnx"), At(0));
        string unmarked = source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace(")|};", ");");
        await RunWithInventoryAsync(unmarked, null, InventoryWithWeightsAt("data/yolov8n.onnx"));
        await RunWithInventoryAsync(unmarked, null, null);
    }

    private static DiagnosticResult At(int location) => Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(location);

    [Fact]
    public async Task CopyAWeightPathFromOptionsThroughAHelperToAShare()
    {
        const string source = """
            using System.IO;
            public sealed class ReleaseOptions
            {
                public string AdapterPath { get; set; } = "models/adapter.safetensors";
            }

            public sealed class Release(ReleaseOptions options)
            {
                public void Run() => Ship(options.AdapterPath, @"\\share\drops");

                private static void Ship(string source, string share) => {|#0:File.Copy(source, Path.Combine(share, Path.GetFileName(source)))|};
            }
            """;
        await RunAsync(source, null, At(0).WithArguments(
            "File.Copy", "copies", "a .safetensors model-weight file", "'models/adapter.safetensors' (via ReleaseOptions.AdapterPath, parameter 'source' of Ship)", "to another location", "check their licence before you ship them"));
    }

    [Fact]
    public async Task ArchiveEveryFileOfAWeightsFolderIntoATar()
    {
        const string source = """
            using System.Formats.Tar;
            using System.IO;
            static class Bundle
            {
                public static void Write(Stream output)
                {
                    using var tar = new TarWriter(output);
                    foreach (string file in Directory.GetFiles("weights"))
                    {
                        {|#0:tar.WriteEntry(file, Path.GetFileName(file))|};
                    }

                    foreach (string config in Directory.GetFiles("weights", "*.json"))
                    {
                        tar.WriteEntry(config, Path.GetFileName(config));
                    }
                }
            }
            """;
        await RunAsync(source, null, At(0).WithArguments(
            "TarWriter.WriteEntry", "archives", "every file of the 'weights' folder of model weights", "'weights/*'", "into a tar archive", "check their licence before you ship them"));
    }

    [Fact]
    public async Task SendBytesInAMultipartFormAndOverSftp()
    {
        const string source = """
            using System.IO;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Renci.SshNet;
            static class Push
            {
                public static async Task PostAsync(HttpClient http)
                {
                    byte[] bytes = await File.ReadAllBytesAsync("models/phi-3-mini.onnx");
                    using var form = new MultipartFormDataContent();
                    form.Add({|#0:new ByteArrayContent(bytes)|}, "model", "phi.onnx");
                    await http.PostAsync("https://models.example.com/upload", form);
                }

                public static void Sftp(SftpClient sftp)
                {
                    using var weights = new FileInfo("checkpoints/model.ckpt").OpenRead();
                    {|#1:sftp.UploadFile(weights, "/drop/model.ckpt")|};
                }
            }
            """;
        await RunAsync(source, null, At(0), At(1).WithArguments(
            "SftpClient.UploadFile", "sends", "a .ckpt model-weight file", "'checkpoints/model.ckpt'", "over SFTP/SCP", "check their licence before you ship them"));
    }

    [Fact]
    public async Task UploadThroughARequestObjectAndToGoogleCloudStorage()
    {
        const string source = """
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;
            using Google.Cloud.Storage.V1;
            static class Upload
            {
                public static Task S3Async(IAmazonS3 s3) =>
                    {|#0:s3.PutObjectAsync(new PutObjectRequest { BucketName = "models", Key = "m.gguf", FilePath = "models/mistral-7b.Q4_K_M.gguf" })|};

                public static void Gcs(StorageClient storage)
                {
                    using var stream = File.OpenRead(Path.Combine("weights", "model.safetensors"));
                    {|#1:storage.UploadObject("bucket", "model.safetensors", null, stream)|};
                }

                public static Task CardAsync(IAmazonS3 s3) =>
                    s3.PutObjectAsync(new PutObjectRequest { BucketName = "models", Key = "README.md", FilePath = "models/README.md" });
            }
            """;
        await RunAsync(source, null, At(0), At(1));
    }

    [Fact]
    public async Task ServeThroughAStreamCallbackAndAFileResult()
    {
        const string source = """
            using System.IO;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            static class Serve
            {
                public static IResult Callback() => Results.Stream(async body =>
                {
                    await using var weights = File.OpenRead("models/qwen2.5-0.5b-instruct-q8_0.gguf");
                    await {|#0:weights.CopyToAsync(body)|};
                });

                public static IActionResult Result() => {|#1:new FileStreamResult(File.OpenRead("models/yolov8n.onnx"), "application/octet-stream")|};
            }
            """;
        await RunAsync(source, null, At(0), At(1));
    }

    [Fact]
    public async Task StaticFilesOverAWeightsFolderAndAMappingForAWeightExtension()
    {
        const string source = """
            using System.IO;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.StaticFiles;
            using Microsoft.Extensions.FileProviders;
            static class Host
            {
                public static void Configure(WebApplication app)
                {
                    var types = new FileExtensionContentTypeProvider();
                    {|#0:types.Mappings[".gguf"] = "application/octet-stream"|};
                    types.Mappings[".webmanifest"] = "application/manifest+json";
                    {|#1:app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, "models")), ContentTypeProvider = types })|};
                    app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, "assets")) });
                }
            }
            """;
        await RunAsync(source, null, At(0), At(1));
    }

    [Fact]
    public async Task AProjectsOwnUploadClientIsASinkFromItsRulesFile()
    {
        const string source = """
            using System.Threading.Tasks;
            namespace Contoso.Artifacts
            {
                public sealed class ArtifactClient
                {
                    public Task PushAsync(string file, string channel) => Task.CompletedTask;
                }

                static class Release
                {
                    public static Task RunAsync(ArtifactClient client) => {|#0:client.PushAsync("models/llama-3.2-1b-instruct-q4_k_m.gguf", "stable")|};
                }
            }
            """;
        const string rules = """
            { "sinks": [ { "id": "contoso-artifacts", "category": "cloud", "members": ["M:Contoso.Artifacts.ArtifactClient.PushAsync"], "data": ["file"], "to": "to the Contoso artifact store" } ] }
            """;
        await RunAsync(source, rules, At(0).WithArguments(
            "ArtifactClient.PushAsync", "uploads", "the Llama 3.2 weights", "'models/llama-3.2-1b-instruct-q4_k_m.gguf'", "to the Contoso artifact store", "Llama 3.2 is licensed LicenseRef-hf-llama3.2 (open-weights-restricted); open models of the same task that allow redistribution: Qwen2.5 7B (Apache-2.0, permissive), gpt-oss-20b (Apache-2.0, permissive), Phi-3.5 mini (MIT, permissive)"));
        await RunAsync(source, null);
    }

    [Fact]
    public async Task CachesHashesCompanionsAndExcludedWeightsAreNotRedistribution()
    {
        const string source = """
            using System;
            using System.IO;
            using System.Linq;
            using System.Net.Http;
            using System.Security.Cryptography;
            using System.Threading.Tasks;
            using Azure.Storage.Blobs;
            static class NotShipped
            {
                public static async Task DownloadAsync(HttpClient http)
                {
                    string cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "models");
                    string part = Path.Combine(Path.GetTempPath(), "llama.gguf");
                    await File.WriteAllBytesAsync(part, await http.GetByteArrayAsync("https://huggingface.co/x/resolve/main/llama.gguf"));
                    File.Move(part, Path.Combine(cache, "llama.gguf"));
                }

                public static async Task HashAsync(BlobClient blob)
                {
                    byte[] hash = SHA256.HashData(await File.ReadAllBytesAsync("models/llama.gguf"));
                    string sumFile = Path.ChangeExtension("models/llama.gguf", ".sha256");
                    await File.WriteAllBytesAsync(sumFile, hash);
                    await blob.UploadAsync(sumFile);
                }

                public static void Companions(string output)
                {
                    foreach (string file in Directory.EnumerateFiles("models").Where(f => !f.EndsWith(".gguf")))
                    {
                        File.Copy(file, Path.Combine(output, Path.GetFileName(file)));
                    }

                    File.Copy("models/tokenizer.json", Path.Combine(output, "tokenizer.json"));
                }
            }
            """;
        await RunAsync(source, null);
    }

    [Fact]
    public async Task LibraryMembersWhoseNamesSayTheySendAreSinksWithoutBeingListed()
    {
        const string source = """
            using System;
            using System.IO;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Net.Mail;
            using System.Threading.Tasks;
            using Renci.SshNet;
            sealed class Release(HttpClient http, SmtpClient smtp, SftpClient sftp)
            {
                public async Task ShipAsync(string exportDir)
                {
                    var quantized = File.OpenRead(Path.Combine(exportDir, "phi-3-mini.Q4_K_M.gguf"));
                    await {|#0:smtp.SendMailAsync(new MailMessage("ml@contoso.com", "qa@contoso.com") { Attachments = { new Attachment(quantized, "phi.gguf") } })|};
                    await {|#1:http.PostAsJsonAsync("https://devices.contoso.com/api/push", new { name = "detector", blob = Convert.ToBase64String(File.ReadAllBytes("export/detector.onnx")) })|};
                    {|#2:sftp.SynchronizeDirectories(exportDir, "/srv/models", "*.safetensors")|};

                    // Only the path text, a card and a folder narrowed to logs: not weights.
                    await http.PostAsJsonAsync("https://devices.contoso.com/api/announce", new { path = "export/detector.onnx" });
                    await smtp.SendMailAsync(new MailMessage("ml@contoso.com", "qa@contoso.com") { Attachments = { new Attachment(Path.Combine(exportDir, "README.md")) } });
                    sftp.SynchronizeDirectories(exportDir, "/srv/logs", "*.log");
                    SendModel(Path.Combine(exportDir, "phi-3-mini.Q4_K_M.gguf"));
                }

                // The project's own method with a sending name: its body decides, and it only logs.
                private static void SendModel(string path) => Console.WriteLine($"would send {path}");
            }
            """;
        await RunAsync(source, null,
            At(0),
            At(1),
            At(2).WithArguments("SftpClient.SynchronizeDirectories", "sends", ".safetensors model-weight files", "'{}/*.safetensors'", "over the network", "check their licence before you ship them"));
    }

    [Fact]
    public async Task StreamsOfNetworkLibrariesAndContentTheyAskForCarryWhatIsWrittenIntoThem()
    {
        const string source = """
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Http;
            using System.Net.Sockets;
            using System.Threading.Tasks;
            sealed class CheckpointContent(string checkpoint) : HttpContent
            {
                protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
                {
                    await using var file = File.OpenRead(checkpoint);
                    await {|#0:file.CopyToAsync(stream)|};
                }

                protected override bool TryComputeLength(out long length) { length = -1; return false; }
            }

            static class Lan
            {
                public static Task Offer(HttpClient http) => http.PostAsync("https://market.contoso.com/upload", new CheckpointContent("runs/42/checkpoints/last.ckpt"));

                public static void Serve(HttpListenerContext context)
                {
                    using var model = File.OpenRead("assets/face_landmarks.tflite");
                    {|#1:model.CopyTo(context.Response.OutputStream)|};
                }

                public static void Beam(UdpClient udp, IPEndPoint group)
                {
                    byte[] weights = File.ReadAllBytes("assets/kws.tflite");
                    var datagram = new byte[1028];
                    Buffer.BlockCopy(weights, 0, datagram, 4, 1024);
                    {|#2:udp.Send(datagram, datagram.Length, group)|};

                    var hello = new byte[16];
                    udp.Send(hello, hello.Length, group);
                }
            }
            """;
        await RunAsync(source, null, At(0), At(1), At(2));
    }

    [Fact]
    public async Task RegexFiltersFrozenCataloguesInterfaceMembersAndMappedFilesCarryWeightPaths()
    {
        const string source = """
            using System.Collections.Frozen;
            using System.Collections.Generic;
            using System.IO;
            using System.IO.MemoryMappedFiles;
            using System.Linq;
            using System.Text.RegularExpressions;
            interface IShippedModel { static abstract string File { get; } }
            sealed class Segmenter : IShippedModel { public static string File => "models/sam_vit_b.onnx"; }
            sealed class Tokenizer : IShippedModel { public static string File => "models/tokenizer.json"; }
            static partial class Drop
            {
                private static readonly Regex WeightFile = new(@"\.(gguf|safetensors)$", RegexOptions.IgnoreCase);
                private static readonly FrozenDictionary<string, string> Models = new Dictionary<string, string> { ["small"] = "models/whisper-small.bin" }.ToFrozenDictionary();

                public static void Publish(string exportDir, string share, string size)
                {
                    foreach (var file in new DirectoryInfo(exportDir).EnumerateFiles().Where(f => WeightFile.IsMatch(f.Name)))
                    {
                        {|#0:file.CopyTo(Path.Combine(share, file.Name))|};
                    }

                    if (Models.TryGetValue(size, out var path))
                    {
                        {|#1:File.Copy(path, Path.Combine(share, Path.GetFileName(path)))|};
                    }

                    Ship<Segmenter>(share);
                    using var mapped = MemoryMappedFile.CreateFromFile("models/llama-3-8b.Q4_0.gguf", FileMode.Open);
                    using var view = mapped.CreateViewStream();
                    using var target = File.Create(Path.Combine(share, "llama.gguf"));
                    {|#2:view.CopyTo(target)|};

                    foreach (var file in new DirectoryInfo(exportDir).EnumerateFiles().Where(f => !WeightFile.IsMatch(f.Name)))
                    {
                        file.CopyTo(Path.Combine(share, file.Name));
                    }
                }

                private static void Ship<T>(string share) where T : IShippedModel => {|#3:File.Copy(T.File, Path.Combine(share, "model"))|};
            }
            """;
        await RunAsync(source, null, At(0), At(1), At(3), At(2));
    }

    [Fact]
    public async Task CacheFactoriesSpansAndCompressionLibrariesCarryAndTakeWeights()
    {
        const string source = """
            using System;
            using System.Collections.Concurrent;
            using System.IO;
            using ICSharpCode.SharpZipLib.BZip2;
            static class Packs
            {
                private static readonly ConcurrentDictionary<string, string> ModelFor = new();

                public static void Ship(string deviceClass, string share)
                {
                    string model = ModelFor.GetOrAdd(deviceClass, c => $"models/{c}-int8.tflite");
                    using var target = File.Create(Path.Combine(share, "model.bin"));
                    using (var source = File.OpenRead(model))
                    {
                        {|#0:source.CopyTo(target)|};
                    }

                    using (var input = File.OpenRead("export/best_model.h5"))
                    using (var output = File.Create(Path.Combine(share, "best_model.h5.bz2")))
                    {
                        {|#1:BZip2.Compress(input, output, true, 9)|};
                    }

                    byte[] weights = File.ReadAllBytes("models/tinyllama.Q4_0.gguf");
                    using var writer = new BinaryWriter(File.Create(Path.Combine(share, "pack.bin")));
                    {|#2:writer.Write(new ReadOnlySpan<byte>(weights))|};
                    writer.Write(new ReadOnlySpan<byte>(new byte[] { 1, 2, 3 }));
                }
            }
            """;
        await RunAsync(source, null, At(0), At(1), At(2));
    }

    [Fact]
    public async Task APathThatCrossesAQueueBetweenMethodsIsFollowedToWhatWasPutIn()
    {
        const string source = """
            using System.Collections.Concurrent;
            using System.IO;
            using System.Threading.Channels;
            using System.Threading.Tasks;
            sealed class Mirror
            {
                private readonly Channel<string> pending = Channel.CreateUnbounded<string>();
                private readonly ConcurrentQueue<string> reports = new();

                public Mirror(string outputs)
                {
                    var watcher = new FileSystemWatcher(outputs, "*.gguf") { EnableRaisingEvents = true };
                    watcher.Created += (_, e) => pending.Writer.TryWrite(e.FullPath);
                    var logs = new FileSystemWatcher(outputs) { Filter = "*.log", EnableRaisingEvents = true };
                    logs.Created += (_, e) => reports.Enqueue(e.FullPath);
                }

                public void Found(string runDir)
                {
                    foreach (string checkpoint in Directory.EnumerateFiles(runDir, "*.safetensors"))
                    {
                        pending.Writer.TryWrite(checkpoint);
                    }

                    reports.Enqueue(Path.Combine(runDir, "metrics.csv"));
                }

                public async Task RunAsync(string share)
                {
                    await foreach (string checkpoint in pending.Reader.ReadAllAsync())
                    {
                        {|#0:File.Copy(checkpoint, Path.Combine(share, Path.GetFileName(checkpoint)))|};
                    }

                    while (reports.TryDequeue(out var report))
                    {
                        File.Copy(report, Path.Combine(share, "metrics.csv"));
                    }
                }
            }
            """;
        await RunAsync(source, null, At(0).WithArguments("File.Copy", "copies", ".gguf model-weight files", "'{}/*.gguf' (via pending)", "to another location", "check their licence before you ship them"));
    }

    /// <summary>
    /// A collection's keys and a form's field names are labels the API declares beside the item: a transcription request with a
    /// "model" field sends a model id, not a folder called model; the same form with the weight file as its content sends it.
    /// </summary>
    [Fact]
    public async Task AFormFieldNamedModelIsALabelAndTheFileContentIsWhatIsSent()
    {
        const string source = """
            using System.IO;
            using System.Net.Http;
            using System.Threading.Tasks;
            using System.Collections.Generic;
            static class Transcriber
            {
                static Task<HttpResponseMessage> TranscribeAsync(HttpClient http, byte[] audio)
                {
                    var form = new MultipartFormDataContent
                    {
                        { new ByteArrayContent(audio), "file", "audio.wav" },
                        { new StringContent("openai/whisper-large-v3-turbo"), "model" },
                    };
                    return http.PostAsync("http://127.0.0.1:8000/v1/audio/transcriptions", form);
                }

                static Task<HttpResponseMessage> ByKey(HttpClient http) =>
                    http.PostAsync("https://partner.example/api", new FormUrlEncodedContent(new Dictionary<string, string> { { "model", "llama3.1:8b" } }));

                static Task<HttpResponseMessage> ShareAsync(HttpClient http)
                {
                    var form = new MultipartFormDataContent
                    {
                        { {|#0:new StreamContent(File.OpenRead("models/llama-3.1-8b.gguf"))|}, "model", "upload" },
                    };
                    return http.PostAsync("https://partner.example/upload", form);
                }
            }
            """;
        await RunAsync(source, null, Verify.Diagnostic(DiagnosticIds.ModelWeightsCopied).WithLocation(0));
    }
}
