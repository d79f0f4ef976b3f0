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

    [Fact]
    public void BuildsSharingObjThatWriteTheFirstInventoryAtOnceAllSucceed()
    {
        // Two builds of one project sharing obj/ (a command-line build beside the IDE's design-time build, two solution builds):
        // both find no inventory and write one. The loser used to fail, log LG9002 as an MSBuild warning only and delete the
        // winner's inventory, whose compiler then had no facts; a later build skipped gathering, its stamp being current.
        for (int round = 0; round < 200; round++)
        {
            if (File.Exists(Path))
            {
                File.Delete(Path);
            }

            using var start = new Barrier(4);
            var writers = Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            {
                start.SignalAndWait();
                InventoryWriter.WriteIfChanged(Path, "{ \"format\": 1, \"writer\": " + (i % 2) + " }");
            })).ToArray();

            Task.WaitAll(writers);
            Assert.StartsWith("{ \"format\": 1, \"writer\": ", File.ReadAllText(Path));
            Assert.Equal(new[] { Path }, Directory.GetFiles(System.IO.Path.GetDirectoryName(Path)!));
        }
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
