// category: model
// Bare ids of three characters or fewer ("o1", "o3"): a model where code keeps a model id (a parameter, member, variable or key
// named for a model, deployment or engine), and the same two characters everywhere else they are common: air-quality codes,
// grades, chemical formulas, labels, enum-like constants, test data.
using System;
using System.Collections.Generic;
using OpenAI.Chat;

namespace Corpus.ShortModelIds;

// case: the reasoning model chosen by tier — a switch expression assigned to a variable named for the model
public static class ReasoningTier
{
    public static string Pick(bool deep)
    {
        string reasoningModel = deep ? "o3" : "gpt-oss:20b"; // expect: LG1003
        return reasoningModel;
    }
}

// case: the SDK's model parameter — GetChatClient(model)
public static class SdkArgument
{
    public static ChatClient Create(OpenAI.OpenAIClient client) => client.GetChatClient("o1"); // expect: LG1001 LG1003
}

// case: an environment default for a model — the key beside the value names the model
public static class EnvironmentDefault
{
    public static void Apply() => Environment.SetEnvironmentVariable("AZURE_OPENAI_DEPLOYMENT", "o3"); // expect: LG1003
}

// case: ozone in an air-quality index — a pollutant code, not a model
public static class AirQualityIndex
{
    private static readonly Dictionary<string, double> Limits = new() { ["pm25"] = 25, ["o3"] = 100, ["no2"] = 40 };

    public static double LimitOf(string pollutant) => Limits.TryGetValue(pollutant, out var limit) ? limit : double.NaN;

    public static bool IsOzone(string pollutant) => pollutant == "o3";
}

// case: paper sizes and grades — short codes that share the letters
public static class Codes
{
    public static readonly string[] Grades = { "a1", "b2", "o1" };

    public static string Describe(string code) => code switch
    {
        "o1" => "outstanding",
        "o3" => "ozone",
        _ => "other",
    };
}

// case: a chemical formula in a label — the text of a UI string
public static class Labels
{
    public static string Ozone() => "o3";
}
