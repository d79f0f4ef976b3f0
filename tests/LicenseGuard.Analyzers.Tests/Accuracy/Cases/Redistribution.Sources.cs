// category: redistribution
// Where the weights come from before they are copied out: options objects and property initializers, record parameter
// defaults, manifest entries read from JSON and filtered by kind, static readonly fields and consts in other classes, paths
// handed through one or two helper methods, FileInfo/DirectoryInfo/IFileInfo values, bytes and Memory<byte> read from weight
// files, and files enumerated by a weight pattern (foreach, Parallel.ForEach, Parallel.ForEachAsync, LINQ). The sinks are kept
// simple (file copies, moves, writes to a release share or removable drive) so the source is what varies. The look-alikes copy
// the config, tokenizer or model card that sits next to the weights.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Corpus.Redistribution.Sources;

// case: the weight path in an options property with an initializer, copied to a release share — options carry the path
public sealed class ReleaseOptions
{
    public string WeightsPath { get; set; } = "models/llama-3.2-3b-instruct.Q4_K_M.gguf";

    public string ReleaseShare { get; set; } = @"\\fileserver\releases\assistant";
}

public sealed class ReleaseStager(IOptions<ReleaseOptions> options)
{
    public void Stage()
    {
        var o = options.Value;
        File.Copy(o.WeightsPath, Path.Combine(o.ReleaseShare, Path.GetFileName(o.WeightsPath)), overwrite: true); // expect: LG2002
    }
}

// case: a record parameter's default value names a safetensors file, copied to a publish folder — the default is the weight path
public sealed record ModelSpec(string Name, string WeightsFile = "weights/mistral-7b-v0.3/model.safetensors");

public static class SpecPublisher
{
    public static void Publish(ModelSpec spec, string publishDir) =>
        File.Copy(spec.WeightsFile, Path.Combine(publishDir, spec.Name + ".safetensors"), true); // expect: LG2002
}

// case: manifest entries deserialised from JSON and filtered by kind == "weights", each copied to the output — a manifest's weight entries
public sealed record ManifestEntry(string Kind, string Path, string Sha256);

public static class ManifestCopier
{
    public static void CopyWeights(string manifestJson, string outputDir)
    {
        var entries = JsonSerializer.Deserialize<List<ManifestEntry>>(manifestJson) ?? new List<ManifestEntry>();
        foreach (var entry in entries.Where(e => e.Kind == "weights"))
        {
            File.Copy(entry.Path, Path.Combine(outputDir, Path.GetFileName(entry.Path)), overwrite: true); // expect: LG2002
        }
    }
}

// case: manifest entries streamed with await foreach and matched on Type "gguf", copied with streams to a removable drive — async manifest iteration
public sealed record ArtifactEntry(string Type, string File);

public static class UsbExporter
{
    public static async Task ExportAsync(Stream manifest, string driveRoot, CancellationToken ct)
    {
        await foreach (var artifact in JsonSerializer.DeserializeAsyncEnumerable<ArtifactEntry>(manifest, cancellationToken: ct))
        {
            if (artifact is { Type: "gguf" })
            {
                await using var source = File.OpenRead(artifact.File);
                await using var target = File.Create(Path.Combine(driveRoot, "models", Path.GetFileName(artifact.File)));
                await source.CopyToAsync(target, ct); // expect: LG2002
            }
        }
    }
}

// case: a static readonly field in another class, built with Path.Combine, copied into the installer payload — the field holds an ONNX path
public static class ModelPaths
{
    public static readonly string PhiMini = Path.Combine("models", "phi-3-mini-4k-instruct", "phi-3-mini-4k-instruct-cpu-int4.onnx");
}

public static class InstallerPayload
{
    public static void Add(string payloadDir) => File.Copy(ModelPaths.PhiMini, Path.Combine(payloadDir, "phi3.onnx"), true); // expect: LG2002
}

// case: a const in another class moved onto the release share — a constant defined elsewhere
public static class ModelConstants
{
    public const string EmbeddingModel = "models/nomic-embed-text-v1.5.f16.gguf";
}

public static class EmbeddingRelease
{
    public static void Ship(string share) => File.Move(ModelConstants.EmbeddingModel, Path.Combine(share, "nomic-embed-text.gguf")); // expect: LG2002
}

// case: the weight path handed to a copy helper one call deep — the helper's parameter carries the weights
public static class BundleBuilder
{
    private const string Weights = "models/gemma-2-2b-it-Q5_K_M.gguf";

    public static void Build(string bundleDir) => CopyInto(Weights, bundleDir);

    private static void CopyInto(string file, string dir) => File.Copy(file, Path.Combine(dir, Path.GetFileName(file)), true); // expect: LG2002
}

// case: the weight path handed through two helpers before the copy — two calls deep
public sealed class DeployPipeline
{
    public void Run(string target) => Stage("checkpoints/whisper-large-v3/pytorch_model.bin", target);

    private void Stage(string artifact, string target)
    {
        Directory.CreateDirectory(target);
        CopyArtifact(artifact, Path.Combine(target, Path.GetFileName(artifact)));
    }

    private static void CopyArtifact(string from, string to) => File.Copy(from, to, overwrite: true); // expect: LG2002
}

// case: a FileInfo for an ONNX model copied with FileInfo.CopyTo — FileInfo as the source
public static class FileInfoCopy
{
    public static void Publish(string outDir)
    {
        var model = new FileInfo("models/whisper-small-encoder.onnx");
        model.CopyTo(Path.Combine(outDir, model.Name), overwrite: true); // expect: LG2002
    }
}

// case: DirectoryInfo.GetFiles("*.ckpt") and each checkpoint copied to the shared drive — DirectoryInfo enumeration
public static class CheckpointArchiver
{
    public static void Archive(string sharedDrive)
    {
        var checkpoints = new DirectoryInfo("checkpoints");
        foreach (FileInfo ckpt in checkpoints.GetFiles("*.ckpt"))
        {
            ckpt.CopyTo(Path.Combine(sharedDrive, ckpt.Name), true); // expect: LG2002
        }
    }
}

// case: an IFileInfo from a PhysicalFileProvider over the models folder, its read stream copied to a file elsewhere — ASP.NET Core IFileInfo as the source
public static class ProviderExport
{
    public static void Export(string modelsRoot, string exportPath)
    {
        IFileProvider provider = new PhysicalFileProvider(modelsRoot);
        IFileInfo info = provider.GetFileInfo("llama-3.1-8b-instruct.Q4_K_M.gguf");
        using Stream source = info.CreateReadStream();
        using FileStream target = File.Create(exportPath);
        source.CopyTo(target); // expect: LG2002
    }
}

// case: bytes read with File.ReadAllBytesAsync from a GGUF and written to a removable drive — a byte array of weights
public static class BytesToDrive
{
    public static async Task CopyAsync(string drive)
    {
        byte[] bytes = await File.ReadAllBytesAsync("models/tinyllama-1.1b-chat-v1.0.Q8_0.gguf");
        await File.WriteAllBytesAsync(Path.Combine(drive, "tinyllama.gguf"), bytes); // expect: LG2002
    }
}

// case: weights read into a Memory<byte> and written into a FileStream opened on the release share — Memory<byte> of weights
public static class MemoryToShare
{
    public static async Task WriteAsync(string share)
    {
        Memory<byte> buffer = await File.ReadAllBytesAsync("weights/stable-diffusion-v1-5.ckpt");
        await using var destination = new FileStream(Path.Combine(share, "sd15.ckpt"), FileMode.Create, FileAccess.Write);
        await destination.WriteAsync(buffer); // expect: LG2002
    }
}

// case: FileInfo.OpenRead of a .pth copied into a new FileStream in the output folder — FileInfo stream into another file
public static class FileInfoStreamCopy
{
    public static void Copy(string outputDir)
    {
        var weights = new FileInfo(Path.Combine("weights", "resnet50-imagenet.pth"));
        using FileStream source = weights.OpenRead();
        using var target = new FileStream(Path.Combine(outputDir, weights.Name), FileMode.Create);
        source.CopyTo(target); // expect: LG2002
    }
}

// case: Parallel.ForEach over Directory.EnumerateFiles("*.gguf"), each copied to the publish folder — parallel copy of enumerated weights
public static class ParallelGgufPublish
{
    public static void Publish(string modelDir, string publishDir)
    {
        Parallel.ForEach(Directory.EnumerateFiles(modelDir, "*.gguf"), file =>
        {
            File.Copy(file, Path.Combine(publishDir, Path.GetFileName(file)), overwrite: true); // expect: LG2002
        });
    }
}

// case: Parallel.ForEachAsync over safetensors shards with a local function doing a stream copy — async parallel shard copy
public static class ParallelShardSync
{
    public static Task SyncAsync(string snapshotDir, string mirrorDir, CancellationToken ct)
    {
        var shards = Directory.GetFiles(snapshotDir, "model-*-of-*.safetensors");
        return Parallel.ForEachAsync(shards, ct, async (shard, token) => await CopyOneAsync(shard, token));

        async Task CopyOneAsync(string shard, CancellationToken token)
        {
            await using var source = File.OpenRead(shard);
            await using var target = File.Create(Path.Combine(mirrorDir, Path.GetFileName(shard)));
            await source.CopyToAsync(target, token); // expect: LG2002
        }
    }
}

// case: LINQ Where(EndsWith(".safetensors")).Select(FileInfo) and each moved into the release folder — LINQ-filtered weights
public static class LinqMove
{
    public static void Release(string trainingOut, string releaseDir)
    {
        var weightFiles = Directory.EnumerateFiles(trainingOut)
            .Where(f => f.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
            .Select(f => new FileInfo(f))
            .ToList();
        foreach (var fi in weightFiles)
        {
            fi.MoveTo(Path.Combine(releaseDir, fi.Name)); // expect: LG2002
        }
    }
}

// case: files matched with a property pattern on the extension (.pt or .pth) and copied to the export folder — pattern matching on FileInfo
public static class PatternExport
{
    public static void Export(DirectoryInfo runDir, string exportDir)
    {
        foreach (var file in runDir.EnumerateFiles())
        {
            if (file is { Extension: ".pt" or ".pth" })
            {
                file.CopyTo(Path.Combine(exportDir, file.Name), true); // expect: LG2002
            }
        }
    }
}

// case: an options property holding the model's config.json path, copied to the release share — config is not weights
public sealed class ConfigOptions
{
    public string ConfigPath { get; set; } = "models/llama-3.2-3b-instruct/config.json";
}

public sealed class ConfigStager(IOptions<ConfigOptions> options)
{
    public void Stage(string share) => File.Copy(options.Value.ConfigPath, Path.Combine(share, "config.json"), true);
}

// case: manifest entries filtered by kind == "tokenizer" and copied — the manifest's non-weight entries
public sealed record TokenizerEntry(string Kind, string Path);

public static class TokenizerCopier
{
    public static void Copy(string manifestJson, string outputDir)
    {
        var entries = JsonSerializer.Deserialize<TokenizerEntry[]>(manifestJson) ?? Array.Empty<TokenizerEntry>();
        foreach (var entry in entries.Where(e => e.Kind == "tokenizer"))
        {
            File.Copy(entry.Path, Path.Combine(outputDir, System.IO.Path.GetFileName(entry.Path)), true);
        }
    }
}

// case: the same kind of one-deep copy helper called with the model card path — README.md is not weights
public static class ModelCardBundle
{
    public static void Build(string bundleDir) => CopyInto("models/gemma-2-2b-it/README.md", bundleDir);

    private static void CopyInto(string file, string dir) => File.Copy(file, Path.Combine(dir, Path.GetFileName(file)), true);
}

// case: Directory.EnumerateFiles(modelDir, "*.json") copied to the output — only the JSON configs of a model folder
public static class JsonConfigsCopy
{
    public static void Copy(string modelDir, string outputDir)
    {
        foreach (string json in Directory.EnumerateFiles(modelDir, "*.json"))
        {
            File.Copy(json, Path.Combine(outputDir, Path.GetFileName(json)), true);
        }
    }
}

// case: every file of a model folder except the safetensors copied (weights fetched at first run instead) — LINQ excludes the weights
public static class CopyAllButWeights
{
    public static void Copy(string modelDir, string outputDir)
    {
        var small = Directory.EnumerateFiles(modelDir).Where(f => !f.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase));
        foreach (var file in small)
        {
            File.Copy(file, Path.Combine(outputDir, Path.GetFileName(file)), true);
        }
    }
}

// case: the generation config found with Path.ChangeExtension from the weight path and copied — a derived path that is not weights
public static class GenerationConfigCopy
{
    private const string Weights = "models/qwen2.5-1.5b-instruct/model.safetensors";

    public static void Copy(string outputDir)
    {
        string generationConfig = Path.Combine(Path.GetDirectoryName(Weights)!, "generation_config.json");
        string sidecar = Path.ChangeExtension(Weights, ".json");
        File.Copy(generationConfig, Path.Combine(outputDir, "generation_config.json"), true);
        File.Copy(sidecar, Path.Combine(outputDir, "model.json"), true);
    }
}
