using System.Diagnostics;

namespace LicenseGuard.Cli.Tests;

/// <summary>Runs the real licenseguard tool (licenseguard.dll beside the tests) as a separate process, as users and CI do.</summary>
public static class ToolRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "licenseguard.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
