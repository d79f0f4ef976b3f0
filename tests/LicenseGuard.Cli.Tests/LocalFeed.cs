using System.Text.Json;

namespace LicenseGuard.Cli.Tests;

/// <summary>
/// A real local NuGet feed (a folder of .nupkg files) holding EPPlus 4.5.3.3, OpenAI 2.15.0, Newtonsoft.Json 9.0.1, DotNetZip 1.16.0,
/// System.ValueTuple 4.5.0 and their
/// whole dependency closure for netstandard2.0, copied from the packages a real restore downloaded; and a working folder whose
/// NuGet.Config lists only that feed.
/// </summary>
public sealed class LocalFeed : IDisposable
{
    public LocalFeed()
    {
        Root = Directory.CreateTempSubdirectory("licenseguard-cli-").FullName;
        Feed = Path.Combine(Root, "feed");
        WorkingDirectory = Path.Combine(Root, "work");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(WorkingDirectory);

        string restoreDir = Path.Combine(Root, "restore");
        Directory.CreateDirectory(restoreDir);
        File.WriteAllText(Path.Combine(restoreDir, "Restore.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>netstandard2.0</TargetFramework><NoWarn>NU1603;NU1701;NU1902;NU1903;NU1904</NoWarn></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="EPPlus" Version="4.5.3.3" />
                <PackageReference Include="OpenAI" Version="2.15.0" />
                <PackageReference Include="Newtonsoft.Json" Version="9.0.1" />
                <PackageReference Include="DotNetZip" Version="1.16.0" />
                <PackageReference Include="System.ValueTuple" Version="4.5.0" />
              </ItemGroup>
            </Project>
            """);
        var (code, output) = DotnetCommand.Run(restoreDir, "restore");
        if (code != 0)
        {
            throw new InvalidOperationException("restore failed: " + output);
        }

        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(restoreDir, "obj", "project.assets.json")));
        string packagesFolder = assets.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
        foreach (var library in assets.RootElement.GetProperty("libraries").EnumerateObject())
        {
            if (library.Value.GetProperty("type").GetString() != "package")
            {
                continue;
            }

            string folder = Path.Combine(packagesFolder, library.Value.GetProperty("path").GetString()!);
            foreach (var nupkg in Directory.GetFiles(folder, "*.nupkg"))
            {
                File.Copy(nupkg, Path.Combine(Feed, Path.GetFileName(nupkg)), overwrite: true);
            }
        }

        File.WriteAllText(Path.Combine(WorkingDirectory, "NuGet.Config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    public string Root { get; }

    public string Feed { get; }

    public string WorkingDirectory { get; }

    /// <summary>Runs the real licenseguard tool in <paramref name="directory"/> (default: the working folder).</summary>
    public (int ExitCode, string Stdout, string Stderr) Tool(string? directory, params string[] arguments) => ToolRunner.Run(directory ?? WorkingDirectory, arguments);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
