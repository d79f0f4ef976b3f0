// category: redistribution
// Code that touches weights without redistributing them: loading them into a runtime (LLamaSharp, ONNX Runtime GenAI),
// memory-mapping, hashing and verifying, reading a GGUF header, downloading into the per-user cache, moving a finished download
// from the temp folder into the cache, seeding the app's cache from the Hugging Face cache, and copies of files that only sit in
// a folder called Models (C# view-model templates) or are user data.
using System;
using System.Collections.Generic;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LLama;
using LLama.Common;
using Microsoft.ML.OnnxRuntimeGenAI;

namespace Corpus.Redistribution.NotRedistribution;

// case: a GGUF memory-mapped with MemoryMappedFile.CreateFromFile to read its tensors — mapping weights is reading them
public static class MappedWeights
{
    public static long TensorBytes(string path = "models/llama-3.2-1b-instruct.Q4_K_M.gguf")
    {
        using var mapped = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = mapped.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        return view.Capacity;
    }
}

// case: the SHA-256 of a safetensors file written next to it as a .sha256 file — hashing, then writing the hash
public static class WriteChecksum
{
    public static async Task WriteAsync(string weightsPath = "weights/mistral-7b-v0.3/consolidated.safetensors")
    {
        await using var stream = File.OpenRead(weightsPath);
        byte[] hash = await SHA256.HashDataAsync(stream);
        await File.WriteAllTextAsync(weightsPath + ".sha256", Convert.ToHexString(hash).ToLowerInvariant());
    }
}

// case: a downloaded ONNX model verified against the expected hash from a manifest — verification reads the weights
public sealed record ExpectedModel(string Path, string Sha256);

public static class VerifyModel
{
    public static bool Verify(ExpectedModel expected)
    {
        using FileStream stream = File.OpenRead(expected.Path);
        string actual = Convert.ToHexString(SHA256.HashData(stream));
        return string.Equals(actual, expected.Sha256, StringComparison.OrdinalIgnoreCase);
    }

    public static bool VerifyDefault() => Verify(new ExpectedModel("models/bge-base-en-v1.5.onnx", "2f0c..."));
}

// case: a GGUF loaded with LLamaSharp's LLamaWeights.LoadFromFile — running weights locally
public sealed class LocalChat : IDisposable
{
    private readonly LLamaWeights weights;

    public LocalChat(string modelPath = "models/qwen2.5-3b-instruct-q4_k_m.gguf")
    {
        var parameters = new ModelParams(modelPath) { ContextSize = 4096 };
        weights = LLamaWeights.LoadFromFile(parameters);
    }

    public void Dispose() => weights.Dispose();
}

// case: an ONNX Runtime GenAI model folder loaded with new Model(folder) — loading a weights folder
public static class GenAiLoader
{
    public static Model Load() => new Model(Path.Combine(AppContext.BaseDirectory, "models", "phi-3.5-mini-instruct-onnx"));
}

// case: the GGUF magic and version read from the file header — inspecting weights
public static class GgufHeader
{
    public static (string Magic, uint Version) Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        string magic = Encoding.ASCII.GetString(reader.ReadBytes(4));
        return (magic, reader.ReadUInt32());
    }

    public static (string, uint) ReadDefault() => Read("models/gemma-2-2b-it-Q4_K_M.gguf");
}

// case: an HTTP GET of a GGUF written with File.WriteAllBytesAsync into the LocalApplicationData cache — a download into the cache
public sealed class ModelCache(HttpClient http)
{
    private static readonly string CacheDir = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "PocketLlm", "models");

    public async Task<string> EnsureAsync(string fileName, Uri source, CancellationToken ct)
    {
        string target = Path.Combine(CacheDir, fileName);
        if (!File.Exists(target))
        {
            Directory.CreateDirectory(CacheDir);
            byte[] bytes = await http.GetByteArrayAsync(source, ct);
            await File.WriteAllBytesAsync(target, bytes, ct);
        }

        return target;
    }
}

// case: a finished download moved from Path.GetTempPath() into the app's per-user cache — a move from temp into the cache
public static class CommitDownload
{
    public static string Commit(string partialName, string fileName = "llama-3.1-8b-instruct.Q4_K_M.gguf")
    {
        string temp = Path.Combine(Path.GetTempPath(), partialName);
        string cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Assistant", "models");
        Directory.CreateDirectory(cache);
        string final = Path.Combine(cache, fileName);
        File.Move(temp, final, overwrite: true);
        return final;
    }
}

// case: the app's cache seeded with a copy of the safetensors shards already in ~/.cache/huggingface — a copy within the user's caches
public static class SeedFromHfCache
{
    public static void Seed(string repoFolder = "models--Qwen--Qwen2.5-0.5B-Instruct")
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string snapshots = Path.Combine(home, ".cache", "huggingface", "hub", repoFolder, "snapshots");
        string appCache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Tinker", "models", repoFolder);
        Directory.CreateDirectory(appCache);
        foreach (string shard in Directory.EnumerateFiles(snapshots, "*.safetensors", SearchOption.AllDirectories))
        {
            File.Copy(shard, Path.Combine(appCache, Path.GetFileName(shard)), overwrite: true);
        }
    }
}

// case: a test fixture copying a small ONNX model into a per-test temp folder — a copy into temp for a test run
public sealed class TempModelFixture : IDisposable
{
    public string ModelPath { get; }

    public TempModelFixture()
    {
        string dir = Directory.CreateTempSubdirectory("onnx-tests-").FullName;
        ModelPath = Path.Combine(dir, "tiny-classifier.onnx");
        File.Copy("testdata/tiny-classifier.onnx", ModelPath);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(ModelPath)!, recursive: true);
}

// case: a scaffolder copying C# view-model templates from Templates/Models into a generated project — a Models folder of .cs files
public static class ViewModelScaffolder
{
    public static void Scaffold(string projectDir)
    {
        string target = Path.Combine(projectDir, "Models");
        Directory.CreateDirectory(target);
        foreach (string template in Directory.EnumerateFiles(Path.Combine("Templates", "Models"), "*.cs"))
        {
            File.Copy(template, Path.Combine(target, Path.GetFileName(template)), overwrite: true);
        }
    }
}

// case: user photos copied into the report output folder — user data, not weights
public static class ReportImages
{
    public static void Copy(IEnumerable<string> photoPaths, string reportDir)
    {
        foreach (var photo in photoPaths.Where(p => p.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase)))
        {
            File.Copy(photo, Path.Combine(reportDir, "images", Path.GetFileName(photo)), true);
        }
    }
}

// case: an inference log written next to the model folder and copied to the diagnostics share — a log, not weights
public static class DiagnosticsLog
{
    public static void Collect(string modelsDir, string diagnosticsShare)
    {
        string log = Path.Combine(modelsDir, "inference.log");
        File.Copy(log, Path.Combine(diagnosticsShare, Environment.MachineName + "-inference.log"), true);
    }
}
