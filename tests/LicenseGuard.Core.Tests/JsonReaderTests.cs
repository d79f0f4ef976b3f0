using LicenseGuard.Json;

namespace LicenseGuard.Core.Tests;

public class JsonReaderTests
{
    [Fact]
    public void ValuesKeepTheirLineAndColumn()
    {
        var root = JsonReader.Parse("f.json", "{\n  \"a\": [1, \"x\\u0041\"],\n  \"b\": { \"c\": true }\n}");

        var a = root.Find("a")!;
        Assert.Equal((2, 3), (a.NameSpan.Line, a.NameSpan.Column));
        Assert.Equal("xA", a.Value.Items[1].Text);
        Assert.Equal((2, 12), (a.Value.Items[1].Span.Line, a.Value.Items[1].Span.Column));
        Assert.True(root.Find("b")!.Value.Find("c")!.Value.BooleanValue);
    }

    [Fact]
    public void CommentsAndTrailingCommasAreAccepted()
    {
        var root = JsonReader.Parse("f.json", "// head\n{ /* inline */ \"a\": [1, 2,], }\n");
        Assert.Equal(2, root.Find("a")!.Value.Items.Count);
    }

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("{", 1, 2)]
    [InlineData("{ \"a\" 1 }", 1, 7)]
    [InlineData("{ \"a\": 1\n  \"b\": 2 }", 2, 3)]
    [InlineData("[1, 2", 1, 6)]
    [InlineData("{ \"a\": \"unterminated }", 1, 23)]
    [InlineData("{ \"a\": tru }", 1, 8)]
    [InlineData("{ \"a\": 1 } extra", 1, 12)]
    [InlineData("{ \"a\": \"\\q\" }", 1, 9)]
    [InlineData("/* never closed", 1, 1)]
    [InlineData("{ a: 1 }", 1, 3)]
    [InlineData("{ \"a\": -}", 1, 8)]
    public void MalformedInputThrowsWithPosition(string text, int line, int column)
    {
        var error = Assert.Throws<JsonParseException>(() => JsonReader.Parse("f.json", text));
        Assert.Equal((line, column), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void DeepNestingIsRejectedNotAStackOverflow()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);
        var error = Assert.Throws<JsonParseException>(() => JsonReader.Parse("f.json", text));
        Assert.Contains("nested deeper", error.Message);
    }

    [Fact]
    public void RandomMutationsNeverThrowAnythingButParseErrors()
    {
        string valid = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "examples", "licenseguard.json"));
        var random = new Random(1234);
        for (int i = 0; i < 2_000; i++)
        {
            var chars = valid.ToCharArray();
            int edits = random.Next(1, 6);
            for (int e = 0; e < edits; e++)
            {
                const string noise = "{}[]\",:\\/*0aé \n";
                chars[random.Next(chars.Length)] = noise[random.Next(noise.Length)];
            }

            var text = new string(chars, 0, random.Next(chars.Length + 1));
            try
            {
                JsonReader.Parse("f.json", text);
            }
            catch (JsonParseException e)
            {
                Assert.InRange(e.Span.Start, 0, text.Length);
            }
        }
    }
}
