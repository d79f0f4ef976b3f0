using System.CommandLine;
using LicenseGuard.Catalog;

namespace LicenseGuard.Cli;

/// <summary>
/// <c>licenseguard init [folder]</c>: writes a starter licenseguard.json — the schema for editor completion, and the
/// built-in licence policy spelled out, so a team sees at a glance what it is agreeing to and edits it in place.
/// </summary>
internal static class InitCommand
{
    private static readonly Argument<string> FolderArgument = new("folder") { Description = "Where to write licenseguard.json (default: the current folder; a repository root makes it apply to every project below).", DefaultValueFactory = _ => "." };

    private static readonly Option<bool> ForceOption = new("--force") { Description = "Overwrite an existing licenseguard.json." };

    public static Command Create()
    {
        var command = new Command("init", "Write a starter licenseguard.json: the JSON schema and the licence policy, ready to edit.")
        {
            FolderArgument, ForceOption,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        string folder = Path.GetFullPath(parse.GetValue(FolderArgument)!);
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine(File.Exists(folder) ? $"{folder} is a file; init takes the folder to write licenseguard.json in." : $"{folder} does not exist.");
            return ExitCodes.UsageError;
        }

        string path = Path.Combine(folder, "licenseguard.json");
        if (File.Exists(path) && !parse.GetValue(ForceOption))
        {
            Console.Error.WriteLine($"{path} exists; edit it, or pass --force to replace it.");
            return ExitCodes.UsageError;
        }

        File.WriteAllText(path, Starter());
        Console.Error.WriteLine($"Wrote {path}. Projects in and below {folder} use it on their next build; see docs/configuration.md.");
        return ExitCodes.Success;
    }

    internal static string Starter()
    {
        var policy = RulesCatalog.BuiltIn.Policy;
        string Action(string licenseClass) => policy.Classes.TryGetValue(licenseClass, out var action) ? action.ToString().ToLowerInvariant() : "warn";
        var classes = LicenseClasses.All.Select(c => $"      \"{c}\": \"{Action(c)}\"");
        return $$"""
            {
              "$schema": "{{RulesFileEditor.SchemaUrl}}",

              // What to do with each licence class of a NuGet package (direct or transitive): allow, warn or deny (an error).
              // These are LicenseGuard's defaults, spelled out; change any of them.
              "policy": {
                "classes": {
            {{string.Join(",\n", classes)}}
                },

                // Per-licence overrides, by SPDX id or LicenseRef: "licenses": { "MPL-2.0": "allow" }.
                "licenses": {},

                // Packages you accepted, with a reason (and optionally a version range and an expiry date):
                // { "package": "EPPlus", "version": "[4.5.3.3]", "reason": "LGPL accepted by legal, 2026-11", "expires": "2027-06-30" }
                "exceptions": [],

                // Your own packages, never judged: "Contoso.*".
                "ignore": []
              }

              // Services, models and per-rule settings ("rules": { "LG1002": { "ignore": ["api.openai.com"] } }) go here too.
            }

            """;
    }
}
