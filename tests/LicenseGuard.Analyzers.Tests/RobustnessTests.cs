using LicenseGuard.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace LicenseGuard.Analyzers.Tests;

/// <summary>No AD0001 on odd code and bad rules files; cancellation stops analysis.</summary>
public class RobustnessTests
{
    private static readonly string[] OddCode =
    {
        // Broken code: missing types, unfinished statements, wrong arity.
        """
        using OpenAI.Chat;
        class Broken
        {
            void M() { var c = new ChatClient(; c.CompleteChat( ; new OpenAI.Nope(); Undefined.Call("https://api.openai.com"); }
            string N => "gpt-4o" + ;
            string[] Paths = { "/repo/licenseguard.json", "/", "?", "#", "https://", "https:///x", "@", "//@/" };
            object O() => new OpenAI.OpenAIClient<int>();
        }
        """,

        // Long constant concatenations, nested interpolations, raw and verbatim strings.
        "class Long { const string S = " + string.Join(" + ", Enumerable.Repeat("\"a\"", 2_000)) + "; string T(int i) => $\"https://{(i > 0 ? $\"{i}.openai.azure.com\" : \"x\")}/\" + @\"gpt-4o\" + \"\"\"claude-3-5-sonnet\"\"\"; }",

        // A string literal of one megabyte and one made of dots.
        "class Big { string A = \"" + new string('x', 1_000_000) + "\"; string B = \"" + new string('.', 10_000) + "\"; string C = \"https://" + new string('.', 500) + "\"; }",

        // Dynamic, unsafe, generics, local functions, events, operators.
        """
        using System;
        using OpenAI;
        using OpenAI.Chat;
        unsafe class Odd<T> where T : OpenAIClient
        {
            event Action? Changed;
            dynamic D(dynamic client) => client.GetChatClient("gpt-4o");
            ChatClient L(T client) { ChatClient Local() => client.GetChatClient("o3"); Changed?.Invoke(); return Local(); }
            static int* P(int* p) => p;
            public static Odd<T> operator +(Odd<T> a, Odd<T> b) => a;
        }
        """,
    };

    private static readonly string[] RulesFileTexts =
    {
        "",
        "{",
        "[]",
        "null",
        "{ \"services\": [ { \"id\": \"openai\", \"symbols\": [\"N:\", \"T:.\", \"M:A..B\", 42, null], \"hosts\": [\"*\", \"\", \"*.\"] } ] }",
        "{ \"models\": [ { \"id\": \"m\", \"ids\": [\"*\", \"**\", \"a b\"], \"service\": \"nope\", \"run\": [ { \"runtime\": 1 } ] } ] }",
        "{ \"rules\": { \"LG1001\": { \"ignore\": [\"openai\", \"anthropic\"] }, \"LG1002\": { \"enabled\": \"no\" }, \"LG1003\": [] } }",
        "{ \"services\": [ { \"id\": \"x\", \"alternatives\": [ { \"model\": \"gpt-4o\", \"runtime\": \"nope\", \"extra\": 1 }, 7 ] } ] }",
        new string('[', 5_000),
        "{ \"a\": \"\\u12\" }",
        "\uFEFF{ \"$schema\": 1 }",
    };

    public static TheoryData<string> RulesFiles() => new(RulesFileTexts);

    [Theory]
    [MemberData(nameof(RulesFiles))]
    public async Task NoAnalyzerExceptionOnOddCodeAndBadRulesFiles(string rules)
    {
        var corpus = OddCode.Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "corpus"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var compilation = await AnalyzerRunner.CompileAsync(corpus);

        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(compilation, new[] { new TestAdditionalText("/repo/licenseguard.json", rules) });

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        if (rules.Length > 0 && rules != "[]" && rules != "null")
        {
            Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.RulesFileInvalid);
        }
    }

    [Fact]
    public async Task EveryRulesProblemPointsInsideItsFile()
    {
        var compilation = await AnalyzerRunner.CompileAsync(new[] { "class C { }" });
        foreach (var rules in RulesFileTexts)
        {
            var (diagnostics, _) = await AnalyzerRunner.RunAsync(compilation, new[] { new TestAdditionalText("/repo/licenseguard.json", rules) });
            foreach (var diagnostic in diagnostics.Where(d => d.Id == DiagnosticIds.RulesFileInvalid))
            {
                var span = diagnostic.Location.GetLineSpan();
                Assert.Equal("/repo/licenseguard.json", span.Path);
                Assert.InRange(diagnostic.Location.SourceSpan.End, 0, rules.Length);
            }
        }
    }

    [Fact]
    public async Task CancellationStopsAnalysis()
    {
        var sources = Enumerable.Range(0, 400).Select(i => $$"""
            using OpenAI;
            class C{{i}}
            {
                object M(string k) => new OpenAIClient(k).GetChatClient("gpt-4o").CompleteChat("https://api.openai.com/v1");
            }
            """);
        var compilation = await AnalyzerRunner.CompileAsync(sources);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AnalyzerRunner.RunAsync(compilation, Array.Empty<Microsoft.CodeAnalysis.AdditionalText>(), cancellation.Token));
    }
}
