using LicenseGuard.Catalog;

namespace LicenseGuard.Core.Tests;

public class RulesLoaderTests
{
    private static RulesCatalog Load(string text, string path = "/repo/licenseguard.json") =>
        RulesCatalog.Load(new[] { new RulesSource(path, text) });

    [Fact]
    public void UserEntryMergesFieldByFieldIntoTheBuiltInOne()
    {
        var catalog = Load("""{ "services": [ { "id": "openai", "severity": "error", "hosts": ["api.openai.com", "oai.contoso.example"] } ] }""");

        var openai = catalog.FindService("openai")!;
        Assert.Empty(catalog.Problems);
        Assert.Equal("error", openai.Severity);
        Assert.Equal(new[] { "api.openai.com", "oai.contoso.example" }, openai.Hosts);
        Assert.Equal("OpenAI API", openai.Name);
        Assert.Contains("N:OpenAI", openai.Symbols);
        Assert.Equal("/repo/licenseguard.json", openai.DeclaredAt.Path);
    }

    [Fact]
    public void EnabledFalseRemovesAnEntry()
    {
        var catalog = Load("""{ "services": [ { "id": "groq", "enabled": false } ] }""");
        Assert.Null(catalog.FindService("groq"));
        Assert.NotNull(catalog.FindService("openai"));
    }

    [Fact]
    public void LaterFilesWinAndFilesAreOrderedByPath()
    {
        var catalog = RulesCatalog.Load(new[]
        {
            new RulesSource("/repo/b/licenseguard.json", """{ "rules": { "LG1001": { "severity": "info" } } }"""),
            new RulesSource("/repo/a/licenseguard.json", """{ "rules": { "LG1001": { "severity": "error", "enabled": false } } }"""),
        });

        var rule = catalog.GetRule("LG1001");
        Assert.Equal("info", rule.Severity);
        Assert.False(rule.Enabled);
    }

    [Fact]
    public void ProblemsNameFileLineAndWhatWasIgnored()
    {
        var catalog = Load("""
            {
              "services": [
                { "id": "x", "symbols": ["N:Ok", "not a symbol"], "alternatives": [ { "model": "nope", "runtime": "ollamasharp" } ] }
              ]
            }
            """);

        Assert.Collection(
            catalog.Problems,
            p =>
            {
                Assert.Equal(("/repo/licenseguard.json", 3, 38), (p.Span.Path, p.Span.Line, p.Span.Column));
                Assert.Equal("Invalid value 'not a symbol' in \"symbols\" of 'x': expected a documentation-comment id such as 'N:OpenAI', 'T:OpenAI.OpenAIClient' or 'M:OpenAI.Chat.ChatClient.CompleteChat'. It was ignored.", p.Message);
            },
            p => Assert.Contains("Unknown model 'nope'", p.Message));
        Assert.Equal(new[] { "N:Ok" }, catalog.FindService("x")!.Symbols);
    }

    [Fact]
    public void WrongTypesAreReportedAndTheRestLoads()
    {
        var catalog = Load("""{ "services": { "id": "x" }, "models": [ 3, { "id": "m", "openWeights": "yes", "ids": ["m-*", 4] } ] }""");

        Assert.Equal(4, catalog.Problems.Count);
        Assert.Contains(catalog.Problems, p => p.Message.StartsWith("\"services\" must be an array, not an object", StringComparison.Ordinal));
        Assert.Equal(new[] { "m-*" }, catalog.FindModel("m")!.Ids);
    }

    [Fact]
    public void InvalidJsonIgnoresTheWholeFileButKeepsTheBuiltInCatalog()
    {
        var catalog = Load("{ \"services\": [ }");

        var problem = Assert.Single(catalog.Problems);
        Assert.StartsWith("The rules file is not valid JSON", problem.Message);
        Assert.Equal((1, 17), (problem.Span.Line, problem.Span.Column));
        Assert.NotNull(catalog.FindService("openai"));
    }

    [Fact]
    public void LicenceAliasesResolve()
    {
        Assert.Equal("LicenseRef-hf-llama3.1", RulesCatalog.BuiltIn.FindLicense("llama3.1")!.Id);
        Assert.Equal("open-weights-restricted", RulesCatalog.BuiltIn.ClassOf("gemma"));
        Assert.Equal("unknown", RulesCatalog.BuiltIn.ClassOf("LicenseRef-nobody-knows"));
    }
}
