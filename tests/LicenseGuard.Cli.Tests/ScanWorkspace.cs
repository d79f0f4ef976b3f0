using System.Text;

namespace LicenseGuard.Cli.Tests;

/// <summary>
/// Real projects for `licenseguard scan`, restored from the normal NuGet sources, that do not reference the LicenseGuard
/// package (the scan brings its own build integration): App calls OpenAI, names a closed model and ships Llama weights;
/// Clean has nothing to report. Each test works on its own copy.
/// </summary>
public sealed class ScanWorkspace : IDisposable
{
    public const string TicketTriage = """
        using OpenAI.Chat;

        namespace App;

        public static class TicketTriage
        {
            public static async Task<string> ClassifyAsync(string apiKey, string ticket)
            {
                ChatClient chat = new ChatClient("gpt-4o-mini", apiKey);
                ChatCompletion completion = await chat.CompleteChatAsync(ticket);
                return completion.Content[0].Text;
            }
        }
        """;

    public ScanWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("licenseguard-scan-").FullName;
        Template = Path.Combine(Root, "template");
        string app = Path.Combine(Template, "App");
        string clean = Path.Combine(Template, "Clean");
        Directory.CreateDirectory(Path.Combine(app, "models"));
        Directory.CreateDirectory(clean);
        File.WriteAllText(Path.Combine(app, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OpenAI" Version="2.15.0" />
              </ItemGroup>
              <ItemGroup>
                <None Include="models/llama-3.1-8b-instruct.Q4_K_M.gguf" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), "Console.WriteLine(await App.TicketTriage.ClassifyAsync(args[0], args[1]));\n");
        File.WriteAllText(Path.Combine(app, "TicketTriage.cs"), TicketTriage);
        File.WriteAllBytes(Path.Combine(app, "models", "llama-3.1-8b-instruct.Q4_K_M.gguf"), Gguf(("general.name", "Llama 3.1 8B Instruct"), ("general.license", "llama3.1")));
        File.WriteAllText(Path.Combine(clean, "Clean.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(clean, "Greeter.cs"), "namespace Clean;\n\npublic static class Greeter\n{\n    public static string Greet(string name) => \"Hello, \" + name;\n}\n");
    }

    public string Root { get; }

    private string Template { get; }

    /// <summary>Copies the projects into a fresh folder and returns it.</summary>
    public string Copy()
    {
        string target = Path.Combine(Root, Guid.NewGuid().ToString("N")[..8]);
        foreach (string file in Directory.GetFiles(Template, "*", SearchOption.AllDirectories))
        {
            string destination = Path.Combine(target, Path.GetRelativePath(Template, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    /// <summary>Runs the real licenseguard tool in <paramref name="directory"/>.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Tool(string directory, params string[] arguments) => ToolRunner.Run(directory, arguments);

    public static int LineOf(string file, string text) =>
        Array.FindIndex(File.ReadAllLines(file), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>A GGUF v3 header with string metadata and no tensors: what the gatherer reads of real weight files.</summary>
    private static byte[] Gguf(params (string Key, string Value)[] metadata)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write("GGUF"u8.ToArray());
        writer.Write(3u);
        writer.Write(0UL);
        writer.Write((ulong)metadata.Length);
        foreach (var (key, value) in metadata)
        {
            WriteString(writer, key);
            writer.Write(8u);
            WriteString(writer, value);
        }

        writer.Flush();
        return stream.ToArray();
    }

    private static void WriteString(BinaryWriter writer, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        writer.Write((ulong)bytes.Length);
        writer.Write(bytes);
    }
}
