using System.CommandLine;

namespace LicenseGuard.Cli;

/// <summary>Options shared by every command, declared once.</summary>
internal static class CommonOptions
{
    public static readonly Option<string> Format = new("--format") { Description = "Output format: table (for people) or json (for machines).", DefaultValueFactory = _ => "table" };

    public static readonly Option<bool> Json = new("--json") { Description = "Shorthand for --format json." };

    public static readonly Option<string?> Output = new("--output", "-o") { Description = "Write the report to this file instead of standard output." };

    public static readonly Option<string> FailOn = new("--fail-on") { Description = "Exit with code 1 when a finding is at least this severe: error (policy deny) or warning (policy warn too).", DefaultValueFactory = _ => "error" };

    public static readonly Option<bool> NoPaths = new("--no-paths") { Description = "Do not print the dependency path that brings each package." };

    public static readonly Option<string> Verbosity = new("--verbosity", "-v") { Description = "How much to say on standard error: quiet, minimal, normal, detailed or diagnostic.", DefaultValueFactory = _ => "normal" };

    static CommonOptions()
    {
        Format.AcceptOnlyFromAmong("table", "json");
        FailOn.AcceptOnlyFromAmong("error", "warning");
        Verbosity.AcceptOnlyFromAmong("quiet", "q", "minimal", "m", "normal", "n", "detailed", "d", "diagnostic", "diag");
        Output.Validators.Add(result => ValidateOutputPath(result, result.GetValueOrDefault<string?>()));
    }

    /// <summary>Checked when the command line is parsed, so a long scan never ends in a report that cannot be written.</summary>
    private static void ValidateOutputPath(System.CommandLine.Parsing.OptionResult result, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            result.AddError("--output needs a file path.");
            return;
        }

        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            result.AddError($"--output '{path}' is a folder; name a file in it.");
        }
        else if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            result.AddError($"--output '{path}': the folder '{folder}' does not exist.");
        }
        else if (CannotWrite(full) is { } reason)
        {
            result.AddError($"--output '{path}' cannot be written: {reason}.");
        }
    }

    /// <summary>Opens the file for writing (creating it only for the probe), so a read-only file or folder is found before any work.</summary>
    private static string? CannotWrite(string path)
    {
        bool existed = File.Exists(path);
        try
        {
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
            {
            }

            if (!existed)
            {
                File.Delete(path);
            }

            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return existed ? "the file is read-only or not yours" : "the folder is read-only or not yours";
        }
        catch (IOException e)
        {
            return e.Message.Split(':')[0].Trim().ToLowerInvariant();
        }
    }
}
