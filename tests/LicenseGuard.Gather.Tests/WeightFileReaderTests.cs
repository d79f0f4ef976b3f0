using System.Diagnostics;
using System.Text;
using LicenseGuard.Gather.Weights;

namespace LicenseGuard.Gather.Tests;

public sealed class WeightFileReaderTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("licenseguard-weights-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData(2u)]
    [InlineData(3u)]
    public void GgufGeneralKeysAreReadPastArraysOfEveryType(uint version)
    {
        string path = Write("llama.gguf", WeightBytes.Gguf(version,
            ("general.architecture", "llama"),
            ("tokenizer.ggml.tokens", new[] { "<s>", "</s>", "hello" }),
            ("tokenizer.ggml.scores", new[] { 0.1f, 0.2f, 0.3f }),
            ("general.name", "Meta-Llama-3.1-8B-Instruct"),
            ("general.license", "llama3.1"),
            ("general.license.name", "Llama 3.1 Community License"),
            ("general.base_model.count", 1u),
            ("general.base_model.0.name", "Llama 3.1 8B"),
            ("general.source.url", "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct"),
            ("general.quantization_version", 2u),
            ("some.flag", true),
            ("some.size", 42UL)));

        var facts = WeightFileReader.Inspect(path)!;

        Assert.Equal(("gguf", null), (facts.Format, facts.Problem));
        Assert.Equal("llama3.1", facts.Metadata["general.license"]);
        Assert.Equal("Llama 3.1 Community License", facts.Metadata["general.license.name"]);
        Assert.Equal("Meta-Llama-3.1-8B-Instruct", facts.Metadata["general.name"]);
        Assert.Equal("Llama 3.1 8B", facts.Metadata["general.base_model.0.name"]);
        Assert.Equal("1", facts.Metadata["general.base_model.count"]);
        Assert.Equal("https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct", facts.Metadata["general.source.url"]);
        Assert.False(facts.Metadata.ContainsKey("tokenizer.ggml.tokens"));
    }

    [Fact]
    public void SafetensorsMetadataIsRead()
    {
        var facts = WeightFileReader.Inspect(Write("model.safetensors", WeightBytes.Safetensors("{\"format\":\"pt\",\"license\":\"apache-2.0\"}")))!;
        Assert.Equal(("safetensors", null, "apache-2.0"), (facts.Format, facts.Problem, facts.Metadata["license"]));
    }

    [Fact]
    public void OnnxMetadataPropsAreReadAndTheGraphIsSkipped()
    {
        var facts = WeightFileReader.Inspect(Write("model.onnx", WeightBytes.Onnx(("license", "MIT"), ("model_name", "all-MiniLM-L6-v2"))))!;
        Assert.Equal(("onnx", null), (facts.Format, facts.Problem));
        Assert.Equal(("MIT", "all-MiniLM-L6-v2", "pytorch"), (facts.Metadata["license"], facts.Metadata["model_name"], facts.Metadata["producer_name"]));
    }

    [Theory]
    [InlineData("weights.pt", "pytorch-zip")]
    [InlineData("disguised.dat", "pytorch-zip")]
    public void PyTorchZipIsDetectedByContent(string name, string format)
    {
        Assert.Equal(format, WeightFileReader.Inspect(Write(name, WeightBytes.PyTorchZip()))!.Format);
    }

    [Fact]
    public void OtherFormatsAreDetectedByTheirMagic()
    {
        Assert.Equal("pickle", WeightFileReader.Inspect(Write("legacy.bin", new byte[] { 0x80, 0x02, 0x7D, 0x71 }))!.Format);
        Assert.Equal("hdf5", WeightFileReader.Inspect(Write("model.h5", new byte[] { 0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }))!.Format);
        Assert.Equal("tflite", WeightFileReader.Inspect(Write("model.tflite", new byte[] { 0x1C, 0, 0, 0, (byte)'T', (byte)'F', (byte)'L', (byte)'3', 0, 0 }))!.Format);
        Assert.Equal("ggml", WeightFileReader.Inspect(Write("ggml-base.bin", BitConverter.GetBytes(0x67676d6cu).Concat(new byte[12]).ToArray()))!.Format);
        Assert.Equal("coreml", WeightFileReader.Inspect(Write("Classifier.mlmodel", new byte[] { 0x08, 0x04, 0x12, 0x00 }))!.Format);
    }

    [Theory]
    [InlineData("notes.txt", "hello world")]
    [InlineData("data.bin", "just some bytes that are not a model")]
    [InlineData("archive.zip", null)]
    public void OrdinaryFilesAreNotWeights(string name, string? text)
    {
        byte[] bytes;
        if (text != null)
        {
            bytes = Encoding.UTF8.GetBytes(text);
        }
        else
        {
            using var stream = new MemoryStream();
            using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            {
                zip.CreateEntry("readme.txt");
            }

            bytes = stream.ToArray();
        }

        Assert.Null(WeightFileReader.Inspect(Write(name, bytes)));
    }

    public static TheoryData<string, byte[], string> HostileFiles()
    {
        var full = WeightBytes.Gguf(3, ("general.license", "mit"), ("general.name", "x"));
        var hugeCount = WeightBytes.Gguf(3);
        BitConverter.GetBytes(ulong.MaxValue).CopyTo(hugeCount, 16); // kv count
        var hugeString = Encoding.ASCII.GetBytes("GGUF").Concat(BitConverter.GetBytes(3u)).Concat(BitConverter.GetBytes(0UL)).Concat(BitConverter.GetBytes(1UL))
            .Concat(BitConverter.GetBytes(ulong.MaxValue / 2)).Concat(new byte[64]).ToArray();
        var hugeArray = Encoding.ASCII.GetBytes("GGUF").Concat(BitConverter.GetBytes(3u)).Concat(BitConverter.GetBytes(0UL)).Concat(BitConverter.GetBytes(1UL))
            .Concat(BitConverter.GetBytes(1UL)).Concat(Encoding.ASCII.GetBytes("a")).Concat(BitConverter.GetBytes(9u)).Concat(BitConverter.GetBytes(8u)).Concat(BitConverter.GetBytes(50_000_000UL)).ToArray();
        var badSafetensors = BitConverter.GetBytes(40UL).Concat(Encoding.ASCII.GetBytes("{\"__metadata__\": {\"license\": ")).Concat(new byte[12]).ToArray();
        return new TheoryData<string, byte[], string>
        {
            { "truncated.gguf", full.Take(full.Length / 2).ToArray(), "gguf" },
            { "huge-count.gguf", hugeCount, "gguf" },
            { "huge-string.gguf", hugeString, "gguf" },
            { "huge-array.gguf", hugeArray, "gguf" },
            { "wrong-version.gguf", Encoding.ASCII.GetBytes("GGUF").Concat(BitConverter.GetBytes(99u)).Concat(new byte[16]).ToArray(), "gguf" },
            { "wrong-magic.gguf", Encoding.ASCII.GetBytes("GGUX").Concat(new byte[32]).ToArray(), "possible" },
            { "empty.safetensors", Array.Empty<byte>(), "possible" },
            { "broken.safetensors", badSafetensors, "safetensors" },
            { "broken.onnx", new byte[] { 0x08, 0x08, 0x12, 0xFF, 0xFF, 0xFF, 0x0F }, "onnx" },
            { "broken.pt", new byte[] { (byte)'P', (byte)'K', 3, 4, 0, 0, 0 }, "possible" },
        };
    }

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public void HostileHeadersGiveAProblemWithinBoundedTimeAndMemory(string name, byte[] bytes, string format)
    {
        string path = Write(name, bytes);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();

        var facts = WeightFileReader.Inspect(path);

        stopwatch.Stop();
        Assert.NotNull(facts);
        Assert.Equal(format, facts!.Format);
        Assert.False(string.IsNullOrEmpty(facts.Problem), "a hostile header must be reported as unreadable");
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, 0, 64L * 1024 * 1024);
        Assert.InRange(stopwatch.ElapsedMilliseconds, 0, 5_000);
    }

    [Fact]
    public void DirectoryNamedLikeAWeightFileIsNotAFile()
    {
        Directory.CreateDirectory(Path.Combine(directory, "folder.gguf"));
        Assert.Null(WeightFileReader.Inspect(Path.Combine(directory, "folder.gguf")));
    }

    [Fact]
    public void MultiGigabyteSparseFileCostsOnlyItsHeader()
    {
        string path = Path.Combine(directory, "big-llama-3.1-8b.Q4_K_M.gguf");
        var header = WeightBytes.Gguf(3, ("general.license", "llama3.1"));
        using (var stream = new FileStream(path, FileMode.Create))
        {
            stream.Write(header);
            stream.SetLength(8L * 1024 * 1024 * 1024); // 8 GiB, sparse: the disk is not used
        }

        var facts = WeightFileReader.Inspect(path)!;

        Assert.Equal(("gguf", "llama3.1", 8L * 1024 * 1024 * 1024), (facts.Format, facts.Metadata["general.license"], facts.Size));
        Assert.InRange(facts.BytesRead, 1, 64 * 1024);
    }

    [Fact]
    public void ModelCardFrontMatterIsRead()
    {
        var card = ModelCardReader.Parse("README.md", "---\nlicense: other\nlicense_name: qwen-research\nbase_model:\n  - Qwen/Qwen2.5-3B\ndatasets:\n  - HuggingFaceH4/ultrachat_200k\n  - \"openbmb/UltraFeedback\"\ntags:\n  - chat\n---\n# Model\nlicense: not this one\n")!;
        Assert.Equal(("other", "qwen-research"), (card.License, card.LicenseName));
        Assert.Equal(new[] { "Qwen/Qwen2.5-3B" }, card.BaseModels);
        Assert.Equal(new[] { "HuggingFaceH4/ultrachat_200k", "openbmb/UltraFeedback" }, card.Datasets);
        Assert.Null(ModelCardReader.Parse("README.md", "# No front matter\nlicense: mit"));
    }
}
