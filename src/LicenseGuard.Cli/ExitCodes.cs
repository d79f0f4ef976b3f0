namespace LicenseGuard.Cli;

/// <summary>Documented exit codes (docs/cli.md). Never renumber them.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing at or above --fail-on.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above --fail-on.</summary>
    public const int Findings = 1;

    /// <summary>The command line is wrong.</summary>
    public const int UsageError = 2;

    /// <summary>A rules file is invalid.</summary>
    public const int InvalidRulesFile = 3;

    /// <summary>A feed could not be reached, or the package was not found.</summary>
    public const int FeedFailure = 4;

    /// <summary>A bug in LicenseGuard.</summary>
    public const int InternalError = 70;
}
