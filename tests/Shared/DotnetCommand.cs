using System.Diagnostics;
using System.Text;

namespace LicenseGuard.Tests.Shared;

/// <summary>Runs the dotnet CLI for test fixtures (restore, pack) and returns its exit code and combined output.</summary>
internal static class DotnetCommand
{
    public static (int ExitCode, string Output) Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };

        // Fixture builds must not leave build servers behind.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Both streams are read as they come: reading one to its end first can block on a full pipe of the other.
        var output = new StringBuilder();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    /// <summary>Runs, and throws with the output when the command fails: for fixtures whose tests mean nothing without it.</summary>
    public static void RunOrThrow(string directory, params string[] arguments)
    {
        var (exitCode, output) = Run(directory, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} in {directory} failed:\n{output}");
        }
    }
}
