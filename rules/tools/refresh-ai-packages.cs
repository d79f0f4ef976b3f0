// Refreshes rules/coverage/nuget-ai-packages.json, the dated snapshot of a NuGet registry's AI packages, from a listing of the
// registry (tab-separated, one package per line: id, newest version or a status word, licence, summary with [tags]; a header
// line first). Keeps the filter terms and every classification already in the file; a package new to the listing is written
// without one, so AiPackageCoverageTests fails until someone classifies it (a service's SDK in services.json, a runtime in
// runtimes.json, or a class and reason here). See rules/README.md#coverage.
// Run: dotnet run rules/tools/refresh-ai-packages.cs -- <listing.tsv> <date yyyy-MM-dd> [<source description>]
#:project ../../src/LicenseGuard.Core/LicenseGuard.Core.csproj
#:property PublishAot=false
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using LicenseGuard.Catalog;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: dotnet run rules/tools/refresh-ai-packages.cs -- <listing.tsv> <date yyyy-MM-dd> [<source description>]");
    return 2;
}

string snapshotPath = Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "rules/tools", "..", "coverage", "nuget-ai-packages.json");
var snapshot = JsonNode.Parse(File.ReadAllText(snapshotPath))!.AsObject();
var terms = snapshot["terms"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
var known = snapshot["packages"]!.AsArray().ToDictionary(p => p!["id"]!.GetValue<string>(), p => p!.AsObject(), StringComparer.OrdinalIgnoreCase);

int listed = 0;
var packages = new SortedDictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
foreach (string line in File.ReadLines(args[0]).Skip(1))
{
    string[] columns = line.Split('\t');
    if (columns.Length < 4 || columns[1] == "not-served")
    {
        continue;
    }

    listed++;
    string id = columns[0], summary = columns[3];
    if (AiPackageFilter.Matches(id, summary, terms).Count == 0)
    {
        continue;
    }

    var entry = new JsonObject { ["id"] = id, ["summary"] = summary };
    if (known.TryGetValue(id, out var old))
    {
        foreach (string key in new[] { "class", "reason" })
        {
            if (old[key] is { } value)
            {
                entry[key] = value.GetValue<string>();
            }
        }
    }

    packages[id] = entry;
}

var relaxed = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
var text = new StringBuilder();
text.Append("{\n");
foreach (var property in snapshot.Where(p => p.Key != "packages"))
{
    string value = property.Key switch
    {
        "date" => JsonValue.Create(args[1]).ToJsonString(relaxed),
        "source" when args.Length > 2 => JsonValue.Create(args[2]).ToJsonString(relaxed),
        "listed" => listed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => property.Value!.ToJsonString(relaxed),
    };
    text.Append("  ").Append(JsonValue.Create(property.Key).ToJsonString()).Append(": ").Append(value).Append(",\n");
}

text.Append("  \"packages\": [\n");
text.Append(string.Join(",\n", packages.Values.Select(p => "    " + p.ToJsonString(relaxed))));
text.Append("\n  ]\n}\n");
File.WriteAllText(snapshotPath, text.ToString());
Console.WriteLine($"{packages.Count} of {listed} listed packages match the filter; {packages.Values.Count(p => p["class"] == null)} without a class here (services.json and runtimes.json classify the rest).");
return 0;
