namespace LicenseGuard.Analyzers.Tests.Accuracy;

/// <summary>
/// <c>dotnet run --project tests/LicenseGuard.Analyzers.Tests -- accuracy</c>: runs the accuracy corpus and prints precision
/// and recall per category, each class of shapes, the known misses and any problem; exits 1 when the corpus fails (the same
/// condition as <see cref="AccuracyCorpusTests"/>). The test host does not use this entry point.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["accuracy"])
        {
            Console.Error.WriteLine("usage: dotnet run --project tests/LicenseGuard.Analyzers.Tests -- accuracy");
            return 2;
        }

        var result = await AccuracyCorpus.RunAsync();
        Console.Write(result.Format());
        return result.Failures.Any() ? 1 : 0;
    }
}
