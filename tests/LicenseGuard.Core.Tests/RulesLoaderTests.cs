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
    public void AProjectAddsItsOwnSinkNextToTheBuiltInOnes()
    {
        var catalog = Load("""
            { "sinks": [ { "id": "contoso-artifacts", "category": "cloud", "members": ["M:Contoso.Artifacts.ArtifactClient.PushAsync"], "data": ["file"], "to": "to the Contoso artifact store" } ] }
            """);

        Assert.Empty(catalog.Problems);
        var own = Assert.Single(catalog.Sinks, s => s.Id == "contoso-artifacts");
        Assert.Equal(("cloud", "uploads", "to the Contoso artifact store"), (own.Category, own.Verb, own.To));
        Assert.Equal(new[] { "file" }, own.Data);
        Assert.Contains(catalog.Sinks, s => s.Id == "file-copy" && s.Members.Contains("M:System.IO.File.Copy"));
        Assert.Contains(catalog.Sinks, s => s.Category == "static-files");
    }

    [Fact]
    public void ASinkWithoutACategoryOrDataIsAProblemAtItsLine()
    {
        var catalog = Load("""
            {
              "sinks": [
                { "id": "a", "category": "email", "members": ["M:Contoso.Mail.Send"], "data": ["attachment"] },
                { "id": "b", "category": "copy", "members": ["Contoso.Copy"] }
              ]
            }
            """);

        Assert.Collection(
            catalog.Problems,
            p =>
            {
                Assert.Equal(3, p.Span.Line);
                Assert.StartsWith("Sink 'a' needs a \"category\", one of: copy, archive, network, cloud, http, static-files", p.Message, StringComparison.Ordinal);
            },
            p =>
            {
                Assert.Equal(4, p.Span.Line);
                Assert.StartsWith("Invalid value 'Contoso.Copy' in \"members\" of 'b'", p.Message, StringComparison.Ordinal);
            },
            p => Assert.Equal("Sink 'b' needs \"members\" and \"data\" (the parameters that carry what is sent), or \"namespaces\" and \"verbs\"; it finds nothing without them.", p.Message));
    }

    [Fact]
    public void ASinkCanNameALibraryByNamespaceAndTheVerbsOfItsMembers()
    {
        var catalog = Load("""
            {
              "sinks": [
                { "id": "contoso-transfer", "category": "network", "namespaces": ["Contoso.Transfer"], "verbs": ["Ship", "Mirror"], "to": "to Contoso Transfer" },
                { "id": "bad", "category": "network", "namespaces": ["Contoso..Bad"], "verbs": ["ship files"] }
              ]
            }
            """);

        var own = Assert.Single(catalog.Sinks, s => s.Id == "contoso-transfer");
        Assert.Equal(new[] { "Contoso.Transfer" }, own.Namespaces);
        Assert.Equal(new[] { "Ship", "Mirror" }, own.Verbs);
        Assert.Contains(catalog.Sinks, s => s.Id == "network-libraries" && s.Namespaces.Contains("Renci.SshNet") && s.Verbs.Contains("Synchronize"));
        Assert.Collection(
            catalog.Problems,
            p => Assert.StartsWith("Invalid value 'Contoso..Bad' in \"namespaces\" of 'bad'", p.Message, StringComparison.Ordinal),
            p => Assert.StartsWith("Invalid value 'ship files' in \"verbs\" of 'bad'", p.Message, StringComparison.Ordinal),
            p => Assert.StartsWith("Sink 'bad' needs", p.Message, StringComparison.Ordinal));
        Assert.All(catalog.Problems, p => Assert.Equal(4, p.Span.Line));
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
