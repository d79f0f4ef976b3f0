// category: redistribution
// Weights packed into archives for shipping: ZipFile.CreateFromDirectory over a weights folder, zip entries written by hand
// (CreateEntry then the weight stream copied into entry.Open()), CreateEntryFromFile in loops, System.Formats.Tar (TarWriter,
// TarFile), GZip/Brotli compression of a weight stream, and SharpZipLib (FastZip, ZipOutputStream, TarArchive). The look-alikes
// archive logs, reports, model cards and checksums, or extract a downloaded archive into the local cache.
using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using ICSharpCode.SharpZipLib.Core;
using SharpZip = ICSharpCode.SharpZipLib.Zip;
using SharpTar = ICSharpCode.SharpZipLib.Tar;

namespace Corpus.Redistribution.Archives;

// case: a weights folder from an options record zipped into the release bundle — CreateFromDirectory over weights
public sealed record BundleOptions(string WeightsDirectory = "weights/llava-1.6-mistral-7b", string OutputDirectory = "artifacts");

public static class WeightsZipper
{
    public static string Zip(BundleOptions options)
    {
        string zipPath = Path.Combine(options.OutputDirectory, "llava-weights.zip");
        ZipFile.CreateFromDirectory(options.WeightsDirectory, zipPath, CompressionLevel.NoCompression, includeBaseDirectory: true); // expect: LG2002
        return zipPath;
    }
}

// case: a zip entry created by name and the GGUF stream copied into entry.Open() — a hand-written zip entry carrying weights
public static class HandWrittenEntry
{
    public static async Task PackAsync(string zipPath, CancellationToken ct)
    {
        await using var zipStream = File.Create(zipPath);
        using var archive = new ZipArchive(zipStream, ZipArchiveMode.Create);
        ZipArchiveEntry entry = archive.CreateEntry("model/qwen2.5-coder-7b-instruct-q4_k_m.gguf", CompressionLevel.NoCompression);
        await using Stream entryStream = entry.Open();
        await using FileStream weights = File.OpenRead("models/qwen2.5-coder-7b-instruct-q4_k_m.gguf");
        await weights.CopyToAsync(entryStream, ct); // expect: LG2002
    }
}

// case: every ONNX file of a folder added with CreateEntryFromFile in a foreach — entries from enumerated weights
public static class OnnxZipLoop
{
    public static void Pack(string modelDir, string zipPath)
    {
        using ZipArchive archive = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (string onnx in Directory.EnumerateFiles(modelDir, "*.onnx", SearchOption.AllDirectories))
        {
            archive.CreateEntryFromFile(onnx, Path.GetRelativePath(modelDir, onnx)); // expect: LG2002
        }
    }
}

// case: a pytorch_model.bin from a release record added to an existing zip opened for update — the record's weight file
public sealed record ReleaseArtifact(string Name, string LocalPath);

public static class UpdateBundle
{
    public static void Add(string bundlePath)
    {
        var artifact = new ReleaseArtifact("bert-base-uncased", "checkpoints/bert-base-uncased/pytorch_model.bin");
        using var archive = ZipFile.Open(bundlePath, ZipArchiveMode.Update);
        archive.CreateEntryFromFile(artifact.LocalPath, $"{artifact.Name}/pytorch_model.bin"); // expect: LG2002
    }
}

// case: safetensors shards written into a tar with TarWriter.WriteEntry(path, name) — System.Formats.Tar entries from weight files
public static class ShardTarball
{
    public static void Write(string snapshotDir, string tarPath)
    {
        using FileStream output = File.Create(tarPath);
        using var writer = new TarWriter(output, TarEntryFormat.Pax);
        foreach (string shard in Directory.GetFiles(snapshotDir, "*.safetensors"))
        {
            writer.WriteEntry(shard, "snapshot/" + Path.GetFileName(shard)); // expect: LG2002
        }
    }
}

// case: a checkpoints folder tarred with TarFile.CreateFromDirectory — a weights folder in a tar
public static class CheckpointTar
{
    public static void Pack(string releaseDir) =>
        TarFile.CreateFromDirectory("checkpoints", Path.Combine(releaseDir, "checkpoints.tar"), includeBaseDirectory: false); // expect: LG2002
}

// case: a models folder tarred asynchronously into a stream with TarFile.CreateFromDirectoryAsync — async tar of weights
public static class ModelsTarAsync
{
    public static async Task PackAsync(Stream destination, CancellationToken ct)
    {
        string modelsDir = Path.Combine(AppContext.BaseDirectory, "models");
        await TarFile.CreateFromDirectoryAsync(modelsDir, destination, includeBaseDirectory: true, ct); // expect: LG2002
    }
}

// case: a TFLite model compressed with GZipStream into the artifacts folder — the weight stream copied into a compressor
public static class GzipTflite
{
    public static void Compress(string artifactsDir)
    {
        using FileStream source = File.OpenRead("models/mobilenet_v3_small.tflite");
        using FileStream target = File.Create(Path.Combine(artifactsDir, "mobilenet_v3_small.tflite.gz"));
        using var gzip = new GZipStream(target, CompressionLevel.SmallestSize);
        source.CopyTo(gzip); // expect: LG2002
    }
}

// case: an mlmodel compressed asynchronously with BrotliStream — Brotli over a weight stream
public static class BrotliMlModel
{
    public static async Task CompressAsync(string input, string output)
    {
        await using var source = new FileStream(input, FileMode.Open, FileAccess.Read);
        await using var target = new FileStream(output, FileMode.Create);
        await using var brotli = new BrotliStream(target, CompressionLevel.Optimal);
        await source.CopyToAsync(brotli); // expect: LG2002
    }

    public static Task RunAsync() => CompressAsync("models/DepthAnythingV2Small.mlmodel", "dist/DepthAnythingV2Small.mlmodel.br");
}

// case: SharpZipLib FastZip.CreateZip over the models folder with a .gguf filter — a library's zip of weights
public static class FastZipModels
{
    public static void Pack(string zipPath)
    {
        var fastZip = new SharpZip.FastZip();
        fastZip.CreateZip(zipPath, "models", true, @"\.gguf$"); // expect: LG2002
    }
}

// case: SharpZipLib ZipOutputStream with PutNextEntry and StreamUtils.Copy of a .pt file — a library's hand-written entry
public static class SharpZipStream
{
    public static void Pack(string zipPath, string weightsPath = "weights/yolov8n.pt")
    {
        using var zip = new SharpZip.ZipOutputStream(File.Create(zipPath));
        zip.SetLevel(0);
        zip.PutNextEntry(new SharpZip.ZipEntry(Path.GetFileName(weightsPath)) { DateTime = DateTime.UtcNow });
        using FileStream source = File.OpenRead(weightsPath);
        StreamUtils.Copy(source, zip, new byte[81920]); // expect: LG2002
        zip.CloseEntry();
    }
}

// case: SharpZipLib TarArchive with an entry created from an onnx_data file — a library's tar entry from weights
public static class SharpTarArchive
{
    public static void Pack(Stream output)
    {
        using var tar = SharpTar.TarArchive.CreateOutputTarArchive(output);
        tar.WriteEntry(SharpTar.TarEntry.CreateEntryFromFile("models/phi-3.5-vision/model.onnx_data"), false); // expect: LG2002
    }
}

// case: zipping a weekly reports folder — reports are not weights
public static class ReportsZip
{
    public static void Pack(string outDir) => ZipFile.CreateFromDirectory(Path.Combine("reports", "weekly"), Path.Combine(outDir, "weekly.zip"));
}

// case: a zip with only the model card and config.json taken from the model folder — files next to the weights, not the weights
public static class ModelCardZip
{
    public static void Pack(string modelDir, string zipPath)
    {
        using var archive = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        archive.CreateEntryFromFile(Path.Combine(modelDir, "README.md"), "README.md");
        archive.CreateEntryFromFile(Path.Combine(modelDir, "config.json"), "config.json");
    }
}

// case: the training log of a checkpoints folder compressed with GZipStream — a log next to checkpoints
public static class GzipTrainingLog
{
    public static void Compress()
    {
        using FileStream log = File.OpenRead("checkpoints/train.log");
        using var gz = new GZipStream(File.Create("checkpoints/train.log.gz"), CompressionMode.Compress);
        log.CopyTo(gz);
    }
}

// case: a downloaded model archive extracted into the per-user cache — extracting is not redistributing
public static class ExtractIntoCache
{
    public static string Extract(string downloadedZip)
    {
        string cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "MyApp", "models");
        ZipFile.ExtractToDirectory(downloadedZip, cache, overwriteFiles: true);
        return cache;
    }
}

// case: SHA-256 checksums of the weights written into a tar of .sha256 files — hashes, not weights
public static class ChecksumTar
{
    public static void Pack(string modelDir, string tarPath)
    {
        using FileStream output = File.Create(tarPath);
        using var writer = new TarWriter(output);
        foreach (string gguf in Directory.EnumerateFiles(modelDir, "*.gguf"))
        {
            using FileStream weights = File.OpenRead(gguf);
            string hash = Convert.ToHexString(SHA256.HashData(weights));
            string checksumFile = gguf + ".sha256";
            File.WriteAllText(checksumFile, hash);
            writer.WriteEntry(checksumFile, Path.GetFileName(checksumFile));
        }
    }
}

// case: the docs folder tarred for the documentation site — docs are not weights
public static class DocsTar
{
    public static void Pack() => TarFile.CreateFromDirectory("docs", "dist/docs.tar", includeBaseDirectory: true);
}
