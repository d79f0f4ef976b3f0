using System.Diagnostics;

namespace LicenseGuard.Gather.Tests;

/// <summary>
/// Real restore outputs: an app (multi-targeted) with an LGPL package whose licence is a file, a licenseUrl-only package,
/// a proprietary-AI SDK with no calls, a package with transitive dependencies, and a project reference bringing more.
/// </summary>
public sealed class RestoredProjects : IDisposable
{
    public RestoredProjects()
    {
        Root = Directory.CreateTempSubdirectory("licenseguard-gather-").FullName;
        Write("Lib/Lib.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFrameworks>net10.0;net8.0</TargetFrameworks></PropertyGroup>
              <ItemGroup><PackageReference Include="Anthropic" Version="13.14.0" /></ItemGroup>
            </Project>
            """);
        Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFrameworks>net10.0;net8.0</TargetFrameworks><NoWarn>NU1603;NU1701;NU1902;NU1903;NU1904</NoWarn></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="EPPlus" Version="4.5.3.3" />
                <PackageReference Include="Newtonsoft.Json" Version="9.0.1" />
                <PackageReference Include="OpenAI" Version="2.15.0" />
                <PackageReference Include="OllamaSharp" Version="5.5.2" Condition="'$(TargetFramework)' == 'net10.0'" />
                <PackageReference Include="Microsoft.CodeAnalysis.BannedApiAnalyzers" Version="4.14.0" PrivateAssets="all" />
                <ProjectReference Include="../Lib/Lib.csproj" />
              </ItemGroup>
            </Project>
            """);
        var restore = Process.Start(new ProcessStartInfo("dotnet", $"restore \"{Path.Combine(Root, "App", "App.csproj")}\"") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = restore.StandardOutput.ReadToEnd() + restore.StandardError.ReadToEnd();
        restore.WaitForExit();
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException("restore failed: " + output);
        }

        AssetsFile = Path.Combine(Root, "App", "obj", "project.assets.json");
    }

    public string Root { get; }

    public string AssetsFile { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Write(string relative, string text)
    {
        string path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
