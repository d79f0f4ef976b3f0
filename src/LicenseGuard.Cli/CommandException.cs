namespace LicenseGuard.Cli;

/// <summary>
/// A failure the user can act on: Program prints its message as one line and exits with its documented code
/// (<see cref="ExitCodes"/>), never with a stack trace.
/// </summary>
internal class CommandException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>The command line names something that is not there or not usable; exit code 2.</summary>
internal sealed class UsageException(string message, Exception? inner = null) : CommandException(ExitCodes.UsageError, message, inner);

/// <summary>A feed or the network failed, or the package is not there; exit code 4.</summary>
internal sealed class FeedException(string message, Exception? inner = null) : CommandException(ExitCodes.FeedFailure, message, inner);
