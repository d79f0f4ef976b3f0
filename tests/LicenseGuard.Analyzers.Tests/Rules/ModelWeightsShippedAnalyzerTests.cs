using LicenseGuard.Inventory;
using Microsoft.CodeAnalysis;
using Verify = LicenseGuard.Analyzers.Tests.Harness.Verify<LicenseGuard.Analyzers.Rules.ModelWeightsShippedAnalyzer>;

namespace LicenseGuard.Analyzers.Tests.Rules;

public class ModelWeightsShippedAnalyzerTests
{
    private const string ProjectPath = "/0/App.csproj";
    private const string InventoryPath = "/0/obj/licenseguard.inventory.json";

    private static WeightFact Weight(string item, string format, params (string Key, string Value)[] metadata)
    {
        var weight = new WeightFact { Item = item, FullPath = "/0/" + item, ItemType = "None", DefinedIn = ProjectPath, Format = format, Size = 4_000_000_000 };
        weight.Destinations.AddRange(new[] { "output", "publish" });
        foreach (var (key, value) in metadata)
        {
            weight.Metadata[key] = value;
        }

        return weight;
    }

    private static string Inventory(params WeightFact[] weights)
    {
        var inventory = new ProjectInventory { Project = ProjectPath };
        inventory.Weights.AddRange(weights);
        return inventory.ToJson();
    }

    private static Task VerifyAsync(string project, string inventory, string? rules, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var files = new List<(string, string)> { (ProjectPath, project), (InventoryPath, inventory) };
        if (rules != null)
        {
            files.Add(("/0/licenseguard.json", rules));
        }

        return Verify.AnalyzerAsync(new[] { "class C { }" }, files.ToArray(), expected);
    }

    [Fact]
    public async Task LlamaGgufIsAWarningWithItsConditionsAtTheWildcardItem()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                {|#0:<None Include="models\*.gguf" CopyToOutputDirectory="PreserveNewest" />|}
              </ItemGroup>
            </Project>
            """;
        var inventory = Inventory(Weight("models/llama-3.1-8b.Q4_K_M.gguf", "gguf", ("general.license", "llama3.1"), ("general.name", "Meta-Llama-3.1-8B-Instruct")));

        await VerifyAsync(project, inventory, null, Verify.Diagnostic(DiagnosticIds.ModelWeightsShipped).WithLocation(0).WithArguments(
            "models/llama-3.1-8b.Q4_K_M.gguf", "gguf", "build output, publish output", "Llama 3.1 8B", "LicenseRef-hf-llama3.1", "open-weights-restricted",
            "file metadata (gguf general.license)",
            "Conditions: Ship a copy of the licence and display \"Built with Llama\"; Names of derived models start with \"Llama\"; Pass on the Acceptable Use Policy; Above 700 million monthly active users a licence from Meta is required",
            "Mistral 7B (Apache-2.0), Mixtral 8x7B (Apache-2.0), Qwen2.5 7B (Apache-2.0)"));
    }

    [Fact]
    public async Task ClosedAndNonCommercialWeightsAreErrors()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                {|#0:<Content Include="weights/c4ai-command-r-v01.safetensors" CopyToPublishDirectory="Always" />|}
                {|#1:<EmbeddedResource Include="weights/vendor.onnx" />|}
              </ItemGroup>
            </Project>
            """;
        var inventory = Inventory(
            Weight("weights/c4ai-command-r-v01.safetensors", "safetensors"),
            Weight("weights/vendor.onnx", "onnx", ("license", "LicenseRef-proprietary")));

        await VerifyAsync(project, inventory, null,
            Verify.Diagnostic(DiagnosticIds.ModelWeightsShipped).WithLocation(0).WithSeverity(DiagnosticSeverity.Error),
            Verify.Diagnostic(DiagnosticIds.ModelWeightsShipped).WithLocation(1).WithSeverity(DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task NonCommercialProductTurnsNonCommercialWeightsIntoWarnings()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                {|#0:<None Include="weights/c4ai-command-r-v01.safetensors" CopyToOutputDirectory="Always" />|}
              </ItemGroup>
            </Project>
            """;
        await VerifyAsync(project, Inventory(Weight("weights/c4ai-command-r-v01.safetensors", "safetensors")), """{ "policy": { "nonCommercialProduct": true } }""",
            Verify.Diagnostic(DiagnosticIds.ModelWeightsShipped).WithLocation(0));
    }

    [Fact]
    public async Task PermissiveWeightsAreAnInformationalNoticeAndUnknownOnesAWarning()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                {|#0:<None Include="models/gpt-j-6b.safetensors" CopyToOutputDirectory="Always" />|}
                {|#1:<None Include="models/mystery.gguf" CopyToOutputDirectory="Always" />|}
              </ItemGroup>
            </Project>
            """;
        await VerifyAsync(project, Inventory(Weight("models/gpt-j-6b.safetensors", "safetensors"), Weight("models/mystery.gguf", "gguf")), null,
            Verify.Diagnostic(DiagnosticIds.ModelWeightsShipped).WithLocation(0).WithSeverity(DiagnosticSeverity.Info),
            Verify.Diagnostic(DiagnosticIds.ModelWeightsShipped).WithLocation(1).WithSeverity(DiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task FileExceptionSilencesExactlyThatFile()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <None Include="models/llama/a.gguf" CopyToOutputDirectory="Always" />
                {|#0:<None Include="models/gemma/b.gguf" CopyToOutputDirectory="Always" />|}
              </ItemGroup>
            </Project>
            """;
        var inventory = Inventory(Weight("models/llama/a.gguf", "gguf", ("general.license", "llama3.1")), Weight("models/gemma/b.gguf", "gguf", ("general.license", "gemma")));
        const string rules = """{ "policy": { "exceptions": [ { "file": "models/llama/*.gguf", "reason": "Licence copy and attribution ship with the app." } ] } }""";

        await VerifyAsync(project, inventory, rules, Verify.Diagnostic(DiagnosticIds.ModelWeightsShipped).WithLocation(0));
    }

    [Fact]
    public async Task LicenceCanComeFromTheModelCardWhenTheHeaderHasNone()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                {|#0:<None Include="sd/model.safetensors" CopyToOutputDirectory="Always" />|}
              </ItemGroup>
            </Project>
            """;
        var weight = Weight("sd/model.safetensors", "safetensors");
        weight.CardPath = "/0/sd/README.md";
        weight.CardLicense = "creativeml-openrail-m";

        await VerifyAsync(project, Inventory(weight), null, Verify.Diagnostic(DiagnosticIds.ModelWeightsShipped).WithLocation(0));
    }
}
