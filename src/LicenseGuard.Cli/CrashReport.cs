namespace LicenseGuard.Cli;

/// <summary>
/// An internal error (exit code 70) keeps standard error to one line; the stack trace goes to a file that the line names,
/// for the bug report.
/// </summary>
internal static class CrashReport
{
    public static string Write(string[] args, Exception exception)
    {
        try
        {
            string path = Path.Combine(Path.GetTempPath(), $"licenseguard-crash-{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}.txt");
            File.WriteAllText(path, $"licenseguard {typeof(CrashReport).Assembly.GetName().Version}\nargs: {string.Join(' ', args)}\n\n{exception}\n");
            return $"This is a bug in LicenseGuard; please report it with the command you ran and {path}.";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "This is a bug in LicenseGuard; please report it with the command you ran.";
        }
    }
}
