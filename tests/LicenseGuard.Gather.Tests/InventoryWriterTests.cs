namespace LicenseGuard.Gather.Tests;

/// <summary>The inventory is an input of CoreCompile: the same facts never rewrite it, new facts replace it whole.</summary>
public sealed class InventoryWriterTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("licenseguard-inventory-").FullName;

    private string Path => System.IO.Path.Combine(directory, "obj", "licenseguard.inventory.json");

    [Fact]
    public void SameFactsLeaveTheFileAndItsTimestampAlone()
    {
        Assert.True(InventoryWriter.WriteIfChanged(Path, "{ \"format\": 1 }"));
        var written = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(Path, written);

        Assert.False(InventoryWriter.WriteIfChanged(Path, "{ \"format\": 1 }"));

        Assert.Equal(written, File.GetLastWriteTimeUtc(Path));
    }

    [Fact]
    public void NewFactsReplaceTheFileAndLeaveNoTemporaryFileBehind()
    {
        InventoryWriter.WriteIfChanged(Path, "{ \"format\": 1, \"packages\": [ \"a\", \"b\", \"c\" ] }");

        Assert.True(InventoryWriter.WriteIfChanged(Path, "{ \"format\": 1 }"));

        Assert.Equal("{ \"format\": 1 }", File.ReadAllText(Path));
        Assert.Equal(new[] { Path }, Directory.GetFiles(System.IO.Path.GetDirectoryName(Path)!));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
