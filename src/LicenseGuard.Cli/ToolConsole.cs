namespace LicenseGuard.Cli;

/// <summary>Everything that is not the report goes to standard error; progress only when standard error is a terminal.</summary>
internal sealed class ToolConsole(string verbosity)
{
    private readonly object gate = new();
    private readonly bool quiet = verbosity is "quiet" or "q";
    private readonly bool detailed = verbosity is "detailed" or "d" or "diagnostic" or "diag";
    private readonly bool progress = !Console.IsErrorRedirected && verbosity is not ("quiet" or "q" or "minimal" or "m");
    private int progressWidth;

    public void Error(string message) => Console.Error.WriteLine(message);

    public void Warn(string message)
    {
        if (!quiet)
        {
            Progress(null);
            Console.Error.WriteLine("warning: " + message);
        }
    }

    public void Info(string message)
    {
        if (!quiet)
        {
            Console.Error.WriteLine(message);
        }
    }

    /// <summary>Says more with <c>--verbosity detailed</c> (timings per project, for example).</summary>
    public void Detail(string message)
    {
        if (detailed)
        {
            lock (gate)
            {
                Progress(null);
                Console.Error.WriteLine(message);
            }
        }
    }

    /// <summary>Rewrites one status line on the terminal; null clears it. Safe to call from parallel work.</summary>
    public void Progress(string? status)
    {
        if (!progress)
        {
            return;
        }

        lock (gate)
        {
            string line = status ?? string.Empty;
            Console.Error.Write("\r" + line.PadRight(progressWidth) + (status == null ? "\r" : string.Empty));
            progressWidth = status == null ? 0 : Math.Max(progressWidth, line.Length);
        }
    }
}
