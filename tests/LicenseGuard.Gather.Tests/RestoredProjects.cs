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
        DotnetCommand.RunOrThrow(Path.Combine(Root, "App"), "restore");

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

/// <summary>
/// A real package that carries weights: packed here from a project with an ONNX content file, restored from a local feed,
/// so the gatherer meets it exactly as it meets a package from nuget.org.
/// </summary>
public sealed class RestoredPackageWithWeights : IDisposable
{
    public RestoredPackageWithWeights()
    {
        Root = Directory.CreateTempSubdirectory("licenseguard-weights-pkg-").FullName;
        string version = $"1.0.0-t{DateTime.UtcNow:yyyyMMddHHmmss}{Environment.ProcessId}";
        Directory.CreateDirectory(Path.Combine(Root, "Vision", "models"));
        File.WriteAllText(Path.Combine(Root, "Vision", "Vision.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><PackageId>LicenseGuard.Test.Vision</PackageId><Version>{version}</Version><PackageLicenseExpression>MIT</PackageLicenseExpression></PropertyGroup>
              <ItemGroup><None Include="models/resnet.onnx" Pack="true" PackagePath="content/models" /></ItemGroup>
            </Project>
            """);
        File.WriteAllBytes(Path.Combine(Root, "Vision", "models", "resnet.onnx"), new byte[] { 0x08, 0x08, 0x12, 0x07, (byte)'p', (byte)'y', (byte)'t', (byte)'o', (byte)'r', (byte)'c', (byte)'h', 0x3A, 0x03, 0x0A, 0x01, 0x78 });
        DotnetCommand.RunOrThrow(Path.Combine(Root, "Vision"), "pack", "-o", Path.Combine(Root, "feed"), "-nologo");
        Directory.CreateDirectory(Path.Combine(Root, "App"));
        File.WriteAllText(Path.Combine(Root, "App", "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><RestoreSources>{Path.Combine(Root, "feed")}</RestoreSources><RestorePackagesPath>{Path.Combine(Root, "packages")}</RestorePackagesPath></PropertyGroup>
              <ItemGroup><PackageReference Include="LicenseGuard.Test.Vision" Version="{version}" /></ItemGroup>
            </Project>
            """);
        DotnetCommand.RunOrThrow(Path.Combine(Root, "App"), "restore", "-nologo");
        AssetsFile = Path.Combine(Root, "App", "obj", "project.assets.json");
    }

    public string Root { get; }

    public string AssetsFile { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

public class PackageWeightFilesTests(RestoredPackageWithWeights restored) : IClassFixture<RestoredPackageWithWeights>
{
    [Fact]
    public void WeightFilesInsideARestoredPackageAreFoundByContent()
    {
        var inventory = InventoryBuilder.Build(restored.AssetsFile);
        var vision = Assert.Single(inventory.Packages, p => p.Id == "LicenseGuard.Test.Vision");
        Assert.Equal(new[] { "content/models/resnet.onnx (onnx)" }, vision.WeightFiles);
    }
}
