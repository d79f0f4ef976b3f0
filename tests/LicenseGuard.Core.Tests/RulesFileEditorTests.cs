using LicenseGuard.Catalog;

namespace LicenseGuard.Core.Tests;

public class RulesFileEditorTests
{
    private static readonly string[] Exceptions = ["policy", "exceptions"];

    [Fact]
    public void AppendsToAnExistingArrayOnItsOwnLineAndKeepsComments()
    {
        const string text = """
            {
              // Our policy.
              "policy": {
                "exceptions": [
                  { "package": "EPPlus", "version": "[4.5.3.3]", "reason": "Reviewed." }
                ]
              }
            }
            """;

        string edited = RulesFileEditor.AddToArray(text, Exceptions, "{ \"package\": \"Foo\", \"reason\": \"TODO\" }")!;

        Assert.Equal("""
            {
              // Our policy.
              "policy": {
                "exceptions": [
                  { "package": "EPPlus", "version": "[4.5.3.3]", "reason": "Reviewed." },
                  { "package": "Foo", "reason": "TODO" }
                ]
              }
            }
            """, edited);
        Assert.Empty(RulesCatalog.Load([new RulesSource("licenseguard.json", edited)]).Problems);
    }

    [Fact]
    public void CreatesTheMissingObjectsAndArray()
    {
        string text = RulesFileEditor.NewFile();

        string edited = RulesFileEditor.AddToArray(text, ["rules", "LG1002", "ignore"], "\"api.openai.com\"")!;

        Assert.Equal("{\n  \"$schema\": \"" + RulesFileEditor.SchemaUrl + "\",\n  \"rules\": { \"LG1002\": { \"ignore\": [ \"api.openai.com\" ] } }\n}\n", edited);
        var catalog = RulesCatalog.Load([new RulesSource("licenseguard.json", edited)]);
        Assert.Empty(catalog.Problems);
        Assert.Contains("api.openai.com", catalog.GetRule("LG1002").Ignore);
    }

    [Fact]
    public void FillsAnEmptyObjectAndKeepsWindowsLineEndings()
    {
        string edited = RulesFileEditor.AddToArray("{\r\n}\r\n", Exceptions, "{ \"file\": \"models/x.gguf\", \"reason\": \"TODO\" }")!;

        Assert.Equal("{\r\n  \"policy\": { \"exceptions\": [ { \"file\": \"models/x.gguf\", \"reason\": \"TODO\" } ] }\r\n}\r\n", edited);
    }

    [Fact]
    public void DoesNotAddTheSameItemTwice()
    {
        const string text = "{ \"rules\": { \"LG1001\": { \"ignore\": [\"openai\"] } } }";

        Assert.Equal(text, RulesFileEditor.AddToArray(text, ["rules", "LG1001", "ignore"], "\"openai\""));
    }

    [Theory]
    [InlineData("{ \"policy\": ")]
    [InlineData("[]")]
    [InlineData("{ \"policy\": { \"exceptions\": {} } }")]
    public void MalformedOrMistypedFilesAreLeftAlone(string text)
    {
        Assert.Null(RulesFileEditor.AddToArray(text, Exceptions, "{}"));
    }
}
