using System.CommandLine;
using LicenseGuard.Cli;

var root = new RootCommand("LicenseGuard: keeps AI licence risk out of .NET codebases. Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage error, 3 invalid rules file, 4 feed or network failure, 70 internal error.");
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(RulesCommand.Create());
root.Subcommands.Add(ScanCommand.Create());
root.Subcommands.Add(BaselineCommand.Create());
root.Subcommands.Add(NoticesCommand.Create());
root.Subcommands.Add(InitCommand.Create());
root.Subcommands.Add(MigrateCommand.Create());

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    var parse = root.Parse(args);
    if (parse.Errors.Count > 0)
    {
        foreach (var error in parse.Errors)
        {
            Console.Error.WriteLine(error.Message);
        }

        Console.Error.WriteLine("Run 'licenseguard --help' for usage.");
        return ExitCodes.UsageError;
    }

    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellation.Token);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return ExitCodes.InternalError;
}
catch (CommandException e)
{
    Console.Error.WriteLine(e.Message);
    return e.ExitCode;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    // A file or folder the user named (or the working folder) cannot be read or written: theirs to fix, not a bug.
    Console.Error.WriteLine($"licenseguard: {e.Message}");
    return ExitCodes.UsageError;
}
catch (Exception e)
{
    Console.Error.WriteLine($"licenseguard failed unexpectedly ({e.GetType().Name}: {e.Message}). {CrashReport.Write(args, e)}");
    return ExitCodes.InternalError;
}
