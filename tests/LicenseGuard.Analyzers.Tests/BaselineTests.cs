using LicenseGuard.Analyzers.Tests.Harness;
using LicenseGuard.Baselines;
using Microsoft.CodeAnalysis;

namespace LicenseGuard.Analyzers.Tests;

/// <summary>The build side of baselines: findings in licenseguard.baseline.json are not reported, new ones are.</summary>
public class BaselineTests
{
    private const string BaselinePath = "/corpus/licenseguard.baseline.json";

    private const string Source = """
        using OpenAI.Chat;
        class Triage
        {
            object Classify(string key) => new ChatClient("gpt-4o-mini", key);
        }
        """;

    [Fact]
    public async Task BaselinedFindingsAreNotReportedEvenAfterLinesMove()
    {
        var all = await RunAsync(Source, baseline: null);
        var calls = all.Where(d => d.Id == DiagnosticIds.ProprietaryAiCall).ToList();
        Assert.Single(calls);
        string baseline = BaselineOf(calls);

        var accepted = await RunAsync(Source, baseline);
        Assert.DoesNotContain(accepted, d => d.Id == DiagnosticIds.ProprietaryAiCall);
        Assert.Contains(accepted, d => d.Id == DiagnosticIds.ClosedModelId);

        var moved = await RunAsync("// header\n\n\n" + Source.Replace("    object Classify", "\n\n    object Classify", StringComparison.Ordinal), baseline);
        Assert.DoesNotContain(moved, d => d.Id == DiagnosticIds.ProprietaryAiCall);
    }

    [Fact]
    public async Task NewFindingsAreReportedNextToBaselinedOnes()
    {
        string baseline = BaselineOf((await RunAsync(Source, baseline: null)).Where(d => d.Id == DiagnosticIds.ProprietaryAiCall));
        string grown = Source.Replace(
            "    object Classify",
            "    object Summarize(string key) => new ChatClient(\"gpt-4o\", key);\n    object Classify",
            StringComparison.Ordinal);

        var diagnostics = await RunAsync(grown, baseline);

        var call = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.ProprietaryAiCall);
        Assert.Contains("Summarize", call.Location.SourceTree!.GetText().Lines[call.Location.GetLineSpan().StartLinePosition.Line].ToString());
    }

    [Fact]
    public void FingerprintIgnoresLinesAndArgumentsButNotTheMemberTheCalleeOrTheLiteral()
    {
        static string Fingerprint(string source, string find)
        {
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, path: "/corpus/A.cs");
            int start = source.IndexOf(find, StringComparison.Ordinal);
            var diagnostic = Diagnostic.Create(Descriptors.ProprietaryAiCall, Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(start, find.Length)), "a", "b", "c", "d");
            return FindingFingerprint.Compute(diagnostic, "/corpus");
        }

        string original = Fingerprint("class C { void M() { Call(1); } }", "Call(1)");
        Assert.Equal(original, Fingerprint("\n\n// moved\nclass C\n{\n    void M()\n    {\n        Call(1);\n    }\n}", "Call(1)"));
        Assert.NotEqual(original, Fingerprint("class C { void N() { Call(1); } }", "Call(1)"));
        Assert.Equal(original, Fingerprint("class C { void M() { Call(2); } }", "Call(2)"));
        Assert.NotEqual(original, Fingerprint("class C { void M() { Other(1); } }", "Other(1)"));
        Assert.NotEqual(Fingerprint("class C { string M() => \"gpt-4o\"; }", "\"gpt-4o\""), Fingerprint("class C { string M() => \"gpt-4.1\"; }", "\"gpt-4.1\""));
        Assert.Matches("^[0-9a-f]{16}$", original);
    }

    [Fact]
    public async Task ATargetTypedCreationAddedToAMethodWithOthersIsReported()
    {
        const string before = """
            using OpenAI.Audio;
            using OpenAI.Chat;
            using OpenAI.Embeddings;
            class Clients
            {
                void Create(string key)
                {
                    ChatClient chat = new("gpt-4o-mini", key);
                    EmbeddingClient embeddings = new("text-embedding-3-small", key);
                }
            }
            """;
        string baseline = BaselineOf((await RunAsync(before, baseline: null)).Where(d => d.Id.StartsWith("LG", StringComparison.Ordinal)));
        string after = before.Replace("(\"text-embedding-3-small\", key);", "(\"text-embedding-3-small\", key);\n        AudioClient audio = new(\"whisper-1\", key);", StringComparison.Ordinal);
        Assert.Contains("AudioClient audio", after, StringComparison.Ordinal);

        var diagnostics = await RunAsync(after, baseline);

        Assert.Equal(new[] { DiagnosticIds.ProprietaryAiCall, DiagnosticIds.ClosedModelId }, diagnostics.Select(d => d.Id).Order());
        Assert.All(diagnostics, d => Assert.Contains("AudioClient audio", d.Location.SourceTree!.GetText().Lines[d.Location.GetLineSpan().StartLinePosition.Line].ToString()));
    }

    [Fact]
    public async Task ATargetTypedCreationOfATypeAlreadyCreatedExplicitlyIsReported()
    {
        const string before = """
            using OpenAI.Audio;
            class Voice
            {
                void Create(string key)
                {
                    var audio = new AudioClient("whisper-1", key);
                }
            }
            """;
        string baseline = BaselineOf((await RunAsync(before, baseline: null)).Where(d => d.Id.StartsWith("LG", StringComparison.Ordinal)));
        string after = before.Replace("key);", "key);\n        AudioClient backup = new(\"whisper-1\", key);", StringComparison.Ordinal);

        var diagnostics = await RunAsync(after, baseline);

        Assert.Equal(new[] { DiagnosticIds.ProprietaryAiCall, DiagnosticIds.ClosedModelId }, diagnostics.Select(d => d.Id).Order());
        Assert.All(diagnostics, d => Assert.Equal(6, d.Location.GetLineSpan().StartLinePosition.Line)); // zero-based: the added line
    }

    [Fact]
    public async Task ASecondIdenticalCallInTheSameMemberAndAnOverloadAreReported()
    {
        const string before = """
            using OpenAI.Chat;
            class Triage
            {
                object Classify(string key) => new ChatClient("gpt-4o-mini", key);
                void Twice(ChatClient chat) { chat.CompleteChat("a"); }
            }
            """;
        string baseline = BaselineOf((await RunAsync(before, baseline: null)).Where(d => d.Id.StartsWith("LG", StringComparison.Ordinal)));
        string after = before
            .Replace("chat.CompleteChat(\"a\"); }", "chat.CompleteChat(\"a\"); chat.CompleteChat(\"a\"); }", StringComparison.Ordinal)
            .Replace("    void Twice", "    object Classify(System.Uri endpoint, string key) => new ChatClient(\"gpt-4o-mini\", key);\n    void Twice", StringComparison.Ordinal);

        var diagnostics = await RunAsync(after, baseline);

        Assert.Equal(3, diagnostics.Count);
        Assert.Equal(2, diagnostics.Count(d => d.Location.GetLineSpan().StartLinePosition.Line == 4));
        var second = Assert.Single(diagnostics, d => d.Location.GetLineSpan().StartLinePosition.Line == 5);
        Assert.True(second.Location.SourceSpan.Start > after.IndexOf("CompleteChat", StringComparison.Ordinal), "the second call, not the first, is the new finding");
    }

    [Fact]
    public async Task MalformedBaselineAcceptsNothingAndDoesNotThrow()
    {
        var diagnostics = await RunAsync(Source, "{ \"findings\": [ ");

        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.ProprietaryAiCall);
    }

    private static string BaselineOf(IEnumerable<Diagnostic> diagnostics) =>
        BaselineFile.ToJson(diagnostics.Select(d => new BaselineEntry { Id = d.Id, Fingerprint = FindingFingerprint.Compute(d, "/corpus"), File = FindingFingerprint.RelativeFile(d, "/corpus"), Message = d.GetMessage() }));

    private static async Task<List<Diagnostic>> RunAsync(string source, string? baseline)
    {
        var files = baseline == null ? Array.Empty<AdditionalText>() : new AdditionalText[] { new TestAdditionalText(BaselinePath, baseline) };
        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(await AnalyzerRunner.CompileAsync(new[] { source }), files);
        Assert.Empty(exceptions);
        return diagnostics.ToList();
    }
}
