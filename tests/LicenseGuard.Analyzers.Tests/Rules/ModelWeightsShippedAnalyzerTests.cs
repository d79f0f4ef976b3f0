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
            "models/llama-3.1-8b.Q4_K_M.gguf", "gguf", "build output, publish output", "Llama 3.1 8B",
            "licence LicenseRef-hf-llama3.1 (open-weights-restricted), from file metadata (gguf general.license)",
            "Conditions: Ship a copy of the licence and display \"Built with Llama\"; Names of derived models start with \"Llama\"; Pass on the Acceptable Use Policy; Above 700 million monthly active users a licence from Meta is required",
            "Qwen2.5 7B (Apache-2.0, permissive), OLMo 2 7B (Apache-2.0, permissive), Mistral 7B (Apache-2.0, permissive)"));
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

    [Fact]
    public async Task AStableDiffusionFileIsOfferedAPermissiveImageModelNotATextModel()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                {|#0:<None Include="sd/v1-5-pruned-emaonly.safetensors" CopyToOutputDirectory="Always" />|}
              </ItemGroup>
            </Project>
            """;
        var weight = Weight("sd/v1-5-pruned-emaonly.safetensors", "safetensors");
        weight.CardPath = "/0/sd/README.md";
        weight.CardLicense = "creativeml-openrail-m";

        await VerifyAsync(project, Inventory(weight), null, Verify.Diagnostic(DiagnosticIds.ModelWeightsShipped).WithLocation(0).WithArguments(
            "sd/v1-5-pruned-emaonly.safetensors", "safetensors", "build output, publish output", "Stable Diffusion 1.x",
            "licence LicenseRef-hf-creativeml-openrail-m (open-weights-restricted), from model card README.md",
            "Conditions: Include the use restrictions (Attachment A) as an enforceable provision in any licence you redistribute under; Give recipients a copy of the licence; Mark modified files and keep notices",
            "FLUX.1 [schnell] (Apache-2.0, permissive)"));
    }

    [Theory]
    [InlineData("text-to-image", "FLUX.1 [schnell] (Apache-2.0, permissive)")]
    [InlineData("feature-extraction", "all-MiniLM-L6-v2 (Apache-2.0, permissive), nomic-embed-text v1.5 (Apache-2.0, permissive), BERT (Apache-2.0, permissive)")]
    [InlineData("automatic-speech-recognition", "Whisper (MIT, permissive)")]
    [InlineData(null, "none chosen, as nothing shows the model's task (name the model in a model card with a pipeline_tag, or in a rules file)")]
    public async Task AnUnknownModelsTaskComesFromItsModelCard(string? pipelineTag, string alternatives)
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                {|#0:<None Include="models/model.onnx" CopyToOutputDirectory="Always" />|}
              </ItemGroup>
            </Project>
            """;
        var weight = Weight("models/model.onnx", "onnx");
        weight.CardPath = "/0/models/README.md";
        weight.CardLicense = "cc-by-nc-4.0";
        weight.CardPipelineTag = pipelineTag;

        await VerifyAsync(project, Inventory(weight), null, new Microsoft.CodeAnalysis.Testing.DiagnosticResult(DiagnosticIds.ModelWeightsShipped, Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments(
            "models/model.onnx", "onnx", "build output, publish output", "an unrecognised model", "licence CC-BY-NC-4.0 (non-commercial), from model card README.md",
            "Not redistributable: no commercial use or redistribution; No commercial use; Give attribution", alternatives));
    }

    [Fact]
    public async Task AnUnknownGgufsTaskComesFromItsArchitecture()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                {|#0:<None Include="models/encoder.gguf" CopyToOutputDirectory="Always" />|}
              </ItemGroup>
            </Project>
            """;
        var weight = Weight("models/encoder.gguf", "gguf", ("general.architecture", "bert"), ("general.license", "cc-by-nc-4.0"));

        await VerifyAsync(project, Inventory(weight), null, new Microsoft.CodeAnalysis.Testing.DiagnosticResult(DiagnosticIds.ModelWeightsShipped, Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments(
            "models/encoder.gguf", "gguf", "build output, publish output", "an unrecognised model", "licence CC-BY-NC-4.0 (non-commercial), from file metadata (gguf general.license)",
            "Not redistributable: no commercial use or redistribution; No commercial use; Give attribution",
            "all-MiniLM-L6-v2 (Apache-2.0, permissive), nomic-embed-text v1.5 (Apache-2.0, permissive), BERT (Apache-2.0, permissive)"));
    }

    [Fact]
    public async Task AnItemTheSdkDefinesIsReportedAtTheUpdateInDirectoryBuildPropsWhenTheProjectDoesNotNameIt()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <None Update="appsettings.json" CopyToOutputDirectory="Always" />
              </ItemGroup>
            </Project>
            """;
        const string props = """
            <Project>
              <ItemGroup>
                {|#0:<None Update="**/*.gguf" CopyToOutputDirectory="PreserveNewest" />|}
              </ItemGroup>
            </Project>
            """;
        await VerifyItemTheSdkDefinesAsync(project, props);
    }

    [Fact]
    public async Task AnItemTheSdkDefinesIsReportedAtTheProjectsUpdateBeforeAnyOtherFile()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                {|#0:<None Update="models/encoder.gguf" CopyToOutputDirectory="PreserveNewest" />|}
              </ItemGroup>
            </Project>
            """;
        const string props = """
            <Project>
              <ItemGroup>
                <None Update="**/*.gguf" CopyToPublishDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """;
        await VerifyItemTheSdkDefinesAsync(project, props);
    }

    /// <summary>A non-commercial GGUF the SDK's glob defines (the build hands over no SDK file), updated in the project or props.</summary>
    private static Task VerifyItemTheSdkDefinesAsync(string project, string directoryBuildProps)
    {
        var weight = Weight("models/encoder.gguf", "gguf", ("general.architecture", "bert"), ("general.license", "cc-by-nc-4.0"));
        weight.DefinedIn = "/usr/share/dotnet/sdk/10.0.100/Sdks/Microsoft.NET.Sdk/targets/Microsoft.NET.Sdk.DefaultItems.props";
        return Verify.AnalyzerAsync(new[] { "class C { }" }, new[] { (ProjectPath, project), ("/Directory.Build.props", directoryBuildProps), (InventoryPath, Inventory(weight)) },
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(DiagnosticIds.ModelWeightsShipped, DiagnosticSeverity.Error).WithLocation(0));
    }
}
