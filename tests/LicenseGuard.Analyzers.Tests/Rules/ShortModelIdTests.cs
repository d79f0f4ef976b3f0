using LicenseGuard.Matching;
using Verify = LicenseGuard.Analyzers.Tests.Harness.Verify<LicenseGuard.Analyzers.Rules.ClosedModelIdAnalyzer>;

namespace LicenseGuard.Analyzers.Tests.Rules;

/// <summary>
/// Bare ids of three characters or fewer ("o1", "o3") are model ids only where code keeps a model id. Driven by the catalog: a
/// short id added to rules/models.json is held to the same positions without a new test.
/// </summary>
public class ShortModelIdTests
{
    public static TheoryData<string> ShortClosedIds() => new(ShortIds());

    private static IEnumerable<string> ShortIds() =>
        from model in CatalogSnapshot.BuiltIn.Catalog.Models
        where !model.OpenWeights
        from id in model.Ids
        where id.IndexOf('*') < 0 && ModelIdIndex.NeedsModelPosition(id)
        select id;

    [Fact]
    public void TheCatalogHasShortClosedIdsToHoldToPositions() => Assert.Contains("o3", ShortIds());

    [Theory]
    [MemberData(nameof(ShortClosedIds))]
    public async Task TheSameLettersOutsideAModelPositionAreNotAModel(string id)
    {
        string source = $$"""
            using System.Collections.Generic;
            enum Pollutant { NO2, O3 }
            class AirQuality
            {
                const string Ozone = "{{id}}";
                static readonly string[] Pollutants = { "pm10", "{{id}}", "no2" };
                readonly Dictionary<string, double> limits = new() { ["{{id}}"] = 120 };
                readonly Dictionary<string, double> targets = new() { { "{{id}}", 100 }, { "no2", 40 } };
                string Grade(int score) => score > 90 ? "{{id}}" : "b1";
                string Label() { return "{{id}}"; }
                bool IsOzone(string pollutant) => pollutant == "{{id}}" || pollutant is "{{id}}";
                void Log(string code) { }
                void M(string sensor)
                {
                    Log("{{id}}");
                    var code = "{{id}}";
                    switch (sensor) { case "{{id}}": break; }
                    var tuple = ("pollutant", "{{id}}");
                    var labels = new List<string> { "{{id}}" };
                }
            }
            """;
        await Verify.AnalyzerAsync(source);
    }

    [Theory]
    [MemberData(nameof(ShortClosedIds))]
    public async Task InAModelPositionTheShortIdIsReported(string id)
    {
        string source = $$"""
            using System;
            using System.Collections.Generic;
            using OpenAI.Chat;
            class Assistant
            {
                const string ReasoningModel = {|#0:"{{id}}"|};
                string DeploymentName { get; set; } = {|#1:"{{id}}"|};
                static readonly string[] FallbackModels = { "gpt-oss:20b", {|#2:"{{id}}"|} };
                string DefaultModel => {|#3:"{{id}}"|};
                ChatClient Client(string key) => new ChatClient({|#4:"{{id}}"|}, key);
                void Ask(string prompt, string model = {|#5:"{{id}}"|}) { }
                void M(string modelId, bool deep)
                {
                    var body = new Dictionary<string, object> { ["model"] = {|#6:"{{id}}"|} };
                    Environment.SetEnvironmentVariable("OPENAI_MODEL", {|#7:"{{id}}"|});
                    var request = new { model = {|#8:"{{id}}"|}, prompt = "hi" };
                    if (modelId == {|#9:"{{id}}"|}) { }
                    string engine = deep ? {|#10:"{{id}}"|} : "gpt-oss:20b";
                }
            }
            """;
        await Verify.AnalyzerAsync(source, Enumerable.Range(0, 11).Select(i => Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(i)).ToArray());
    }
}
